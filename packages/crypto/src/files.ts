/**
 * Attachments, STREAM-style (Hoang, Reyhanitabar, Rogaway, Vizár 2015): a file is cut into
 * FILE_CHUNK_SIZE pieces, each sealed as its own envelope under a per-file key, with its index
 * and a last-chunk flag in the AAD.
 *
 * SECURITY: the index stops reordering; the last-chunk flag stops truncation (a file cut after
 * chunk k fails, because chunk k was sealed with lastChunk = false); alertId and fileId in the
 * AAD and in the key stop moving chunks between files or alerts. Every chunk is framed to the
 * same size, so only the number of chunks (the size rounded up to 256 KiB) shows.
 */
import { CryptoError, assertBytes, assertInteger } from './errors.ts';
import { concatBytes, utf8Encode } from './encoding.ts';
import { KEY_LENGTH, hkdfSha256 } from './symmetric.ts';
import { MAX_CHUNK_INDEX, PURPOSES } from './context.ts';
import type { EnvelopeContext } from './context.ts';
import { openEnvelope, sealFramed } from './envelope.ts';
import { PADDING_HEADER_LENGTH, padToExact } from './padding.ts';

/** Plaintext bytes per chunk; every chunk but the last is exactly this long. */
export const FILE_CHUNK_SIZE = 262_144;
/** Every chunk's frame (length prefix + data + zeros) has this size. */
export const FILE_CHUNK_FRAME_SIZE = FILE_CHUNK_SIZE + PADDING_HEADER_LENGTH;
export const ATTACHMENT_OBJECT_KIND = 'attachment';

const FILE_KEY_INFO = utf8Encode('kenekanko/v1/file-key');

function assertFileId(fileId: unknown): asserts fileId is string {
  if (typeof fileId !== 'string' || fileId === '') throw new CryptoError('bad-input', 'fileId must be a non-empty string');
}

/** fileKey = HKDF-SHA-256(contentKey, salt = '', info = 'kenekanko/v1/file-key' || fileId, 32). */
export function deriveFileKey(contentKey: Uint8Array, fileId: string): Uint8Array {
  assertBytes(contentKey, 'contentKey', KEY_LENGTH);
  assertFileId(fileId);
  // The label has a fixed length, so label || fileId is unambiguous without a separator.
  return hkdfSha256(contentKey, new Uint8Array(0), concatBytes(FILE_KEY_INFO, utf8Encode(fileId)), KEY_LENGTH);
}

function chunkContext(alertId: string, fileId: string, index: number, isLast: boolean): EnvelopeContext {
  assertFileId(fileId);
  assertInteger(index, 'index', 0, MAX_CHUNK_INDEX);
  if (typeof isLast !== 'boolean') throw new CryptoError('bad-input', 'isLast must be a boolean');
  return { alertId, objectKind: ATTACHMENT_OBJECT_KIND, field: fileId, chunkIndex: index, lastChunk: isLast };
}

function checkChunkLength(length: number, index: number, isLast: boolean, code: 'bad-input' | 'bad-envelope'): void {
  // Only the last chunk may be short, and only an empty file has an empty chunk.
  const ok = isLast ? length <= FILE_CHUNK_SIZE && (length > 0 || index === 0) : length === FILE_CHUNK_SIZE;
  if (!ok) throw new CryptoError(code, 'chunk has the wrong length for its position');
}

export function encryptFileChunk(
  fileKey: Uint8Array,
  alertId: string,
  fileId: string,
  index: number,
  isLast: boolean,
  plaintextChunk: Uint8Array,
): Uint8Array {
  const context = chunkContext(alertId, fileId, index, isLast);
  assertBytes(plaintextChunk, 'plaintextChunk');
  checkChunkLength(plaintextChunk.length, index, isLast, 'bad-input');
  return sealFramed(fileKey, PURPOSES.attachmentChunk, context, padToExact(plaintextChunk, FILE_CHUNK_FRAME_SIZE));
}

/** Throws if the chunk is not chunk `index` of this file, with this last-chunk flag. */
export function decryptFileChunk(
  fileKey: Uint8Array,
  alertId: string,
  fileId: string,
  index: number,
  isLast: boolean,
  envelope: Uint8Array,
): Uint8Array {
  const context = chunkContext(alertId, fileId, index, isLast);
  const chunk = openEnvelope(fileKey, PURPOSES.attachmentChunk, context, envelope);
  checkChunkLength(chunk.length, index, isLast, 'bad-envelope');
  return chunk;
}

/** Cuts a file into chunks: all full but the last; an empty file is one empty chunk. */
export function splitIntoChunks(bytes: Uint8Array): Uint8Array[] {
  assertBytes(bytes, 'bytes');
  if (bytes.length === 0) return [new Uint8Array(0)];
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += FILE_CHUNK_SIZE) chunks.push(bytes.slice(at, at + FILE_CHUNK_SIZE));
  if (chunks.length - 1 > MAX_CHUNK_INDEX) throw new CryptoError('bad-input', 'file has too many chunks');
  return chunks;
}

/** Convenience for whole files in memory: encrypts every chunk of `bytes`. */
export function encryptFile(fileKey: Uint8Array, alertId: string, fileId: string, bytes: Uint8Array): Uint8Array[] {
  const chunks = splitIntoChunks(bytes);
  return chunks.map((chunk, i) => encryptFileChunk(fileKey, alertId, fileId, i, i === chunks.length - 1, chunk));
}

/** Convenience for whole files in memory: decrypts chunks 0..n-1, the last with isLast = true. */
export function decryptFile(fileKey: Uint8Array, alertId: string, fileId: string, envelopes: readonly Uint8Array[]): Uint8Array {
  if (envelopes.length === 0) throw new CryptoError('bad-envelope', 'a file has at least one chunk');
  return concatBytes(...envelopes.map((e, i) => decryptFileChunk(fileKey, alertId, fileId, i, i === envelopes.length - 1, e)));
}
