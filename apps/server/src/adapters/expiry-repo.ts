/** The clean-up job's deletions (ExpiryRepo), each re-checking its condition inside a transaction. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ExpiryRepo } from '../jobs/expire-uploads.ts';
import { pruneThrottleBuckets } from '../throttle/index.ts';

/** A draft of an alert in no other state can never be sent (spam, closed…): it goes at once. */
const SENDABLE_STATES = ['verified', 'forwarded'];

export function createExpiryRepo(db: Kysely<Database>): ExpiryRepo {
  return {
    async expiredOpenSubmissions(now, limit) {
      const rows = await db
        .selectFrom('submissions')
        .select('id')
        .where('state', '=', 'open')
        .where('expires_at', '<=', now.toISOString())
        .orderBy('expires_at')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    async blobIdsOf(submissionId) {
      return (await db.selectFrom('blobs').select('id').where('submission_id', '=', submissionId).execute()).map((r) => r.id);
    },
    async deleteExpiredSubmission(submissionId, now) {
      return db.transaction().execute(async (trx) => {
        const locked = await trx
          .updateTable('submissions')
          .set((eb) => ({ state: eb.ref('state') }))
          .where('id', '=', submissionId)
          .where('state', '=', 'open')
          .where('expires_at', '<=', now.toISOString())
          .executeTakeFirst();
        if (Number(locked.numUpdatedRows) === 0) return false;
        const blobIds = (await trx.selectFrom('blobs').select('id').where('submission_id', '=', submissionId).execute()).map((r) => r.id);
        if (blobIds.length > 0) {
          await trx.deleteFrom('blob_chunks').where('blob_id', 'in', blobIds).execute();
          await trx.deleteFrom('blobs').where('id', 'in', blobIds).execute();
        }
        await trx.deleteFrom('submissions').where('id', '=', submissionId).execute();
        return true;
      });
    },
    async deleteExpiredSessions(now, idleSince) {
      const result = await db
        .deleteFrom('staff_sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleSince.toISOString())]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteSpentChallenges(now) {
      const result = await db.deleteFrom('pow_challenges_used').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    deleteOldThrottleWindows: (before) => pruneThrottleBuckets(db, before),
    async expiredDrafts(before, limit) {
      const rows = await db
        .selectFrom('forwarding_drafts as d')
        .innerJoin('alerts as a', 'a.id', 'd.alert_id')
        .select('d.forwarding_id')
        .where((eb) => eb.or([eb('d.created_at', '<=', before.toISOString()), eb('a.state', 'not in', SENDABLE_STATES)]))
        .orderBy('d.created_at')
        .limit(limit)
        .execute();
      return rows.map((r) => r.forwarding_id);
    },
    async deleteExpiredDraft(forwardingId, before) {
      return db.transaction().execute(async (trx) => {
        // Deleting the draft row first locks it: a send that got there first left no draft to delete.
        const gone = await trx
          .deleteFrom('forwarding_drafts')
          .where('forwarding_id', '=', forwardingId)
          .where((eb) => eb.or([eb('created_at', '<=', before.toISOString()), eb('alert_id', 'not in', eb.selectFrom('alerts').select('id').where('state', 'in', SENDABLE_STATES))]))
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0) return null;
        const fileIds = (await trx.selectFrom('forwarding_files').select('id').where('forwarding_id', '=', forwardingId).execute()).map((r) => r.id);
        if (fileIds.length > 0) {
          await trx.deleteFrom('forwarding_file_chunks').where('file_id', 'in', fileIds).execute();
          await trx.deleteFrom('forwarding_files').where('id', 'in', fileIds).execute();
        }
        return fileIds;
      });
    },
    async existingBlobIds(space, blobIds) {
      if (blobIds.length === 0) return new Set();
      const ids = [...blobIds];
      // SECURITY: each space of the store is owned by one table only (blobs/blob-store.ts).
      const rows = space === 'alerts'
        ? await db.selectFrom('blobs').select('id').where('id', 'in', ids).execute()
        : await db.selectFrom('forwarding_files').select('id').where('id', 'in', ids).execute();
      return new Set(rows.map((r) => r.id));
    },
  };
}
