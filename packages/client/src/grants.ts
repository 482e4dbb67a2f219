/**
 * Key grants (DESIGN §3): one row per key handed to one recipient. A grant to a public key is
 * a sealed box; a grant to an offline recovery key is a key wrap. What is inside depends on
 * the key kind: an organisation's two private keys as PrivateKeysPayload JSON, and the raw
 * 32 bytes for every other kind (content, desk, identity, coalition-signing, custodian).
 *
 * SECURITY: a private key opened from a grant is checked against the public half the caller
 * expects, so a server that seals a key of its own making to a user is caught at once.
 */
import {
  ed25519KeyPair,
  equalBytes,
  fromBase64Url,
  openKeyGrant,
  sealKeyGrant,
  toBase64Url,
  unwrapKey,
  wrapKey,
  x25519KeyPair,
} from '@kenekanko/crypto';
import type { KeyPair } from '@kenekanko/crypto';
import { PrivateKeysPayloadSchema } from '@kenekanko/contracts';
import type { KeyGrant, PrivateKeysPayload } from '@kenekanko/contracts';
import { ClientError } from './errors.ts';
import { grantContext } from './contexts.ts';
import type { GrantHeader } from './contexts.ts';
import { jsonBytes, parseJsonBytes } from './json-bytes.ts';

/** An X25519 pair for sealed boxes and an Ed25519 pair for signatures (users, organisations). */
export type KeySet = { readonly x25519: KeyPair; readonly ed25519: KeyPair };

export function sealGrant(header: GrantHeader, recipientX25519Public: Uint8Array, key: Uint8Array): KeyGrant {
  if (header.recipientType === 'recovery') throw new ClientError('bad-input', 'a recovery grant is a key wrap');
  return { ...header, sealedKey: toBase64Url(sealKeyGrant(recipientX25519Public, header, key)) };
}

export function wrapGrant(header: GrantHeader, recoveryKey: Uint8Array, key: Uint8Array): KeyGrant {
  if (header.recipientType !== 'recovery') throw new ClientError('bad-input', 'only a recovery grant is a key wrap');
  return { ...header, sealedKey: toBase64Url(wrapKey(recoveryKey, grantContext(header), key)) };
}

export function openGrant(grant: KeyGrant, recipientX25519Private: Uint8Array): Uint8Array {
  if (grant.recipientType === 'recovery') throw new ClientError('bad-input', 'a recovery grant is a key wrap');
  return openKeyGrant(recipientX25519Private, grant, fromBase64Url(grant.sealedKey));
}

export function unwrapGrant(grant: KeyGrant, recoveryKey: Uint8Array): Uint8Array {
  if (grant.recipientType !== 'recovery') throw new ClientError('bad-input', 'only a recovery grant is a key wrap');
  return unwrapKey(recoveryKey, grantContext(grant), fromBase64Url(grant.sealedKey));
}

export function privateKeysBytes(keys: KeySet): Uint8Array {
  const payload: PrivateKeysPayload = {
    v: 1,
    x25519Private: toBase64Url(keys.x25519.privateKey),
    ed25519Private: toBase64Url(keys.ed25519.privateKey),
  };
  return jsonBytes(payload);
}

export type ExpectedPublics = { readonly x25519Public: string; readonly ed25519Public: string };

/** Parses PrivateKeysPayload JSON and rebuilds both pairs; throws 'missing-key' if they are not `expected`. */
export function parsePrivateKeys(bytes: Uint8Array, expected: ExpectedPublics, what: string): KeySet {
  const payload = parseJsonBytes(PrivateKeysPayloadSchema, bytes, what);
  const keys: KeySet = {
    x25519: x25519KeyPair(fromBase64Url(payload.x25519Private)),
    ed25519: ed25519KeyPair(fromBase64Url(payload.ed25519Private)),
  };
  const matches =
    equalBytes(keys.x25519.publicKey, fromBase64Url(expected.x25519Public)) &&
    equalBytes(keys.ed25519.publicKey, fromBase64Url(expected.ed25519Public));
  if (!matches) {
    wipeKeySet(keys);
    throw new ClientError('missing-key', `${what} do not match their published public keys`);
  }
  return keys;
}

export function wipeKeySet(keys: KeySet): void {
  keys.x25519.privateKey.fill(0);
  keys.ed25519.privateKey.fill(0);
}

/** A fresh X25519 + Ed25519 key set (a user's or an organisation's), made in this runtime. */
export function newKeySet(): KeySet {
  return { x25519: x25519KeyPair(), ed25519: ed25519KeyPair() };
}
