/**
 * Submissions, blobs and chunk records (UploadRepo). Locking is a no-op update of the row:
 * on PostgreSQL it takes the row lock until commit, on SQLite the single connection already
 * serialises transactions, so the same query serves both.
 */
import * as v from 'valibot';
import type { Kysely } from 'kysely';
import type { Selectable } from 'kysely';
import type { BlobsTable, Database, SubmissionsTable } from '../db/schema.ts';
import { SUBMISSION_PURPOSES } from '../features/submissions/index.ts';
import { ceilToHour, dayOf } from '../features/shared/time.ts';
import type { BlobRecord, SubmissionRecord, UploadRepo } from '../features/submissions/index.ts';

type Db = Kysely<Database>;

const PurposeSchema = v.picklist(SUBMISSION_PURPOSES);
const SubmissionStateSchema = v.picklist(['open', 'finalized']);
const BlobStateSchema = v.picklist(['uploading', 'complete']);

function submissionFromRow(row: Selectable<SubmissionsTable>): SubmissionRecord {
  return {
    id: row.id,
    purpose: v.parse(PurposeSchema, row.purpose),
    state: v.parse(SubmissionStateSchema, row.state),
    declaredBytes: Number(row.declared_bytes),
    receivedBytes: Number(row.received_bytes),
    expiresAt: new Date(row.expires_at),
    alertId: row.alert_id,
    result: row.result,
  };
}

function blobFromRow(row: Selectable<BlobsTable>): BlobRecord {
  return {
    id: row.id,
    submissionId: row.submission_id,
    alertId: row.alert_id,
    chunkCount: row.chunk_count,
    totalBytes: Number(row.total_bytes),
    state: v.parse(BlobStateSchema, row.state),
  };
}

export function createUploadRepo(db: Db): UploadRepo {
  const findSubmission = async (id: string): Promise<SubmissionRecord | undefined> => {
    const row = await db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : submissionFromRow(row);
  };
  const findBlob = async (blobId: string): Promise<BlobRecord | undefined> => {
    const row = await db.selectFrom('blobs').selectAll().where('id', '=', blobId).executeTakeFirst();
    return row === undefined ? undefined : blobFromRow(row);
  };

  return {
    findSubmission,
    async lockSubmission(id) {
      await db.updateTable('submissions').set((eb) => ({ received_bytes: eb.ref('received_bytes') })).where('id', '=', id).execute();
      return findSubmission(id);
    },
    async insertSubmission(s) {
      const result = await db
        .insertInto('submissions')
        .values({
          id: s.id,
          purpose: s.purpose,
          state: 'open',
          declared_bytes: s.declaredBytes,
          received_bytes: 0,
          // SECURITY: the day of a reporter's action, never its instant, from the first write.
          created_at: dayOf(s.createdAt),
          expires_at: ceilToHour(s.expiresAt).toISOString(),
          alert_id: null,
          result: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async receivedBytesSince(day) {
      const row = await db
        .selectFrom('submissions')
        .select((eb) => eb.fn.sum<number | string | null>('received_bytes').as('total'))
        .where('created_at', '>=', day)
        .executeTakeFirstOrThrow();
      return Number(row.total ?? 0);
    },
    async receivedChunks(submissionId) {
      const rows = await db
        .selectFrom('blob_chunks')
        .innerJoin('blobs', 'blobs.id', 'blob_chunks.blob_id')
        .select(['blob_chunks.blob_id as blobId', 'blob_chunks.chunk_index as index'])
        .where('blobs.submission_id', '=', submissionId)
        .orderBy('blob_chunks.blob_id')
        .orderBy('blob_chunks.chunk_index')
        .execute();
      const out: Record<string, number[]> = {};
      for (const { blobId, index } of rows) (out[blobId] ??= []).push(index);
      return out;
    },
    findBlob,
    async packageFileExists(blobId) {
      return (await db.selectFrom('forwarding_files').select('id').where('id', '=', blobId).executeTakeFirst()) !== undefined;
    },
    async insertBlobIfAbsent(blobId, submissionId, day) {
      await db
        .insertInto('blobs')
        .values({ id: blobId, submission_id: submissionId, alert_id: null, chunk_count: 0, total_bytes: 0, state: 'uploading', created_day: day })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    async findChunk(blobId, index) {
      const row = await db.selectFrom('blob_chunks').selectAll().where('blob_id', '=', blobId).where('chunk_index', '=', index).executeTakeFirst();
      return row === undefined ? undefined : { blobId: row.blob_id, index: row.chunk_index, size: row.size, sha256: row.sha256 };
    },
    async recordChunk(submissionId, chunk) {
      await db.insertInto('blob_chunks').values({ blob_id: chunk.blobId, chunk_index: chunk.index, size: chunk.size, sha256: chunk.sha256 }).execute();
      await db
        .updateTable('blobs')
        .set((eb) => ({ total_bytes: eb('total_bytes', '+', chunk.size), chunk_count: eb('chunk_count', '+', 1) }))
        .where('id', '=', chunk.blobId)
        .execute();
      await db
        .updateTable('submissions')
        .set((eb) => ({ received_bytes: eb('received_bytes', '+', chunk.size) }))
        .where('id', '=', submissionId)
        .execute();
    },
    async blobsOf(submissionId) {
      return (await db.selectFrom('blobs').selectAll().where('submission_id', '=', submissionId).orderBy('id').execute()).map(blobFromRow);
    },
    async chunkIndexesOf(blobId) {
      const rows = await db.selectFrom('blob_chunks').select('chunk_index').where('blob_id', '=', blobId).execute();
      return rows.map((r) => r.chunk_index);
    },
    async attachBlobs(blobs, alertId) {
      for (const { blobId, chunkCount } of blobs) {
        await db.updateTable('blobs').set({ alert_id: alertId, chunk_count: chunkCount, state: 'complete' }).where('id', '=', blobId).execute();
      }
    },
    async deleteBlobs(blobIds) {
      if (blobIds.length === 0) return;
      await db.deleteFrom('blob_chunks').where('blob_id', 'in', [...blobIds]).execute();
      await db.deleteFrom('blobs').where('id', 'in', [...blobIds]).execute();
    },
    async markFinalized(submissionId, alertId, result, day) {
      // SECURITY: once finalized, the upload keeps only its day: no instant of a reporter's action survives.
      await db
        .updateTable('submissions')
        .set({ state: 'finalized', alert_id: alertId, result, created_at: day, expires_at: day })
        .where('id', '=', submissionId)
        .execute();
    },
  };
}
