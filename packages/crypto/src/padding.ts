/**
 * Length hiding. A plaintext is framed as u32be(length) || plaintext || zeros and the frame is
 * grown to a bucket size before encryption, so a ciphertext's length says only which bucket
 * its content fell in.
 *
 * Buckets (frame sizes): 256 B, then every power of two up to 64 KiB, then every multiple of
 * 64 KiB. Overhead is below 2x for small values and below 64 KiB for large ones.
 */
import { CryptoError, assertBytes, assertInteger } from './errors.ts';

export const PADDING_HEADER_LENGTH = 4;
export const MIN_BUCKET = 256;
export const LARGE_BUCKET_STEP = 65_536;
/** The u32 length prefix bounds a frame; envelopes are far smaller in practice. */
export const MAX_PADDED_SIZE = 0xffff_0000;
/** Every identity envelope is padded to exactly this frame size, empty or not. */
export const IDENTITY_PADDED_SIZE = 1_024;
/** The longest identity plaintext that fits IDENTITY_PADDED_SIZE. */
export const IDENTITY_MAX_PLAINTEXT = IDENTITY_PADDED_SIZE - PADDING_HEADER_LENGTH;

/** The smallest bucket that holds `size` bytes. */
export function bucketSize(size: number): number {
  assertInteger(size, 'size', 0, MAX_PADDED_SIZE);
  if (size <= MIN_BUCKET) return MIN_BUCKET;
  if (size <= LARGE_BUCKET_STEP) return 2 ** Math.ceil(Math.log2(size));
  return Math.ceil(size / LARGE_BUCKET_STEP) * LARGE_BUCKET_STEP;
}

export const isBucketSize = (size: number): boolean =>
  Number.isSafeInteger(size) && size >= MIN_BUCKET && size <= MAX_PADDED_SIZE && bucketSize(size) === size;

/** Frames `plaintext` into exactly `size` bytes; throws 'bad-input' if it does not fit. */
export function padToExact(plaintext: Uint8Array, size: number): Uint8Array {
  assertBytes(plaintext, 'plaintext');
  assertInteger(size, 'size', PADDING_HEADER_LENGTH, MAX_PADDED_SIZE);
  if (PADDING_HEADER_LENGTH + plaintext.length > size) throw new CryptoError('bad-input', 'plaintext does not fit the padded size');
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, plaintext.length, false);
  out.set(plaintext, PADDING_HEADER_LENGTH);
  return out;
}

/** Frames `plaintext` and grows it to the bucket of max(frame, minSize). */
export function padToBucket(plaintext: Uint8Array, minSize = 0): Uint8Array {
  assertBytes(plaintext, 'plaintext');
  assertInteger(minSize, 'minSize', 0, MAX_PADDED_SIZE);
  if (PADDING_HEADER_LENGTH + plaintext.length > MAX_PADDED_SIZE) throw new CryptoError('bad-input', 'plaintext is too long');
  return padToExact(plaintext, bucketSize(Math.max(PADDING_HEADER_LENGTH + plaintext.length, minSize)));
}

/**
 * Inverse of padToExact / padToBucket. Strict: the length must fit and every fill byte must be
 * zero, so one frame has exactly one meaning. Throws 'bad-envelope'.
 */
export function unpad(padded: Uint8Array): Uint8Array {
  assertBytes(padded, 'padded');
  if (padded.length < PADDING_HEADER_LENGTH) throw new CryptoError('bad-envelope', 'padding frame too short');
  const length = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0, false);
  const end = PADDING_HEADER_LENGTH + length;
  if (end > padded.length) throw new CryptoError('bad-envelope', 'padding length out of range');
  let fill = 0;
  for (let i = end; i < padded.length; i++) fill |= padded[i] ?? 0;
  if (fill !== 0) throw new CryptoError('bad-envelope', 'padding fill is not zero');
  return padded.slice(PADDING_HEADER_LENGTH, end);
}
