/** Notifications and e-mail opt-ins over Kysely (features/cases NotificationRepo). */
import * as v from 'valibot';
import { NotificationKindSchema } from '@kenekanko/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { NotificationRepo } from '../features/cases/index.ts';
import { newId } from '../features/shared/ids.ts';

export function createCaseNotificationRepo(db: Kysely<Database>): NotificationRepo {
  return {
    async insert(n) {
      await db.insertInto('notifications').values({ id: newId(), user_id: n.userId, kind: n.kind, object_id: n.objectId, created_at: n.createdAt, read_at: null, mailed: 0 }).execute();
    },
    async exists(userId, kind, objectId) {
      const row = await db.selectFrom('notifications').select('id').where('user_id', '=', userId).where('kind', '=', kind).where('object_id', '=', objectId).executeTakeFirst();
      return row !== undefined;
    },
    async list(userId, limit) {
      const rows = await db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, kind: v.parse(NotificationKindSchema, r.kind), objectId: r.object_id, createdAt: r.created_at, read: r.read_at !== null }));
    },
    async unreadCount(userId, options = {}) {
      let query = db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null);
      if (options.unmailedOnly === true) query = query.where('mailed', '=', 0);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },
    async markRead(userId, ids, at) {
      let query = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
      if (ids !== 'all') query = query.where('id', 'in', [...ids]);
      await query.execute();
    },
    async coordinatorsOf(orgId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select('users.id')
        .where('memberships.org_id', '=', orgId)
        .where('memberships.role', '=', 'coordinator')
        .where('users.disabled', '=', 0)
        .orderBy('users.id')
        .execute();
      return rows.map((r) => r.id);
    },
    async mailPreference(userId) {
      const row = await db.selectFrom('mail_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return row === undefined ? undefined : { address: row.address, enabled: row.enabled === 1, lastMailedAt: row.last_mailed_at };
    },
    async saveMailPreference(userId, p, at) {
      const values = { address: p.address, enabled: p.enabled ? 1 : 0, updated_at: at };
      await db.insertInto('mail_preferences').values({ user_id: userId, ...values, last_mailed_at: null }).onConflict((oc) => oc.column('user_id').doUpdateSet(values)).execute();
    },
    async deleteMailPreference(userId) {
      await db.deleteFrom('mail_preferences').where('user_id', '=', userId).execute();
    },
    async mailRecipients() {
      const rows = await db
        .selectFrom('mail_preferences')
        .innerJoin('users', 'users.id', 'mail_preferences.user_id')
        .select(['mail_preferences.user_id', 'mail_preferences.address', 'mail_preferences.enabled', 'mail_preferences.last_mailed_at'])
        .where('mail_preferences.enabled', '=', 1)
        .where('users.disabled', '=', 0)
        .orderBy('mail_preferences.user_id')
        .execute();
      return rows.map((r) => ({ userId: r.user_id, address: r.address, enabled: r.enabled === 1, lastMailedAt: r.last_mailed_at }));
    },
    async markMailed(userId, at) {
      await db.updateTable('mail_preferences').set({ last_mailed_at: at }).where('user_id', '=', userId).execute();
      await db.updateTable('notifications').set({ mailed: 1 }).where('user_id', '=', userId).where('mailed', '=', 0).execute();
    },
  };
}
