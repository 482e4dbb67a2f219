/** Settings, signed directory and questionnaire versions, organisations (DirectoryRepo, SetupWrites). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DirectoryRepo, SignedVersion } from '../features/shared/records.ts';
import type { SetupWrites } from '../features/setup/index.ts';
import { grantToRow, organisationFromRow } from './rows.ts';

type Db = Kysely<Database>;

async function latest(db: Db, table: 'directory_versions' | 'questionnaire_versions'): Promise<SignedVersion | undefined> {
  return db.selectFrom(table).select(['version', 'body', 'signature']).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export function createDirectoryRepo(db: Db): DirectoryRepo {
  return {
    async setting(key) {
      return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
    },
    latestDirectory: () => latest(db, 'directory_versions'),
    directoryVersions: () => db.selectFrom('directory_versions').select(['version', 'body', 'signature']).orderBy('version').execute(),
    latestQuestionnaire: () => latest(db, 'questionnaire_versions'),
    async questionnaireExists(version) {
      return (await db.selectFrom('questionnaire_versions').select('version').where('version', '=', version).executeTakeFirst()) !== undefined;
    },
    async organisation(id) {
      const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : organisationFromRow(row);
    },
    async organisationCount() {
      const row = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export function createSetupWrites(db: Db): SetupWrites {
  return {
    async lockSetting(key) {
      await db.updateTable('settings').set((eb) => ({ value: eb.ref('value') })).where('key', '=', key).execute();
    },
    async insertOrganisation(org, now) {
      await db
        .insertInto('organisations')
        .values({
          id: org.id,
          kind: org.kind,
          name: org.name,
          x25519_public: org.x25519Public,
          ed25519_public: org.ed25519Public,
          key_version: org.keyVersion,
          created_at: now.toISOString(),
        })
        .execute();
    },
    async insertUser(user, now) {
      await db
        .insertInto('users')
        .values({
          id: user.id,
          login: user.login,
          salt: user.salt,
          login_key_hash: user.loginKeyHash,
          x25519_public: user.x25519Public,
          ed25519_public: user.ed25519Public,
          key_version: user.keyVersion,
          wrapped_keys: user.wrappedKeys,
          recovery_wrapped_keys: user.recoveryWrappedKeys,
          disabled: user.disabled ? 1 : 0,
          created_at: now.toISOString(),
        })
        .execute();
    },
    async insertMembership(m, now) {
      await db.insertInto('memberships').values({ id: m.id, user_id: m.userId, org_id: m.orgId, role: m.role, created_at: now.toISOString() }).execute();
    },
    async insertGrants(grants, now) {
      if (grants.length === 0) return;
      await db.insertInto('key_grants').values(grants.map((g) => grantToRow(g, now.toISOString()))).execute();
    },
    async insertDirectory(doc, now) {
      await db.insertInto('directory_versions').values({ ...doc, created_at: now.toISOString() }).execute();
    },
    async insertQuestionnaire(doc, now) {
      await db.insertInto('questionnaire_versions').values({ ...doc, created_at: now.toISOString() }).execute();
    },
    async putSetting(key, value) {
      await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    },
    async deleteSetting(key) {
      await db.deleteFrom('settings').where('key', '=', key).execute();
    },
  };
}
