/**
 * A cheap structural check of envelopes from browsers, without any key: the version byte,
 * the purpose it was sealed for, and a length that a real envelope of that purpose can have
 * (header, nonce, a padded frame of a bucket size, tag). It stops most garbage before it is
 * stored, where it would only show as a broken part on the desk. It proves nothing about the
 * content: only the desk's decryption does.
 */
import { AEAD_TAG_LENGTH, bucketSize, ENVELOPE_VERSION, utf8Encode, XCHACHA_NONCE_LENGTH } from '@kenekanko/crypto';
import type { Purpose } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { decodeBase64Url } from './decode.ts';

/** The smallest padded frame (padding.ts's first bucket). */
const MIN_FRAME_BYTES = bucketSize(0);

/** The frame size inside a well-formed envelope of `purpose`, or null when it cannot be one. */
export function envelopeFrameBytes(envelope: Uint8Array, purpose: Purpose): number | null {
  const expected = utf8Encode(purpose);
  const header = 2 + expected.length;
  if (envelope.length < header || envelope[0] !== ENVELOPE_VERSION || envelope[1] !== expected.length) return null;
  for (let i = 0; i < expected.length; i++) if (envelope[2 + i] !== expected[i]) return null;
  const frame = envelope.length - header - XCHACHA_NONCE_LENGTH - AEAD_TAG_LENGTH;
  if (frame < MIN_FRAME_BYTES || bucketSize(frame) !== frame) return null;
  return frame;
}

/**
 * Throws validation-failed (naming `field`) unless `value` is a v1 envelope of `purpose`;
 * `frameBytes` pins the exact padded size when the protocol fixes one (identity).
 */
export function assertEnvelopeShape(value: string, purpose: Purpose, field: string, frameBytes?: number): void {
  const frame = envelopeFrameBytes(decodeBase64Url(value, field), purpose);
  if (frame === null || (frameBytes !== undefined && frame !== frameBytes)) throw new AppError('validation-failed', { issues: [field] });
}
