/**
 * Sizes the server enforces on uploads, derived from the crypto package's chunk layout so the
 * limits follow the protocol instead of guessing at it.
 */
import { AEAD_TAG_LENGTH, FILE_CHUNK_SIZE, IDENTITY_PADDED_SIZE, PURPOSES, utf8Encode, XCHACHA_NONCE_LENGTH } from '@kenekanko/crypto';

/** Every chunk frame carries a u32 length prefix before the data (crypto's padding layout). */
const FRAME_LENGTH_PREFIX = 4;

function envelopeBytes(purpose: string, frameBytes: number): number {
  return 2 + utf8Encode(purpose).length + XCHACHA_NONCE_LENGTH + frameBytes + AEAD_TAG_LENGTH;
}

/**
 * The exact size of every encrypted chunk: the crypto package frames every chunk, the last
 * one included, to FILE_CHUNK_SIZE plus its length prefix. SECURITY (M3): any other size is
 * refused, so tiny chunks cannot multiply rows and files for the same declared bytes.
 */
export const MAX_CHUNK_ENVELOPE_BYTES = envelopeBytes(PURPOSES.attachmentChunk, FILE_CHUNK_SIZE + FRAME_LENGTH_PREFIX);
export const CHUNK_ENVELOPE_BYTES = MAX_CHUNK_ENVELOPE_BYTES;

/** As many files as a finalize manifest may list (contracts: FinalizeAlertRequest.blobs). */
export const MAX_BLOBS_PER_SUBMISSION = 50;

/** SECURITY: every identity envelope has this one size, so the database does not show who gave one. */
export const IDENTITY_ENVELOPE_BYTES = envelopeBytes(PURPOSES.identity, IDENTITY_PADDED_SIZE);

/** How many chunks a file of at most `maxFileBytes` may have. */
export function maxChunksPerBlob(maxFileBytes: number): number {
  return Math.max(1, Math.ceil(maxFileBytes / FILE_CHUNK_SIZE));
}

/** The most ciphertext one blob may hold: its chunks, each with its envelope overhead. */
export function maxBlobBytes(maxFileBytes: number): number {
  return maxChunksPerBlob(maxFileBytes) * MAX_CHUNK_ENVELOPE_BYTES;
}

/** Whether `indexes` (any order) are exactly 0..count-1. */
export function chunkCompleteness(indexes: readonly number[], count: number): 'complete' | 'incomplete' | 'beyond-manifest' {
  if (indexes.some((i) => i >= count)) return 'beyond-manifest';
  return new Set(indexes).size === count ? 'complete' : 'incomplete';
}
