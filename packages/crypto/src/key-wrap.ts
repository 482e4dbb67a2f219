/**
 * Key wrapping and key grants.
 * - wrapKey: private keys (or any key) under a symmetric key: the password-derived wrapping key
 *   or a printed recovery key. An envelope with purpose 'kenekanko/v1/key-wrap'.
 * - Key grants: one row (object, key id, key version, recipient, sealed key) per key handed to
 *   someone. keyGrantContext turns the row into the envelope context, so a sealed key cannot be
 *   moved to another row (another object, version or recipient) without failing to open.
 */
import { CryptoError, assertInteger } from './errors.ts';
import { PURPOSES } from './context.ts';
import type { EnvelopeContext } from './context.ts';
import { openEnvelope, sealEnvelope } from './envelope.ts';
import { openSealed, sealToPublicKey } from './sealed-box.ts';
import { canonicalJson } from './canonical-json.ts';

export function wrapKey(wrappingKey: Uint8Array, context: EnvelopeContext, keyMaterial: Uint8Array): Uint8Array {
  return sealEnvelope(wrappingKey, PURPOSES.keyWrap, context, keyMaterial);
}

export function unwrapKey(wrappingKey: Uint8Array, context: EnvelopeContext, wrapped: Uint8Array): Uint8Array {
  return openEnvelope(wrappingKey, PURPOSES.keyWrap, context, wrapped);
}

/** The columns of a key_grants row that say which key goes to whom. */
export type KeyGrantRef = {
  readonly objectType: string; // 'organisation' | 'alert' | 'coalition' | 'custodian'
  readonly objectId: string;
  readonly keyKind: string; // 'organisation' | 'content' | 'desk' | 'identity' | …
  readonly keyVersion: number;
  readonly recipientType: string; // 'user' | 'organisation' | 'reporter' | 'custodian' | 'recovery'
  readonly recipientId: string;
  readonly recipientKeyVersion: number;
};

export const KEY_GRANT_OBJECT_KIND = 'key-grant';

/**
 * alertId = objectId when objectType is 'alert', else ''; objectKind = 'key-grant';
 * field = canonical JSON of the whole reference.
 */
export function keyGrantContext(grant: KeyGrantRef): EnvelopeContext {
  for (const name of ['objectType', 'objectId', 'keyKind', 'recipientType', 'recipientId'] as const) {
    if (typeof grant[name] !== 'string' || grant[name] === '') throw new CryptoError('bad-input', `grant.${name} must be a non-empty string`);
  }
  assertInteger(grant.keyVersion, 'grant.keyVersion', 0, Number.MAX_SAFE_INTEGER);
  assertInteger(grant.recipientKeyVersion, 'grant.recipientKeyVersion', 0, Number.MAX_SAFE_INTEGER);
  const field = canonicalJson({
    keyKind: grant.keyKind,
    keyVersion: grant.keyVersion,
    objectId: grant.objectId,
    objectType: grant.objectType,
    recipientId: grant.recipientId,
    recipientKeyVersion: grant.recipientKeyVersion,
    recipientType: grant.recipientType,
  });
  return { alertId: grant.objectType === 'alert' ? grant.objectId : '', objectKind: KEY_GRANT_OBJECT_KIND, field };
}

/** Seals `key` to the recipient's X25519 public key for this grant row. */
export function sealKeyGrant(recipientPublicKey: Uint8Array, grant: KeyGrantRef, key: Uint8Array): Uint8Array {
  return sealToPublicKey(recipientPublicKey, PURPOSES.sealedKey, keyGrantContext(grant), key);
}

export function openKeyGrant(recipientPrivateKey: Uint8Array, grant: KeyGrantRef, sealed: Uint8Array): Uint8Array {
  return openSealed(recipientPrivateKey, PURPOSES.sealedKey, keyGrantContext(grant), sealed);
}
