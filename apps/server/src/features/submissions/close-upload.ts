/**
 * Closing an upload when its alert or message is created: every blob the manifest lists must
 * be complete; blobs it does not list (an abandoned file, a partial retry) are deleted, so a
 * cut-off upload never becomes visible. Runs inside the caller's transaction; the caller
 * deletes the returned blobs' files after commit.
 */
import type { BlobManifest } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { UploadRepo } from './ports.ts';
import { chunkCompleteness } from './upload-limits.ts';

export async function closeUpload(
  uploads: UploadRepo,
  submissionId: string,
  manifest: readonly BlobManifest[],
  alertId: string,
  result: string,
  day: string,
): Promise<{ readonly discardedBlobIds: readonly string[] }> {
  const listed = new Set(manifest.map((m) => m.blobId));
  if (listed.size !== manifest.length) throw new AppError('validation-failed', { issues: ['blobs'] });
  const blobs = await uploads.blobsOf(submissionId);
  for (const [i, entry] of manifest.entries()) {
    if (!blobs.some((b) => b.id === entry.blobId)) throw new AppError('upload-incomplete');
    const completeness = chunkCompleteness(await uploads.chunkIndexesOf(entry.blobId), entry.chunkCount);
    if (completeness === 'incomplete') throw new AppError('upload-incomplete');
    if (completeness === 'beyond-manifest') throw new AppError('validation-failed', { issues: [`blobs.${i}.chunkCount`] });
  }
  const discardedBlobIds = blobs.filter((b) => !listed.has(b.id)).map((b) => b.id);
  await uploads.deleteBlobs(discardedBlobIds);
  await uploads.attachBlobs(
    manifest.map((m) => ({ blobId: m.blobId, chunkCount: m.chunkCount })),
    alertId,
  );
  await uploads.markFinalized(submissionId, alertId, result, day);
  return { discardedBlobIds };
}

/** After commit: removes the files of deleted blobs; a failure leaves an orphan file, never data loss. */
export async function deleteBlobFiles(files: { deleteBlob(blobId: string): Promise<void> }, blobIds: readonly string[]): Promise<number> {
  let failures = 0;
  for (const blobId of blobIds) {
    try {
      await files.deleteBlob(blobId);
    } catch {
      failures += 1;
    }
  }
  return failures;
}
