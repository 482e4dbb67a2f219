/**
 * X25519 and Ed25519: thin, checked wrappers over @noble/curves. The Wycheproof vectors run
 * through these exact functions (test-vectors/, *.wycheproof.test.ts).
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { CryptoError, assertBytes } from './errors.ts';
import { randomBytes } from './encoding.ts';

export const X25519_KEY_LENGTH = 32;
export const ED25519_KEY_LENGTH = 32;
export const ED25519_SIGNATURE_LENGTH = 64;

export type KeyPair = { readonly publicKey: Uint8Array; readonly privateKey: Uint8Array };

/**
 * An X25519 key pair. The private key is the 32-byte seed itself (RFC 7748 clamps it at use),
 * so a seed from HKDF gives the same pair everywhere.
 */
export function x25519KeyPair(seed?: Uint8Array): KeyPair {
  if (seed !== undefined) assertBytes(seed, 'seed', X25519_KEY_LENGTH);
  const privateKey = seed === undefined ? randomBytes(X25519_KEY_LENGTH) : Uint8Array.from(seed);
  return { publicKey: x25519.getPublicKey(privateKey), privateKey };
}

/** The X25519 public key of a private key (used to rebuild the HKDF salt of a sealed box). */
export function x25519PublicKey(privateKey: Uint8Array): Uint8Array {
  assertBytes(privateKey, 'privateKey', X25519_KEY_LENGTH);
  return x25519.getPublicKey(privateKey);
}

/**
 * RFC 7748 X25519. Public keys are taken as RFC 7748 says (top bit masked, non-canonical
 * values reduced, points on the twist accepted).
 *
 * SECURITY: a low-order public key gives an all-zero secret that an attacker knows in advance,
 * so the "shared" key would not be secret at all. noble refuses the five low-order u values
 * before the ladder; we also check the output, so that the rule holds even if that changes.
 */
export function x25519SharedSecret(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  assertBytes(privateKey, 'privateKey', X25519_KEY_LENGTH);
  assertBytes(publicKey, 'publicKey', X25519_KEY_LENGTH);
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(privateKey, publicKey);
  } catch {
    throw new CryptoError('low-order-point', 'X25519 public key is of low order');
  }
  let acc = 0;
  for (const byte of shared) acc |= byte;
  if (acc === 0) throw new CryptoError('low-order-point', 'X25519 shared secret is all zero');
  return shared;
}

/** An Ed25519 key pair; the private key is the 32-byte RFC 8032 seed. */
export function ed25519KeyPair(seed?: Uint8Array): KeyPair {
  if (seed !== undefined) assertBytes(seed, 'seed', ED25519_KEY_LENGTH);
  const privateKey = seed === undefined ? randomBytes(ED25519_KEY_LENGTH) : Uint8Array.from(seed);
  return { publicKey: ed25519.getPublicKey(privateKey), privateKey };
}

export function ed25519Sign(message: Uint8Array, privateKey: Uint8Array): Uint8Array {
  assertBytes(message, 'message');
  assertBytes(privateKey, 'privateKey', ED25519_KEY_LENGTH);
  return ed25519.sign(message, privateKey);
}

/**
 * Strict RFC 8032 verification (noble `zip215: false`): S must be below the group order,
 * A and R must be canonical encodings, and small-order public keys are refused.
 * Any bad signature, including one of the wrong length, gives `false`; only arguments that are
 * not byte arrays, or a public key that is not 32 bytes, throw 'bad-input'.
 */
export function ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  assertBytes(signature, 'signature');
  assertBytes(message, 'message');
  assertBytes(publicKey, 'publicKey', ED25519_KEY_LENGTH);
  if (signature.length !== ED25519_SIGNATURE_LENGTH) return false;
  try {
    // SECURITY: zip215 stays false. ZIP-215 accepts non-canonical encodings, which would let a
    // signature be re-spelled (malleated) and still verify; a signed directory, message or audit
    // checkpoint must have exactly one valid signature bytes per signer and content.
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** ed25519Verify that throws 'bad-signature' instead of returning false. */
export function assertEd25519Signature(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): void {
  if (!ed25519Verify(signature, message, publicKey)) throw new CryptoError('bad-signature', 'Ed25519 signature does not verify');
}

const X25519_P = 2n ** 255n - 19n;

/**
 * (added) Whether 32 bytes are a public key a reporter's browser could have made: a canonical
 * X25519 u-coordinate (below 2^255 - 19, top bit clear) that is not of low order.
 */
export function isValidX25519PublicKey(publicKey: Uint8Array): boolean {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== X25519_KEY_LENGTH) return false;
  let u = 0n;
  for (let i = X25519_KEY_LENGTH - 1; i >= 0; i--) u = (u << 8n) | BigInt(publicKey[i] ?? 0);
  if (u >= X25519_P) return false;
  try {
    x25519SharedSecret(randomBytes(X25519_KEY_LENGTH), publicKey);
    return true;
  } catch {
    return false;
  }
}

/** (added) Whether 32 bytes are the canonical encoding of an Ed25519 point that is not of small order. */
export function isValidEd25519PublicKey(publicKey: Uint8Array): boolean {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== ED25519_KEY_LENGTH) return false;
  try {
    return !ed25519.Point.fromBytes(publicKey, false).isSmallOrder();
  } catch {
    return false;
  }
}
