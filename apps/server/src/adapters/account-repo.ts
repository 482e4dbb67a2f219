/** Staff users, memberships and sessions (AccountRepo). */
import * as v from 'valibot';
import { OrganisationKindSchema } from '@kenekanko/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AccountRepo } from '../features/accounts/index.ts';
import { grantFromRow, parseRole, userFromRow } from './rows.ts';

type Db = Kysely<Database>;

export function createAccountRepo(db: Db): AccountRepo {
  return {
    async userByLogin(login) {
      const row = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
      return row === undefined ? undefined : userFromRow(row);
    },
    async userById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : userFromRow(row);
    },
    async membershipsOf(userId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('organisations', 'organisations.id', 'memberships.org_id')
        .select(['memberships.org_id as orgId', 'organisations.name as orgName', 'organisations.kind as orgKind', 'memberships.role as role'])
        .where('memberships.user_id', '=', userId)
        .orderBy('organisations.name')
        .orderBy('memberships.role')
        .execute();
      return rows.map((r) => ({ orgId: r.orgId, orgName: r.orgName, orgKind: v.parse(OrganisationKindSchema, r.orgKind), role: parseRole(r.role) }));
    },
    async orgKeyGrant(orgId, userId) {
      const row = await db
        .selectFrom('key_grants')
        .selectAll()
        .where('object_type', '=', 'organisation')
        .where('object_id', '=', orgId)
        .where('key_kind', '=', 'organisation')
        .where('recipient_type', '=', 'user')
        .where('recipient_id', '=', userId)
        .orderBy('key_version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : grantFromRow(row);
    },
    async insertSession(s, createdAt) {
      await db
        .insertInto('staff_sessions')
        .values({
          id_hash: s.idHash,
          user_id: s.userId,
          created_at: createdAt.toISOString(),
          last_seen_at: s.lastSeenAt.toISOString(),
          expires_at: s.expiresAt.toISOString(),
        })
        .execute();
    },
    async findSession(idHash) {
      const row = await db.selectFrom('staff_sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
      return row === undefined
        ? undefined
        : { idHash: row.id_hash, userId: row.user_id, lastSeenAt: new Date(row.last_seen_at), expiresAt: new Date(row.expires_at) };
    },
    async touchSession(idHash, at) {
      await db.updateTable('staff_sessions').set({ last_seen_at: at.toISOString() }).where('id_hash', '=', idHash).execute();
    },
    async deleteSession(idHash) {
      await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
    },
  };
}
