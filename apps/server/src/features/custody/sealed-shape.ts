/**
 * The structural check of a sealed box (to the custodian key, or a key grant to a user), as
 * envelope-shape.ts does for symmetric envelopes: version, purpose, the ephemeral key, nonce, a
 * padded frame of a bucket size and the tag. Proves nothing about content; stops garbage.
 */
import { AEAD_TAG_LENGTH, bucketSize, ENVELOPE_VERSION, utf8Encode, X25519_KEY_LENGTH, XCHACHA_NONCE_LENGTH } from '@kenekanko/crypto';
import type { Purpose } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { decodeBase64Url } from '../shared/decode.ts';

const MIN_FRAME_BYTES = bucketSize(0);

export function isSealedShape(bytes: Uint8Array, purpose: Purpose): boolean {
  const expected = utf8Encode(purpose);
  const header = 2 + expected.length;
  if (bytes.length < header || bytes[0] !== ENVELOPE_VERSION || bytes[1] !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[2 + i] !== expected[i]) return false;
  const frame = bytes.length - header - X25519_KEY_LENGTH - XCHACHA_NONCE_LENGTH - AEAD_TAG_LENGTH;
  return frame >= MIN_FRAME_BYTES && bucketSize(frame) === frame;
}

/** Throws validation-failed naming `field` unless `value` is a v1 sealed box of `purpose`. */
export function assertSealedShape(value: string, purpose: Purpose, field: string): void {
  if (!isSealedShape(decodeBase64Url(value, field), purpose)) throw new AppError('validation-failed', { issues: [field] });
}
