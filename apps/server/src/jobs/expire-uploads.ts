/**
 * Periodic clean-up: uploads abandoned past their expiry (their blobs, chunk records and
 * files), expired staff sessions, spent proof-of-work challenges past their memory, and old
 * throttle windows; then leftover files: temporary files of cut-off writes and blob folders
 * without a row.
 * A cut-off upload never becomes an alert (finalize refuses it); this removes its remains.
 *
 * Files go first, then rows: if the process dies in between, the rows are still there and the
 * next run finishes the job, so no file is ever left without a row that leads to it.
 */
import type { ChunkFiles } from '../features/submissions/index.ts';

/** Port: what the clean-up reads and deletes. */
export type ExpiryRepo = {
  expiredOpenSubmissions(now: Date, limit: number): Promise<readonly string[]>;
  blobIdsOf(submissionId: string): Promise<readonly string[]>;
  /** Deletes the submission with its blobs and chunk rows if it is still open and expired. */
  deleteExpiredSubmission(submissionId: string, now: Date): Promise<boolean>;
  deleteExpiredSessions(now: Date, idleSince: Date): Promise<number>;
  deleteSpentChallenges(now: Date): Promise<number>;
  /** Throttle windows that started before `before` can no longer refuse anything. */
  deleteOldThrottleWindows(before: Date): Promise<number>;
  /** Which of these blob ids still have a row. */
  existingBlobIds(blobIds: readonly string[]): Promise<ReadonlySet<string>>;
};

/** Port: the chunk files, with what finds leftovers (the local BlobStore implements it). */
export type CleanupFiles = ChunkFiles & {
  sweepTempFiles(ageMs: number): Promise<number>;
  settledBlobIds(ageMs: number): Promise<readonly string[]>;
};

/**
 * Leftovers older than this are removed: a temporary file of a write cut off by a crash, a
 * blob folder whose row was never committed (or was deleted while its files were not). Young
 * ones may belong to an upload still in progress.
 */
export const ORPHAN_AGE_MS = 3600_000;

export type CleanupResult = {
  readonly submissions: number;
  readonly blobs: number;
  readonly sessions: number;
  readonly powChallenges: number;
  readonly throttleWindows: number;
  readonly orphanTempFiles: number;
  readonly orphanBlobs: number;
};

async function removeOrphans(repo: ExpiryRepo, files: CleanupFiles): Promise<Pick<CleanupResult, 'orphanTempFiles' | 'orphanBlobs'>> {
  const orphanTempFiles = await files.sweepTempFiles(ORPHAN_AGE_MS);
  let orphanBlobs = 0;
  const settled = await files.settledBlobIds(ORPHAN_AGE_MS);
  for (let i = 0; i < settled.length; i += BATCH) {
    const batch = settled.slice(i, i + BATCH);
    const known = await repo.existingBlobIds(batch);
    for (const blobId of batch) {
      if (known.has(blobId)) continue;
      await files.deleteBlob(blobId);
      orphanBlobs += 1;
    }
  }
  return { orphanTempFiles, orphanBlobs };
}

/** Longer than the longest throttle window (one hour). */
const THROTTLE_KEEP_MS = 24 * 3600_000;

const BATCH = 100;

export async function runCleanup(repo: ExpiryRepo, files: CleanupFiles, sessionIdleMinutes: number, now: Date): Promise<CleanupResult> {
  let submissions = 0;
  let blobs = 0;
  for (;;) {
    const expired = await repo.expiredOpenSubmissions(now, BATCH);
    for (const id of expired) {
      const blobIds = await repo.blobIdsOf(id);
      for (const blobId of blobIds) await files.deleteBlob(blobId);
      if (await repo.deleteExpiredSubmission(id, now)) {
        submissions += 1;
        blobs += blobIds.length;
      }
    }
    if (expired.length < BATCH) break;
  }
  const idleSince = new Date(now.getTime() - sessionIdleMinutes * 60_000);
  const sessions = await repo.deleteExpiredSessions(now, idleSince);
  const powChallenges = await repo.deleteSpentChallenges(now);
  const throttleWindows = await repo.deleteOldThrottleWindows(new Date(now.getTime() - THROTTLE_KEEP_MS));
  return { submissions, blobs, sessions, powChallenges, throttleWindows, ...(await removeOrphans(repo, files)) };
}
