/**
 * Hashes, HKDF and XChaCha20-Poly1305: thin, checked wrappers over @noble/hashes and
 * @noble/ciphers. The Wycheproof vectors run through these exact functions.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { CryptoError, assertBytes, assertInteger } from './errors.ts';

export const KEY_LENGTH = 32;
export const XCHACHA_NONCE_LENGTH = 24;
export const AEAD_TAG_LENGTH = 16;
export const SHA256_LENGTH = 32;
/** RFC 5869: at most 255 blocks of output. */
export const HKDF_MAX_LENGTH = 255 * SHA256_LENGTH;

export function sha256(b: Uint8Array): Uint8Array {
  assertBytes(b, 'bytes');
  return nobleSha256(b);
}

export function hmacSha256(key: Uint8Array, b: Uint8Array): Uint8Array {
  assertBytes(key, 'key');
  assertBytes(b, 'bytes');
  return hmac(nobleSha256, key, b);
}

/** RFC 5869 HKDF-SHA-256. An empty salt means HashLen zero bytes, as the RFC says. */
export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  assertBytes(ikm, 'ikm');
  assertBytes(salt, 'salt');
  assertBytes(info, 'info');
  assertInteger(length, 'length', 1, HKDF_MAX_LENGTH);
  return hkdf(nobleSha256, ikm, salt, info, length);
}

/**
 * XChaCha20-Poly1305 encryption; returns ciphertext || 16-byte tag.
 * SECURITY: the nonce must never repeat under one key. Callers in this package always take
 * 24 fresh random bytes, for which a collision is negligible (about 2^-97 after 2^48 messages).
 */
export function xchachaSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  assertBytes(key, 'key', KEY_LENGTH);
  assertBytes(nonce, 'nonce', XCHACHA_NONCE_LENGTH);
  assertBytes(plaintext, 'plaintext');
  assertBytes(aad, 'aad');
  return xchacha20poly1305(key, nonce, aad).encrypt(plaintext);
}

/** XChaCha20-Poly1305 decryption; throws 'decrypt-failed' on any bad tag, key, nonce or AAD. */
export function xchachaOpen(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array): Uint8Array {
  assertBytes(key, 'key', KEY_LENGTH);
  assertBytes(nonce, 'nonce', XCHACHA_NONCE_LENGTH);
  assertBytes(ciphertext, 'ciphertext');
  assertBytes(aad, 'aad');
  if (ciphertext.length < AEAD_TAG_LENGTH) throw new CryptoError('decrypt-failed', 'ciphertext shorter than a tag');
  try {
    // noble compares the tag in constant time and releases no plaintext unless it matches.
    return xchacha20poly1305(key, nonce, aad).decrypt(ciphertext);
  } catch {
    throw new CryptoError('decrypt-failed', 'authentication failed');
  }
}
