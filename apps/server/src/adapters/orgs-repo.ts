/** Adapters of features/orgs: organisations, memberships, invitations and organisation key grants over Kysely. */
import * as v from 'valibot';
import { OrganisationKindSchema } from '@kenekanko/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganisationsTable } from '../db/schema.ts';
import type { InvitationsTable } from '../db/schema-orgs.ts';
import type { InvitationRecord, InvitationRepo, OrgRecord, OrgRepo, OrgsRepos } from '../features/orgs/index.ts';
import { createSetupWrites } from './directory-repo.ts';
import { grantFromRow, grantToRow, parseRole } from './rows.ts';

type Db = Kysely<Database>;

function orgFromRow(row: Selectable<OrganisationsTable>, memberCount: number): OrgRecord {
  return {
    id: row.id,
    kind: v.parse(OrganisationKindSchema, row.kind),
    name: row.name,
    x25519Public: row.x25519_public,
    ed25519Public: row.ed25519_public,
    keyVersion: row.key_version,
    preset: row.preset,
    memberCount,
  };
}

async function memberCounts(db: Db, orgId?: string): Promise<Map<string, number>> {
  let query = db.selectFrom('memberships').select(['org_id', (eb) => eb.fn.count<string>('user_id').distinct().as('n')]).groupBy('org_id');
  if (orgId !== undefined) query = query.where('org_id', '=', orgId);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.org_id, Number(r.n)]));
}

function invitationFromRow(row: Selectable<InvitationsTable>): InvitationRecord {
  return {
    id: row.id,
    codeHash: row.code_hash,
    orgId: row.org_id,
    role: parseRole(row.role),
    login: row.login,
    createdBy: row.created_by,
    expiresAt: new Date(row.expires_at),
    usedAt: row.used_at === null ? null : new Date(row.used_at),
  };
}

function orgGrantsQuery(db: Db, orgId: string) {
  return db.selectFrom('key_grants').selectAll().where('object_type', '=', 'organisation').where('object_id', '=', orgId).where('key_kind', '=', 'organisation');
}

function createOrgRepo(db: Db): OrgRepo {
  const findOrganisation = async (orgId: string): Promise<OrgRecord | undefined> => {
    const row = await db.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirst();
    return row === undefined ? undefined : orgFromRow(row, (await memberCounts(db, orgId)).get(orgId) ?? 0);
  };
  return {
    async listOrganisations() {
      const [rows, counts] = await Promise.all([db.selectFrom('organisations').selectAll().orderBy('kind').orderBy('name').execute(), memberCounts(db)]);
      return rows.map((row) => orgFromRow(row, counts.get(row.id) ?? 0));
    },
    findOrganisation,
    async lockOrganisation(orgId) {
      await db.updateTable('organisations').set((eb) => ({ key_version: eb.ref('key_version') })).where('id', '=', orgId).execute();
      return findOrganisation(orgId);
    },
    async insertOrganisation(org, now) {
      await db
        .insertInto('organisations')
        .values({ id: org.id, kind: org.kind, name: org.name, x25519_public: '', ed25519_public: '', key_version: 0, created_at: now.toISOString(), preset: org.preset })
        .execute();
    },
    async renameOrganisation(orgId, name) {
      await db.updateTable('organisations').set({ name }).where('id', '=', orgId).execute();
    },
    async replaceKeys(orgId, fromVersion, keys) {
      const result = await db
        .updateTable('organisations')
        .set({ x25519_public: keys.x25519Public, ed25519_public: keys.ed25519Public, key_version: keys.keyVersion })
        .where('id', '=', orgId)
        .where('key_version', '=', fromVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async membersOf(orgId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['memberships.id as membershipId', 'memberships.user_id as userId', 'memberships.org_id as orgId', 'memberships.role as role'])
        .select(['users.login as login', 'users.x25519_public as x25519Public', 'users.ed25519_public as ed25519Public', 'users.key_version as userKeyVersion'])
        .where('memberships.org_id', '=', orgId)
        .orderBy('users.login')
        .orderBy('memberships.role')
        .execute();
      return rows.map((r) => ({ ...r, role: parseRole(r.role) }));
    },
    async insertMembership(m, now) {
      await db.insertInto('memberships').values({ id: m.id, user_id: m.userId, org_id: m.orgId, role: m.role, created_at: now.toISOString() }).execute();
    },
    async deleteMembership(membershipId) {
      await db.deleteFrom('memberships').where('id', '=', membershipId).execute();
    },
    async orgGrants(orgId, filter) {
      let query = orgGrantsQuery(db, orgId);
      if (filter.recipientType !== undefined) query = query.where('recipient_type', '=', filter.recipientType);
      if (filter.recipientId !== undefined) query = query.where('recipient_id', '=', filter.recipientId);
      if (filter.keyVersion !== undefined) query = query.where('key_version', '=', filter.keyVersion);
      const rows = await query.orderBy('key_version').orderBy('recipient_id').execute();
      return rows.map((row) => ({ ...grantFromRow(row), id: row.id }));
    },
    async putGrants(grants, now) {
      for (const grant of grants) {
        await db
          .insertInto('key_grants')
          .values(grantToRow(grant, now.toISOString()))
          .onConflict((oc) =>
            oc
              .columns(['object_type', 'object_id', 'key_kind', 'key_version', 'recipient_type', 'recipient_id'])
              .doUpdateSet({ sealed_key: grant.sealedKey, recipient_key_version: grant.recipientKeyVersion, created_at: now.toISOString() }),
          )
          .execute();
      }
    },
    async deleteUserOrgGrants(orgId, userId) {
      const result = await db
        .deleteFrom('key_grants')
        .where('object_type', '=', 'organisation')
        .where('object_id', '=', orgId)
        .where('recipient_type', '=', 'user')
        .where('recipient_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteUserRoleGrants(userId, keyKind) {
      const result = await db
        .deleteFrom('key_grants')
        .where('object_type', '=', keyKind === 'custodian' ? 'custodian' : 'coalition')
        .where('key_kind', '=', keyKind)
        .where('recipient_type', '=', 'user')
        .where('recipient_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async coalitionSigningGrants(coalitionId) {
      const rows = await db
        .selectFrom('key_grants')
        .selectAll()
        .where('object_type', '=', 'coalition')
        .where('object_id', '=', coalitionId)
        .where('key_kind', '=', 'coalition-signing')
        .orderBy('key_version', 'desc')
        .execute();
      return rows.map((row) => ({ ...grantFromRow(row), id: row.id }));
    },
  };
}

function createInvitationRepo(db: Db): InvitationRepo {
  return {
    async insertInvitation(i, now) {
      await db
        .insertInto('invitations')
        .values({
          id: i.id,
          code_hash: i.codeHash,
          org_id: i.orgId,
          role: i.role,
          login: i.login,
          created_by: i.createdBy,
          created_at: now.toISOString(),
          expires_at: i.expiresAt.toISOString(),
          used_at: null,
          used_by: null,
        })
        .execute();
    },
    async findInvitation(codeHash, lock) {
      if (lock) await db.updateTable('invitations').set((eb) => ({ used_at: eb.ref('used_at') })).where('code_hash', '=', codeHash).execute();
      const row = await db.selectFrom('invitations').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
      return row === undefined ? undefined : invitationFromRow(row);
    },
    async markUsed(invitationId, userId, at) {
      await db.updateTable('invitations').set({ used_at: at.toISOString(), used_by: userId }).where('id', '=', invitationId).execute();
    },
  };
}

export function createOrgsRepos(db: Db): OrgsRepos {
  const setup = createSetupWrites(db);
  return {
    orgs: createOrgRepo(db),
    invitations: createInvitationRepo(db),
    directoryWrites: { insertDirectory: (doc, now) => setup.insertDirectory(doc, now), putSetting: (key, value) => setup.putSetting(key, value) },
    userWrites: { insertUser: (user, now) => setup.insertUser(user, now) },
  };
}
