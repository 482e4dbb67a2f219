/**
 * Adapter of features/custody's RetentionRepo: policies, holds, and the purge of what
 * desk-repo's deleteCiphertext leaves (notes, reasons, identity request reasons, forwarding
 * packages with their events, files and grants).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RetentionRepo } from '../features/custody/index.ts';

type Db = Kysely<Database>;

async function purgeForwardings(db: Db, alertId: string): Promise<readonly string[]> {
  const forwardingIds = (await db.selectFrom('forwardings').select('id').where('alert_id', '=', alertId).execute()).map((r) => r.id);
  const draftIds = (await db.selectFrom('forwarding_drafts').select('forwarding_id').where('alert_id', '=', alertId).execute()).map((r) => r.forwarding_id);
  const owners = [...new Set([...forwardingIds, ...draftIds])];
  if (owners.length === 0) return [];
  const fileIds = (await db.selectFrom('forwarding_files').select('id').where('forwarding_id', 'in', owners).execute()).map((r) => r.id);
  if (fileIds.length > 0) {
    await db.deleteFrom('forwarding_file_chunks').where('file_id', 'in', fileIds).execute();
    await db.deleteFrom('forwarding_files').where('id', 'in', fileIds).execute();
  }
  if (forwardingIds.length > 0) {
    await db.updateTable('forwardings').set({ package_envelope: '', attachment_files: '[]' }).where('id', 'in', forwardingIds).execute();
    await db.updateTable('forwarding_events').set({ details_envelope: null }).where('forwarding_id', 'in', forwardingIds).execute();
    // SECURITY: the package keys go with the packages: nothing left can open a copy kept elsewhere.
    await db.deleteFrom('key_grants').where('object_type', '=', 'forwarding').where('object_id', 'in', forwardingIds).execute();
  }
  if (draftIds.length > 0) await db.deleteFrom('forwarding_drafts').where('alert_id', '=', alertId).execute();
  return fileIds;
}

export function createRetentionRepo(db: Db): RetentionRepo {
  return {
    async policyOf(orgId) {
      return (await db.selectFrom('retention_policies').select('months').where('org_id', '=', orgId).executeTakeFirst())?.months ?? null;
    },
    async setPolicy(orgId, months, by, at) {
      await db.deleteFrom('retention_policies').where('org_id', '=', orgId).execute();
      if (months !== null) await db.insertInto('retention_policies').values({ org_id: orgId, months, updated_by: by, updated_at: at }).execute();
    },
    async holdOf(alertId) {
      const row = await db
        .selectFrom('retention_holds as h')
        .innerJoin('users as u', 'u.id', 'h.set_by')
        .select(['h.id', 'u.login', 'h.reason_envelope', 'h.created_at'])
        .where('h.alert_id', '=', alertId)
        .executeTakeFirst();
      return row === undefined ? null : { id: row.id, setByLogin: row.login, reasonEnvelope: row.reason_envelope, createdAt: row.created_at };
    },
    async insertHold(hold, createdAt) {
      await db.insertInto('retention_holds').values({ alert_id: hold.alertId, id: hold.id, set_by: hold.setBy, reason_envelope: hold.reasonEnvelope, created_at: createdAt }).execute();
    },
    async deleteHold(alertId) {
      const result = await db.deleteFrom('retention_holds').where('alert_id', '=', alertId).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    async deletedAt(alertId) {
      return (await db.selectFrom('retention_deletions').select('deleted_at').where('alert_id', '=', alertId).executeTakeFirst())?.deleted_at ?? null;
    },
    async closedAt(alertId) {
      const row = await db
        .selectFrom('state_changes as s')
        .innerJoin('alerts as a', 'a.id', 's.alert_id')
        .select('s.created_at')
        .where('s.alert_id', '=', alertId)
        .whereRef('s.to_state', '=', 'a.state')
        .orderBy('s.seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.created_at;
    },
    async candidates(closingStates, limit, afterAlertId) {
      let query = db
        .selectFrom('alerts as a')
        .innerJoin('retention_policies as p', 'p.org_id', 'a.org_id')
        .select((eb) => [
          'a.id',
          'a.org_id',
          'p.months',
          'a.updated_at',
          eb
            .selectFrom('state_changes as s')
            .select((inner) => inner.fn.max('s.created_at').as('at'))
            .whereRef('s.alert_id', '=', 'a.id')
            .whereRef('s.to_state', '=', 'a.state')
            .as('closed_at'),
        ])
        .where('a.state', 'in', closingStates)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('retention_holds as h').select('h.alert_id').whereRef('h.alert_id', '=', 'a.id'))))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('retention_deletions as d').select('d.alert_id').whereRef('d.alert_id', '=', 'a.id'))))
        .orderBy('a.id')
        .limit(limit);
      if (afterAlertId !== null) query = query.where('a.id', '>', afterAlertId);
      const rows = await query.execute();
      return rows.map((r) => ({ alertId: r.id, orgId: r.org_id, months: r.months, closedAt: r.closed_at ?? r.updated_at }));
    },
    async purge(alertId, months, at) {
      // Notes go as rows: the desk shows every note it lists, and an emptied one would be a broken part.
      await db.deleteFrom('notes').where('alert_id', '=', alertId).execute();
      await db.updateTable('state_changes').set({ reason_envelope: null }).where('alert_id', '=', alertId).execute();
      await db.updateTable('identity_requests').set({ reason_envelope: '' }).where('alert_id', '=', alertId).execute();
      await db.updateTable('identity_requests').set({ refusal_envelope: '' }).where('alert_id', '=', alertId).where('refusal_envelope', 'is not', null).execute();
      const fileIds = await purgeForwardings(db, alertId);
      await db.insertInto('retention_deletions').values({ alert_id: alertId, months, deleted_at: at }).execute();
      return fileIds;
    },
  };
}
