/** Alerts, receipt lookups and conversations (AlertRepo, LookupRepo, MessageRepo, AlertIntakeWrites). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AlertRepo } from '../features/shared/alerts.ts';
import type { MessageRepo } from '../features/shared/messages.ts';
import type { LookupRepo } from '../features/reporter/index.ts';
import type { AlertIntakeWrites } from '../features/submissions/index.ts';
import { newId } from '../features/shared/ids.ts';
import { alertFromRow, grantFromRow, grantToRow, messageFromRow } from './rows.ts';

type Db = Kysely<Database>;

export function createAlertRepo(db: Db): AlertRepo {
  const findAlert: AlertRepo['findAlert'] = async (alertId) => {
    const row = await db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst();
    return row === undefined ? undefined : alertFromRow(row);
  };
  return {
    findAlert,
    async lockAlert(alertId) {
      await db.updateTable('alerts').set((eb) => ({ state: eb.ref('state') })).where('id', '=', alertId).execute();
      return findAlert(alertId);
    },
    async grantsOf(alertId, recipientType) {
      const rows = await db
        .selectFrom('key_grants')
        .selectAll()
        .where('object_type', '=', 'alert')
        .where('object_id', '=', alertId)
        .where('recipient_type', '=', recipientType)
        .orderBy('key_kind')
        .orderBy('key_version')
        .execute();
      return rows.map(grantFromRow);
    },
  };
}

export function createLookupRepo(db: Db): LookupRepo {
  return {
    async alertIdByLookup(lookupHashes) {
      if (lookupHashes.length === 0) return undefined;
      const row = await db.selectFrom('receipt_lookups').select('alert_id').where('lookup_hash', 'in', [...lookupHashes]).executeTakeFirst();
      return row?.alert_id;
    },
  };
}

export function createMessageRepo(db: Db): MessageRepo {
  const columns = ['seq', 'sender_type', 'envelope', 'signature', 'attachment_blob_ids', 'created_day'] as const;
  return {
    async messagesOf(alertId) {
      const rows = await db.selectFrom('messages').select(columns).where('alert_id', '=', alertId).orderBy('seq').execute();
      return rows.map(messageFromRow);
    },
    async lastSeq(alertId) {
      const row = await db
        .selectFrom('messages')
        .select((eb) => eb.fn.max<number | null>('seq').as('last'))
        .where('alert_id', '=', alertId)
        .executeTakeFirstOrThrow();
      return Number(row.last ?? 0);
    },
    async findBySeq(alertId, seq) {
      const row = await db.selectFrom('messages').select(columns).where('alert_id', '=', alertId).where('seq', '=', seq).executeTakeFirst();
      return row === undefined ? undefined : messageFromRow(row);
    },
    async insertMessage(m) {
      await db
        .insertInto('messages')
        .values({
          id: m.id,
          alert_id: m.alertId,
          seq: m.seq,
          sender_type: m.senderType,
          sender_user_id: m.senderUserId,
          envelope: m.envelope,
          signature: m.signature,
          attachment_blob_ids: JSON.stringify(m.attachmentBlobIds),
          created_day: m.createdDay,
        })
        .execute();
    },
  };
}

export function createIntakeWrites(db: Db): AlertIntakeWrites {
  return {
    async lookupExists(lookupHash) {
      return (await db.selectFrom('receipt_lookups').select('alert_id').where('lookup_hash', '=', lookupHash).executeTakeFirst()) !== undefined;
    },
    async insertAlert(a) {
      await db
        .insertInto('alerts')
        .values({
          id: a.id,
          org_id: a.orgId,
          state: 'received',
          received_day: a.receivedDay,
          kind: a.statistics.kind,
          region_id: a.statistics.regionId,
          cercle_id: a.statistics.cercleId,
          institution_type: a.statistics.institutionType,
          amount_band: a.statistics.amountBand,
          questionnaire_version: a.questionnaireVersion,
          answers_envelope: a.answersEnvelope,
          identity_envelope: a.identityEnvelope,
          reporter_x25519_public: a.reporterX25519Public,
          reporter_ed25519_public: a.reporterEd25519Public,
          receipt_version: a.receiptVersion,
          duplicate_of: null,
          assignee_id: null,
          // SECURITY: the day, not the instant: this is a reporter's action.
          updated_at: a.receivedDay,
        })
        .execute();
    },
    async insertLookup(l) {
      await db
        .insertInto('receipt_lookups')
        .values({ lookup_hash: l.lookupHash, alert_id: l.alertId, receipt_version: l.receiptVersion, pepper_version: l.pepperVersion })
        .execute();
    },
    async insertGrants(grants, createdAt) {
      if (grants.length === 0) return;
      await db.insertInto('key_grants').values(grants.map((g) => grantToRow(g, createdAt))).execute();
    },
    async insertFirstStateChange(alertId, day) {
      await db
        .insertInto('state_changes')
        .values({ id: newId(), alert_id: alertId, seq: 1, from_state: null, to_state: 'received', actor_type: 'reporter', actor_id: null, reason_envelope: null, created_at: day })
        .execute();
    },
  };
}
