/**
 * Administrators and second factors: who has one, and a reset for a lost phone.
 *
 * SECURITY: an administrator of the coalition organisation administers every account; an
 * administrator elsewhere only the users whose EVERY membership is in organisations they
 * administer (so a CSO's administrator cannot weaken a coalition coordinator or a platform
 * administrator who is also one of its analysts). Nobody resets their own second factor here:
 * that would let a stolen password alone strip it. A user outside the actor's reach is
 * 'not-found' (existence is not confirmed) unless they share an organisation, where the answer
 * is 'forbidden'. A reset also ends every session of that user, and is audited; the user then
 * signs in with their password and must enrol again.
 */
import type { SecurityUser } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { AccountRepo, MembershipView } from '../accounts/index.ts';
import type { Storage } from '../shared/storage.ts';
import type { AdminScope } from './ports.ts';
import type { SecondFactorRepos } from './second-factor.ts';

export type AdminRepos = SecondFactorRepos & { readonly accounts: AccountRepo };

function scopeOf(memberships: readonly MembershipView[]): AdminScope | undefined {
  const administered = memberships.filter((m) => m.role === 'administrator');
  if (administered.length === 0) return undefined;
  if (administered.some((m) => m.orgKind === 'coalition')) return { all: true };
  return { all: false, orgIds: administered.map((m) => m.orgId) };
}

export async function administeredUsers(repos: AdminRepos, actorId: string): Promise<readonly SecurityUser[]> {
  const scope = scopeOf(await repos.accounts.membershipsOf(actorId));
  if (scope === undefined) throw new AppError('forbidden');
  const users = (await repos.securityAccounts.usersInScope(scope)).filter((u) => u.userId !== actorId);
  return users.map((u) => ({ userId: u.userId, login: u.login, enrolled: u.enrolledAt !== null, enrolledAt: u.enrolledAt?.toISOString() ?? null, disabled: u.disabled }));
}

async function assertCanReset(repos: AdminRepos, actorId: string, targetId: string): Promise<void> {
  const [actor, target, user] = await Promise.all([repos.accounts.membershipsOf(actorId), repos.accounts.membershipsOf(targetId), repos.accounts.userById(targetId)]);
  if (user === undefined) throw new AppError('not-found');
  const scope = scopeOf(actor);
  const within = scope !== undefined && (scope.all || (target.length > 0 && target.every((m) => scope.orgIds.includes(m.orgId))));
  if (within && actorId !== targetId) return;
  const targetOrgs = new Set(target.map((m) => m.orgId));
  if (actorId === targetId || actor.some((m) => targetOrgs.has(m.orgId))) throw new AppError('forbidden');
  throw new AppError('not-found');
}

export async function resetSecondFactor(storage: Storage<AdminRepos>, actorId: string, targetId: string, now: Date): Promise<void> {
  await assertCanReset(storage.read, actorId, targetId);
  await storage.transaction(async ({ secondFactors, securityAccounts, audit }) => {
    const removed = await secondFactors.remove(targetId);
    await securityAccounts.deleteSessionsOf(targetId);
    await audit.append({ actorId, action: 'reset-second-factor', objectType: 'user', objectId: targetId, details: { removed } }, now);
  });
}
