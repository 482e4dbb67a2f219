/**
 * Sealed boxes: encryption to an X25519 public key (key grants, drafts sealed to an
 * organisation, forwarded packages). Version 1 layout:
 *   [version = 1][purpose length u8][purpose][ephemeral public key 32][nonce 24][ciphertext || tag]
 * key = HKDF-SHA-256(ikm = X25519(eph, recipient), salt = eph_pub || recipient_pub,
 *                    info = 'kenekanko/v1/sealed-box' 0x00 || encodeContext(...), 32)
 * The AEAD's associated data is encodeContext(...) as for symmetric envelopes.
 *
 * SECURITY: the sender is anonymous (anyone holding the public key can seal); authenticity,
 * where it matters, comes from a separate signature (statements.ts).
 */
import { CryptoError, assertBytes } from './errors.ts';
import { concatBytes, randomBytes, utf8Encode } from './encoding.ts';
import { X25519_KEY_LENGTH, x25519KeyPair, x25519PublicKey, x25519SharedSecret } from './curves.ts';
import { AEAD_TAG_LENGTH, KEY_LENGTH, XCHACHA_NONCE_LENGTH, hkdfSha256, xchachaOpen, xchachaSeal } from './symmetric.ts';
import { assertPurpose, encodeContext } from './context.ts';
import type { EnvelopeContext, Purpose } from './context.ts';
import { ENVELOPE_VERSION, encodeHeader, frameForPurpose, readHeader } from './envelope.ts';
import { unpad } from './padding.ts';

const SEALED_BOX_LABEL = concatBytes(utf8Encode('kenekanko/v1/sealed-box'), Uint8Array.of(0));

function boxKey(shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array, aad: Uint8Array): Uint8Array {
  // Both public keys in the salt bind the key to this exact pair, as libsodium's sealed box does.
  return hkdfSha256(shared, concatBytes(ephemeralPublic, recipientPublic), concatBytes(SEALED_BOX_LABEL, aad), KEY_LENGTH);
}

export function sealToPublicKey(
  recipientPublicKey: Uint8Array,
  purpose: Purpose,
  context: EnvelopeContext,
  plaintext: Uint8Array,
): Uint8Array {
  assertBytes(recipientPublicKey, 'recipientPublicKey', X25519_KEY_LENGTH);
  assertPurpose(purpose);
  assertBytes(plaintext, 'plaintext');
  const aad = encodeContext(ENVELOPE_VERSION, purpose, context);
  // SECURITY: a fresh ephemeral key per box, dropped after use: the sender cannot reopen it.
  const ephemeral = x25519KeyPair();
  const shared = x25519SharedSecret(ephemeral.privateKey, recipientPublicKey);
  const key = boxKey(shared, ephemeral.publicKey, recipientPublicKey, aad);
  const nonce = randomBytes(XCHACHA_NONCE_LENGTH);
  const ciphertext = xchachaSeal(key, nonce, frameForPurpose(purpose, plaintext, {}), aad);
  shared.fill(0);
  key.fill(0);
  ephemeral.privateKey.fill(0);
  return concatBytes(encodeHeader(purpose), ephemeral.publicKey, nonce, ciphertext);
}

/** Throws like openEnvelope; 'low-order-point' if the ephemeral key was tampered into one. */
export function openSealed(
  recipientPrivateKey: Uint8Array,
  purpose: Purpose,
  context: EnvelopeContext,
  sealed: Uint8Array,
): Uint8Array {
  assertBytes(recipientPrivateKey, 'recipientPrivateKey', X25519_KEY_LENGTH);
  assertPurpose(purpose);
  const aad = encodeContext(ENVELOPE_VERSION, purpose, context);
  const offset = readHeader(sealed, purpose);
  const nonceAt = offset + X25519_KEY_LENGTH;
  const bodyAt = nonceAt + XCHACHA_NONCE_LENGTH;
  if (sealed.length < bodyAt + AEAD_TAG_LENGTH) throw new CryptoError('bad-envelope', 'sealed box too short');
  const ephemeralPublic = sealed.slice(offset, nonceAt);
  const shared = x25519SharedSecret(recipientPrivateKey, ephemeralPublic);
  const key = boxKey(shared, ephemeralPublic, x25519PublicKey(recipientPrivateKey), aad);
  try {
    return unpad(xchachaOpen(key, sealed.subarray(nonceAt, bodyAt), sealed.subarray(bodyAt), aad));
  } finally {
    shared.fill(0);
    key.fill(0);
  }
}
