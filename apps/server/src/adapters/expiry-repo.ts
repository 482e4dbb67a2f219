/** The clean-up job's deletions (ExpiryRepo), each re-checking its condition inside a transaction. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ExpiryRepo } from '../jobs/expire-uploads.ts';
import { pruneThrottleBuckets } from '../throttle/index.ts';

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
    async existingBlobIds(blobIds) {
      if (blobIds.length === 0) return new Set();
      const rows = await db.selectFrom('blobs').select('id').where('id', 'in', [...blobIds]).execute();
      return new Set(rows.map((r) => r.id));
    },
  };
}
