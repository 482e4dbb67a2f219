/**
 * Storing one encrypted chunk. Idempotent: the same bytes again answer {stored: false};
 * different bytes for an index already stored are refused, so a retry can never replace
 * what was sent. The submission row is locked while a chunk is recorded, so concurrent
 * requests for one upload are serialised and its byte counts stay exact.
 */
import { sha256, toBase64Url } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import type { Storage } from '../shared/storage.ts';
import { dayOf } from '../shared/time.ts';
import type { ChunkFiles, UploadLimits, UploadRepo } from './ports.ts';
import { CHUNK_ENVELOPE_BYTES, MAX_BLOBS_PER_SUBMISSION, MAX_CHUNK_ENVELOPE_BYTES, maxBlobBytes, maxChunksPerBlob } from './upload-limits.ts';

export type ChunkAddress = { readonly submissionId: string; readonly blobId: string; readonly index: number };

export async function putChunk(
  storage: Storage<{ readonly uploads: UploadRepo }>,
  files: ChunkFiles,
  limits: UploadLimits,
  address: ChunkAddress,
  bytes: Uint8Array,
  now: Date,
): Promise<{ readonly stored: boolean }> {
  if (bytes.length > MAX_CHUNK_ENVELOPE_BYTES || address.index >= maxChunksPerBlob(limits.maxFileBytes)) {
    throw new AppError('payload-too-large');
  }
  if (bytes.length !== CHUNK_ENVELOPE_BYTES) throw new AppError('validation-failed', { issues: ['body'] });
  const digest = toBase64Url(sha256(bytes));
  const { submissionId, blobId, index } = address;

  return storage.transaction(async ({ uploads }) => {
    const submission = await uploads.lockSubmission(submissionId);
    if (submission === undefined) throw new AppError('not-found');
    const blob = await uploads.findBlob(blobId);
    if (blob !== undefined && blob.submissionId !== submissionId) throw new AppError('conflict');

    const existing = blob === undefined ? undefined : await uploads.findChunk(blobId, index);
    if (existing !== undefined) {
      if (existing.sha256 !== digest) throw new AppError('conflict');
      return { stored: false };
    }
    if (submission.state !== 'open') throw new AppError('conflict');
    if (submission.expiresAt <= now) throw new AppError('not-found');
    if (submission.receivedBytes + bytes.length > submission.declaredBytes) throw new AppError('payload-too-large');
    if ((blob?.totalBytes ?? 0) + bytes.length > maxBlobBytes(limits.maxFileBytes)) throw new AppError('payload-too-large');
    // The daily quota, charged for bytes actually stored. Soft: chunks of other uploads stored
    // concurrently may overshoot it by a few chunks. Counted by the day the upload was opened.
    const used = await uploads.receivedBytesSince(dayOf(now));
    if (used + bytes.length > limits.storageQuotaBytesPerDay) throw new AppError('quota-exceeded');

    if (blob === undefined) {
      // SECURITY: an id is owned by one table; a forwarded file's id never names a reporter's upload.
      if (await uploads.packageFileExists(blobId)) throw new AppError('conflict');
      if ((await uploads.blobsOf(submissionId)).length >= MAX_BLOBS_PER_SUBMISSION) throw new AppError('payload-too-large');
      await uploads.insertBlobIfAbsent(blobId, submissionId, dayOf(now));
    }
    const owner = await uploads.findBlob(blobId);
    if (owner?.submissionId !== submissionId) throw new AppError('conflict');
    await uploads.recordChunk(submissionId, { blobId, index, size: bytes.length, sha256: digest });
    // Written last, inside the transaction: if the file cannot be written, the record rolls back.
    await files.putChunk(blobId, index, bytes);
    return { stored: true };
  });
}
