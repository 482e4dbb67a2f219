/**
 * The retention job (issue 3): empties closed cases whose organisation deletes ciphertext N
 * months after closing, unless a coordinator put a hold on them. What goes: the answers, the
 * identity, messages, notes, reasons, identity request reasons, attachment blobs (rows and
 * files), forwarding packages with their events' details, files and grants, and every key
 * grant of the alert, as spam deletion does (features/desk deleteCiphertext). What stays: the
 * workflow and statistics fields, for monitoring. Each deletion is audited.
 *
 * Each alert is re-checked inside its own transaction, on its locked row: several server
 * processes may run the job, and a hold set meanwhile wins. Rows go first, files after the
 * commit; a file left behind by a crash has no row any more and the clean-up's orphan sweep
 * removes it.
 */
import type { AlertState } from '@kenekanko/contracts';
import { addMonths, isClosingState, RETENTION_CLOSING_STATES } from '../features/custody/index.ts';
import type { CustodyDeps } from '../features/custody/index.ts';
import type { Storage } from '../features/shared/storage.ts';
import { deleteBlobFiles } from '../features/submissions/index.ts';
import type { ChunkFiles } from '../features/submissions/index.ts';

export const RETENTION_INTERVAL_MS = 60 * 60_000;
const CANDIDATE_LIMIT = 1000;

export type RetentionResult = { readonly deleted: number; readonly failedFileDeletions: number };

/** The store's spaces: reporters' attachments and forwarded packages' files (blobs/BLOB_SPACES). */
export type RetentionFiles = { readonly alerts: ChunkFiles; readonly forwardings: ChunkFiles };
type PurgedFiles = { readonly blobIds: readonly string[]; readonly forwardingFileIds: readonly string[] };

/** Empties one due alert; false when it is no longer due (reopened, held, done by another run). */
async function purgeOne(storage: Storage<CustodyDeps>, alertId: string, now: Date): Promise<PurgedFiles | null> {
  return storage.transaction(async (repos) => {
    const alert = await repos.alerts.lockAlert(alertId);
    if (alert === undefined || !isClosingState(alert.state)) return null;
    const months = await repos.retention.policyOf(alert.orgId);
    if (months === null || (await repos.retention.holdOf(alertId)) !== null || (await repos.retention.deletedAt(alertId)) !== null) return null;
    const closedAt = (await repos.retention.closedAt(alertId)) ?? alert.updatedAt;
    if (addMonths(new Date(closedAt), months) > now) return null;
    const blobIds = await repos.desk.deleteCiphertext(alertId);
    const forwardingFileIds = await repos.retention.purge(alertId, months, now.toISOString());
    await repos.audit.append(
      { actorId: null, action: 'retention-delete', objectType: 'alert', objectId: alertId, details: { months, state: alert.state, files: blobIds.length + forwardingFileIds.length } },
      now,
    );
    return { blobIds, forwardingFileIds };
  });
}

/**
 * Walks every candidate page by page (by alert id), so closed cases that are not yet due, however
 * many, never hide due ones behind them. `pageSize` is a parameter for tests.
 */
export async function runRetention(storage: Storage<CustodyDeps>, files: RetentionFiles, now: Date, pageSize = CANDIDATE_LIMIT): Promise<RetentionResult> {
  let deleted = 0;
  let failedFileDeletions = 0;
  let after: string | null = null;
  for (;;) {
    const page = await storage.read.retention.candidates(RETENTION_CLOSING_STATES as readonly AlertState[], pageSize, after);
    for (const candidate of page) {
      if (addMonths(new Date(candidate.closedAt), candidate.months) > now) continue;
      const purged = await purgeOne(storage, candidate.alertId, now);
      if (purged === null) continue;
      deleted += 1;
      // SECURITY: each id is deleted in its own table's space, never in the other (blobs/blob-store.ts).
      failedFileDeletions += await deleteBlobFiles(files.alerts, purged.blobIds);
      failedFileDeletions += await deleteBlobFiles(files.forwardings, purged.forwardingFileIds);
    }
    const last = page.at(-1);
    if (page.length < pageSize || last === undefined) return { deleted, failedFileDeletions };
    after = last.alertId;
  }
}
