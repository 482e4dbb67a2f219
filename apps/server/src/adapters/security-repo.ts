/** Adapters of features/security: second_factors, and the user and session rows a reset or a recovery changes. */
import * as v from 'valibot';
import type { Kysely } from 'kysely';
import { SECOND_FACTOR_METHODS } from '@kenekanko/contracts';
import type { Database } from '../db/schema.ts';
import type { SecondFactorRecord, SecondFactorRepo, SecurityAccountRepo, SecurityRepos } from '../features/security/index.ts';

type Db = Kysely<Database>;
const StateSchema = v.picklist(['pending', 'active'] as const);
const MethodSchema = v.picklist(SECOND_FACTOR_METHODS);

function factorFromRow(row: Database['second_factors']): SecondFactorRecord {
  return {
    userId: row.user_id,
    method: v.parse(MethodSchema, row.method),
    state: v.parse(StateSchema, row.state),
    secretEnvelope: row.secret_envelope,
    lastStep: Number(row.last_step),
    failedCount: Number(row.failed_count),
    createdAt: new Date(row.created_at),
    enrolledAt: row.enrolled_at === null ? null : new Date(row.enrolled_at),
  };
}

const changed = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }): boolean => Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0) > 0;

function createSecondFactorRepo(db: Db): SecondFactorRepo {
  return {
    async find(userId) {
      const row = await db.selectFrom('second_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return row === undefined ? undefined : factorFromRow(row);
    },
    async putPending(userId, method, secretEnvelope, now) {
      await db.deleteFrom('second_factors').where('user_id', '=', userId).where('state', '=', 'pending').execute();
      await db
        .insertInto('second_factors')
        .values({ user_id: userId, method, state: 'pending', secret_envelope: secretEnvelope, last_step: 0, failed_count: 0, created_at: now.toISOString(), enrolled_at: null })
        .execute();
    },
    async activate(userId, step, now) {
      const result = await db
        .updateTable('second_factors')
        .set({ state: 'active', last_step: step, failed_count: 0, enrolled_at: now.toISOString() })
        .where('user_id', '=', userId)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      return changed(result);
    },
    async acceptStep(userId, step) {
      const result = await db
        .updateTable('second_factors')
        .set({ last_step: step, failed_count: 0 })
        .where('user_id', '=', userId)
        .where('state', '=', 'active')
        .where('last_step', '<', step)
        .executeTakeFirst();
      return changed(result);
    },
    async countFailure(userId) {
      await db.updateTable('second_factors').set((eb) => ({ failed_count: eb('failed_count', '+', 1) })).where('user_id', '=', userId).execute();
      const row = await db.selectFrom('second_factors').select('failed_count').where('user_id', '=', userId).executeTakeFirst();
      return Number(row?.failed_count ?? 0);
    },
    async remove(userId) {
      return changed(await db.deleteFrom('second_factors').where('user_id', '=', userId).executeTakeFirst());
    },
  };
}

function createSecurityAccountRepo(db: Db): SecurityAccountRepo {
  return {
    async usersInScope(scope) {
      if (!scope.all && scope.orgIds.length === 0) return [];
      let query = db
        .selectFrom('users')
        .leftJoin('second_factors', (join) => join.onRef('second_factors.user_id', '=', 'users.id').on('second_factors.state', '=', 'active'))
        .select(['users.id as userId', 'users.login as login', 'users.disabled as disabled', 'second_factors.enrolled_at as enrolledAt'])
        .orderBy('users.login');
      if (!scope.all) {
        // SECURITY: only users whose every membership is in the administered organisations.
        query = query
          .where('users.id', 'in', (eb) => eb.selectFrom('memberships').select('memberships.user_id').where('memberships.org_id', 'in', scope.orgIds))
          .where('users.id', 'not in', (eb) => eb.selectFrom('memberships').select('memberships.user_id').where('memberships.org_id', 'not in', scope.orgIds));
      }
      const rows = await query.execute();
      return rows.map((r) => ({ userId: r.userId, login: r.login, disabled: Number(r.disabled) === 1, enrolledAt: r.enrolledAt === null ? null : new Date(r.enrolledAt) }));
    },
    async deleteSessionsOf(userId) {
      await db.deleteFrom('staff_sessions').where('user_id', '=', userId).execute();
    },
    async replaceCredentials(userId, expectedSalt, c) {
      const result = await db
        .updateTable('users')
        .set({
          salt: c.salt,
          login_key_hash: c.loginKeyHash,
          wrapped_keys: c.wrappedKeys,
          ...(c.recoveryWrappedKeys === null ? {} : { recovery_wrapped_keys: c.recoveryWrappedKeys }),
        })
        .where('id', '=', userId)
        .where('salt', '=', expectedSalt)
        .executeTakeFirst();
      return changed(result);
    },
  };
}

export function createSecurityRepos(db: Db): SecurityRepos {
  return { secondFactors: createSecondFactorRepo(db), securityAccounts: createSecurityAccountRepo(db) };
}
