/** The desk's reads and writes (DeskRepo). */
import * as v from 'valibot';
import { AlertStateSchema, ForwardingStateSchema } from '@kenekanko/contracts';
import type { AlertSummary, MessageView } from '@kenekanko/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DeskRepo } from '../features/desk/index.ts';
import { summaryOf } from '../features/desk/index.ts';
import { newId } from '../features/shared/ids.ts';
import { alertFromRow } from './rows.ts';

type Db = Kysely<Database>;

/** The inbox shows at most this many alerts per request (pagination belongs to the case-desk issue). */
export const INBOX_LIMIT = 500;

async function conversationStats(db: Db, alertIds: readonly string[]): Promise<Map<string, Pick<MessageView, 'senderType'>[]>> {
  const out = new Map<string, Pick<MessageView, 'senderType'>[]>();
  if (alertIds.length === 0) return out;
  const rows = await db.selectFrom('messages').select(['alert_id', 'sender_type']).where('alert_id', 'in', [...alertIds]).orderBy('alert_id').orderBy('seq').execute();
  for (const row of rows) {
    const senderType = row.sender_type === 'organisation' ? 'organisation' : 'reporter';
    const list = out.get(row.alert_id) ?? [];
    list.push({ senderType });
    out.set(row.alert_id, list);
  }
  return out;
}

export function createDeskRepo(db: Db): DeskRepo {
  return {
    async inbox(orgIds, state) {
      let query = db.selectFrom('alerts').selectAll().where('org_id', 'in', [...orgIds]);
      if (state !== undefined) query = query.where('state', '=', state);
      const rows = await query.orderBy('received_day', 'desc').orderBy('updated_at', 'desc').orderBy('id').limit(INBOX_LIMIT).execute();
      const stats = await conversationStats(db, rows.map((r) => r.id));
      return rows.map((row): AlertSummary => summaryOf(alertFromRow(row), stats.get(row.id) ?? []));
    },
    async notesOf(alertId) {
      const rows = await db
        .selectFrom('notes')
        .innerJoin('users', 'users.id', 'notes.author_id')
        .select(['notes.id as id', 'users.login as authorLogin', 'notes.envelope as envelope', 'notes.created_at as createdAt'])
        .where('notes.alert_id', '=', alertId)
        .orderBy('notes.created_at')
        .orderBy('notes.id')
        .execute();
      return rows;
    },
    async historyOf(alertId) {
      const rows = await db
        .selectFrom('state_changes')
        .leftJoin('users', 'users.id', 'state_changes.actor_id')
        .select(['state_changes.seq', 'from_state', 'to_state', 'actor_type', 'users.login as login', 'reason_envelope', 'state_changes.created_at'])
        .where('state_changes.alert_id', '=', alertId)
        .orderBy('state_changes.seq')
        .execute();
      return rows.map((r) => ({
        seq: r.seq,
        fromState: r.from_state === null ? null : v.parse(AlertStateSchema, r.from_state),
        toState: v.parse(AlertStateSchema, r.to_state),
        actor: r.actor_type === 'user' ? (r.login ?? 'user') : r.actor_type,
        reasonEnvelope: r.reason_envelope,
        createdAt: r.created_at,
      }));
    },
    async blobsOfAlert(alertId) {
      const rows = await db
        .selectFrom('blobs')
        .select(['id', 'chunk_count', 'total_bytes'])
        .where('alert_id', '=', alertId)
        .where('state', '=', 'complete')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ blobId: r.id, chunkCount: r.chunk_count, totalBytes: Number(r.total_bytes) }));
    },
    async lastStateSeq(alertId) {
      const row = await db
        .selectFrom('state_changes')
        .select((eb) => eb.fn.max<number | null>('seq').as('last'))
        .where('alert_id', '=', alertId)
        .executeTakeFirstOrThrow();
      return Number(row.last ?? 0);
    },
    async updateState(alertId, from, to, duplicateOf, at) {
      const result = await db
        .updateTable('alerts')
        .set({ state: to, duplicate_of: duplicateOf, updated_at: at })
        .where('id', '=', alertId)
        .where('state', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async insertStateChange(c) {
      await db
        .insertInto('state_changes')
        .values({ id: newId(), alert_id: c.alertId, seq: c.seq, from_state: c.fromState, to_state: c.toState, actor_type: 'user', actor_id: c.actorId, reason_envelope: c.reasonEnvelope, created_at: c.createdAt })
        .execute();
    },
    async forwardingStatesOf(alertId) {
      // The forwardings the alert's own organisation sent (onward ones belong to their sender's follow-up).
      const rows = await db
        .selectFrom('forwardings')
        .innerJoin('alerts', 'alerts.id', 'forwardings.alert_id')
        .select('forwardings.state')
        .where('forwardings.alert_id', '=', alertId)
        .whereRef('forwardings.from_org_id', '=', 'alerts.org_id')
        .execute();
      return rows.map((r) => v.parse(ForwardingStateSchema, r.state));
    },
    async duplicatesOf(alertId) {
      const rows = await db.selectFrom('alerts').select('id').where('duplicate_of', '=', alertId).orderBy('received_day').orderBy('id').execute();
      return rows.map((r) => r.id);
    },
    async touchAlert(alertId, at) {
      await db.updateTable('alerts').set({ updated_at: at }).where('id', '=', alertId).execute();
    },
    async findNote(noteId) {
      const row = await db.selectFrom('notes').select(['id', 'alert_id', 'author_id', 'envelope']).where('id', '=', noteId).executeTakeFirst();
      return row === undefined ? undefined : { id: row.id, alertId: row.alert_id, authorId: row.author_id, envelope: row.envelope };
    },
    async insertNote(note, createdAt) {
      await db.insertInto('notes').values({ id: note.id, alert_id: note.alertId, author_id: note.authorId, envelope: note.envelope, created_at: createdAt }).execute();
    },
    async deleteCiphertext(alertId) {
      const blobIds = (await db.selectFrom('blobs').select('id').where('alert_id', '=', alertId).execute()).map((r) => r.id);
      if (blobIds.length > 0) {
        await db.deleteFrom('blob_chunks').where('blob_id', 'in', blobIds).execute();
        await db.deleteFrom('blobs').where('id', 'in', blobIds).execute();
      }
      await db.updateTable('messages').set({ envelope: '' }).where('alert_id', '=', alertId).execute();
      await db.updateTable('alerts').set({ answers_envelope: '', identity_envelope: '' }).where('id', '=', alertId).execute();
      // SECURITY: the sealed keys (content, desk, identity, the reporter's) and the receipt's
      // lookup go too: nothing left can open or find the alert again. With SQLite's
      // secure_delete the freed pages are zeroed; PostgreSQL keeps dead tuples until VACUUM.
      await db.deleteFrom('key_grants').where('object_type', '=', 'alert').where('object_id', '=', alertId).execute();
      await db.deleteFrom('receipt_lookups').where('alert_id', '=', alertId).execute();
      // Labels and checklist state are desk-key ciphertext: gone with the key.
      await db.deleteFrom('case_documents').where('alert_id', '=', alertId).execute();
      return blobIds;
    },
  };
}
