/**
 * Symmetric envelopes, version 1:
 *   [version = 1][purpose length u8][purpose UTF-8][nonce 24][XChaCha20-Poly1305 ciphertext || tag 16]
 * The plaintext is framed and padded (padding.ts) before encryption, and the AAD is
 * encodeContext(version, purpose, context) (context.ts).
 */
import { CryptoError, assertBytes } from './errors.ts';
import { concatBytes, equalBytes, randomBytes, utf8Encode } from './encoding.ts';
import { AEAD_TAG_LENGTH, XCHACHA_NONCE_LENGTH, xchachaOpen, xchachaSeal } from './symmetric.ts';
import { PROTOCOL_VERSION, PURPOSES, assertPurpose, encodeContext } from './context.ts';
import type { EnvelopeContext, Purpose } from './context.ts';
import { IDENTITY_PADDED_SIZE, isBucketSize, padToBucket, unpad } from './padding.ts';

export const ENVELOPE_VERSION = PROTOCOL_VERSION;

export type SealOptions = {
  /** Pad the frame to exactly this bucket size; sealing throws if the plaintext does not fit. */
  readonly padTo?: number;
};

/** Reads the version byte; throws 'unsupported-version' for anything but 1. */
export function envelopeVersion(envelope: Uint8Array): number {
  assertBytes(envelope, 'envelope');
  const version = envelope[0];
  if (version === undefined) throw new CryptoError('bad-envelope', 'envelope is empty');
  if (version !== ENVELOPE_VERSION) throw new CryptoError('unsupported-version', `envelope version ${version}`);
  return version;
}

/** [version][purpose length][purpose]: the header shared by envelopes and sealed boxes. */
export function encodeHeader(purpose: Purpose): Uint8Array {
  const purposeBytes = utf8Encode(purpose);
  return concatBytes(Uint8Array.of(ENVELOPE_VERSION, purposeBytes.length), purposeBytes);
}

/**
 * Checks the version and that the stored purpose is the one the caller expects; returns the
 * offset of the body. The caller never trusts the purpose written in the envelope: it always
 * decrypts under the purpose it asked for.
 */
export function readHeader(envelope: Uint8Array, purpose: Purpose): number {
  envelopeVersion(envelope);
  const expected = utf8Encode(purpose);
  const length = envelope[1];
  if (length === undefined || length !== expected.length || envelope.length < 2 + length) {
    throw new CryptoError('bad-envelope', 'wrong purpose');
  }
  if (!equalBytes(envelope.subarray(2, 2 + length), expected)) throw new CryptoError('bad-envelope', 'wrong purpose');
  return 2 + length;
}

/** Encrypts an already framed plaintext. Internal: files frame their chunks to a fixed size. */
export function sealFramed(key: Uint8Array, purpose: Purpose, context: EnvelopeContext, frame: Uint8Array): Uint8Array {
  assertPurpose(purpose);
  const aad = encodeContext(ENVELOPE_VERSION, purpose, context);
  // SECURITY: a fresh random 192-bit nonce per envelope; never a counter that could restart.
  const nonce = randomBytes(XCHACHA_NONCE_LENGTH);
  return concatBytes(encodeHeader(purpose), nonce, xchachaSeal(key, nonce, frame, aad));
}

export function frameForPurpose(purpose: Purpose, plaintext: Uint8Array, opts: SealOptions): Uint8Array {
  // SECURITY: identity envelopes always have one size, so the database does not show who gave one.
  const padTo = purpose === PURPOSES.identity ? IDENTITY_PADDED_SIZE : opts.padTo;
  if (padTo === undefined) return padToBucket(plaintext);
  if (opts.padTo !== undefined && opts.padTo !== padTo) throw new CryptoError('bad-input', 'identity envelopes have a fixed size');
  if (!isBucketSize(padTo)) throw new CryptoError('bad-input', 'padTo must be a bucket size');
  const frame = padToBucket(plaintext, padTo);
  // SECURITY: never grow silently past padTo: a larger envelope would stand out.
  if (frame.length !== padTo) throw new CryptoError('bad-input', 'plaintext does not fit padTo');
  return frame;
}

export function sealEnvelope(
  key: Uint8Array,
  purpose: Purpose,
  context: EnvelopeContext,
  plaintext: Uint8Array,
  opts: SealOptions = {},
): Uint8Array {
  assertPurpose(purpose);
  assertBytes(plaintext, 'plaintext');
  return sealFramed(key, purpose, context, frameForPurpose(purpose, plaintext, opts));
}

/**
 * Decrypts and unpads. Throws 'unsupported-version', 'bad-envelope' (wrong purpose, bad layout
 * or padding) or 'decrypt-failed' (wrong key, wrong context, any change to the bytes).
 */
export function openEnvelope(key: Uint8Array, purpose: Purpose, context: EnvelopeContext, envelope: Uint8Array): Uint8Array {
  assertPurpose(purpose);
  const aad = encodeContext(ENVELOPE_VERSION, purpose, context);
  const offset = readHeader(envelope, purpose);
  if (envelope.length < offset + XCHACHA_NONCE_LENGTH + AEAD_TAG_LENGTH) throw new CryptoError('bad-envelope', 'envelope too short');
  const nonce = envelope.subarray(offset, offset + XCHACHA_NONCE_LENGTH);
  const frame = xchachaOpen(key, nonce, envelope.subarray(offset + XCHACHA_NONCE_LENGTH), aad);
  return unpad(frame);
}
