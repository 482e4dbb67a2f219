/**
 * Periodic clean-up: uploads abandoned past their expiry (their blobs, chunk records and
 * files), forwarding package drafts never sent (their files, chunk records and chunk files),
 * expired staff sessions, spent proof-of-work challenges past their memory, and old
 * throttle windows; then leftover files: temporary files of cut-off writes and blob folders
 * without a row.
 * A cut-off upload never becomes an alert (finalize refuses it); this removes its remains.
 *
 * SECURITY: reporters' attachments and package files live in separate spaces of the store
 * (CleanupSpaces); each space is swept against its own table only, so a row in one table never
 * keeps alive, nor a clean-up deletes, a file of the other.
 *
 * Upload files go first, then rows: if the process dies in between, the rows are still there
 * and the next run finishes the job. Draft rows go first (see expireDrafts); what a crash
 * leaves then is files without a row, which the orphan sweep removes.
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
  /** Forwarding drafts opened at or before `before` and never sent, or whose alert can no longer be forwarded (ids). */
  expiredDrafts(before: Date, limit: number): Promise<readonly string[]>;
  /**
   * Deletes the draft with its files' rows if it is still unsent and expired (or its alert can
   * no longer be forwarded), and gives the
   * file ids (their chunk files go next); null when a send took the draft first.
   */
  deleteExpiredDraft(forwardingId: string, before: Date): Promise<readonly string[] | null>;
  /** Which of these ids still have a row in the space's table (`blobs` or `forwarding_files`). */
  existingBlobIds(space: CleanupSpace, blobIds: readonly string[]): Promise<ReadonlySet<string>>;
};

/** Port: the chunk files, with what finds leftovers (the local BlobStore implements it). */
export type CleanupFiles = ChunkFiles & {
  sweepTempFiles(ageMs: number): Promise<number>;
  settledBlobIds(ageMs: number): Promise<readonly string[]>;
};

/** The store's spaces: reporters' attachments and forwarded packages' files (blobs/BLOB_SPACES). */
export type CleanupSpace = 'alerts' | 'forwardings';
export type CleanupSpaces = { readonly [S in CleanupSpace]: CleanupFiles };
const SPACES: readonly CleanupSpace[] = ['alerts', 'forwardings'];

/**
 * Leftovers older than this are removed: a temporary file of a write cut off by a crash, a
 * blob folder whose row was never committed (or was deleted while its files were not). Young
 * ones may belong to an upload still in progress.
 */
export const ORPHAN_AGE_MS = 3600_000;

export type CleanupResult = {
  readonly submissions: number;
  readonly blobs: number;
  readonly drafts: number;
  readonly draftFiles: number;
  readonly sessions: number;
  readonly powChallenges: number;
  readonly throttleWindows: number;
  readonly orphanTempFiles: number;
  readonly orphanBlobs: number;
};

async function removeOrphans(repo: ExpiryRepo, spaces: CleanupSpaces): Promise<Pick<CleanupResult, 'orphanTempFiles' | 'orphanBlobs'>> {
  let orphanTempFiles = 0;
  let orphanBlobs = 0;
  for (const space of SPACES) {
    const files = spaces[space];
    orphanTempFiles += await files.sweepTempFiles(ORPHAN_AGE_MS);
    const settled = await files.settledBlobIds(ORPHAN_AGE_MS);
    for (let i = 0; i < settled.length; i += BATCH) {
      const batch = settled.slice(i, i + BATCH);
      const known = await repo.existingBlobIds(space, batch);
      for (const blobId of batch) {
        if (known.has(blobId)) continue;
        await files.deleteBlob(blobId);
        orphanBlobs += 1;
      }
    }
  }
  return { orphanTempFiles, orphanBlobs };
}

/** Longer than the longest throttle window (one hour). */
const THROTTLE_KEEP_MS = 24 * 3600_000;

const BATCH = 100;

/**
 * A package draft is opened when its sender starts uploading the files, and sent within the
 * hour or the day; one still unsent after this long was abandoned (the sender chose another
 * way, or left), and its re-encrypted files would otherwise stay on the server for ever.
 */
export const DRAFT_TTL_MS = 7 * 24 * 3600_000;

async function expireDrafts(repo: ExpiryRepo, files: CleanupFiles, now: Date): Promise<Pick<CleanupResult, 'drafts' | 'draftFiles'>> {
  const before = new Date(now.getTime() - DRAFT_TTL_MS);
  let drafts = 0;
  let draftFiles = 0;
  for (;;) {
    const expired = await repo.expiredDrafts(before, BATCH);
    for (const id of expired) {
      // Unlike uploads, rows go first: a send racing the clean-up must keep its files. A crash
      // before the files are deleted leaves files without a row, which the orphan sweep removes.
      const fileIds = await repo.deleteExpiredDraft(id, before);
      if (fileIds === null) continue;
      for (const fileId of fileIds) await files.deleteBlob(fileId);
      drafts += 1;
      draftFiles += fileIds.length;
    }
    if (expired.length < BATCH) break;
  }
  return { drafts, draftFiles };
}

export async function runCleanup(repo: ExpiryRepo, spaces: CleanupSpaces, sessionIdleMinutes: number, now: Date): Promise<CleanupResult> {
  const files = spaces.alerts;
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
  const { drafts, draftFiles } = await expireDrafts(repo, spaces.forwardings, now);
  const idleSince = new Date(now.getTime() - sessionIdleMinutes * 60_000);
  const sessions = await repo.deleteExpiredSessions(now, idleSince);
  const powChallenges = await repo.deleteSpentChallenges(now);
  const throttleWindows = await repo.deleteOldThrottleWindows(new Date(now.getTime() - THROTTLE_KEEP_MS));
  return { submissions, blobs, drafts, draftFiles, sessions, powChallenges, throttleWindows, ...(await removeOrphans(repo, spaces)) };
}
