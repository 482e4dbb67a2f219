/**
 * Who may do what in the custody area. A custodian is anyone with a custodian membership (the
 * role is the coalition's, whichever organisation records it); audit checkpoints are for
 * coordinators of the coalition organisation, because the audit trail names every
 * organisation's alerts and staff; holds are for the alert organisation's coordinators;
 * retention policies for its administrators (or the coalition's).
 */
import { AppError } from '../../http/app-error.ts';
import type { AccountRepo } from '../accounts/index.ts';

export async function isCustodian(accounts: AccountRepo, userId: string): Promise<boolean> {
  return (await accounts.membershipsOf(userId)).some((m) => m.role === 'custodian');
}

/** 'forbidden', not 'not-found': that the custody desk exists is no secret; what it holds is. */
export async function requireCustodian(accounts: AccountRepo, userId: string): Promise<void> {
  if (!(await isCustodian(accounts, userId))) throw new AppError('forbidden');
}

export async function isCoordinatorOf(accounts: AccountRepo, userId: string, orgId: string): Promise<boolean> {
  return (await accounts.membershipsOf(userId)).some((m) => m.orgId === orgId && m.role === 'coordinator');
}

/** The coalition organisations this user coordinates (usually one, or none). */
export async function coalitionCoordinatorOrgs(accounts: AccountRepo, userId: string): Promise<readonly string[]> {
  const memberships = await accounts.membershipsOf(userId);
  return memberships.filter((m) => m.role === 'coordinator' && m.orgKind === 'coalition').map((m) => m.orgId);
}

export async function requireCoalitionCoordinator(accounts: AccountRepo, userId: string): Promise<readonly string[]> {
  const orgs = await coalitionCoordinatorOrgs(accounts, userId);
  if (orgs.length === 0) throw new AppError('forbidden');
  return orgs;
}

/** An administrator of the organisation, or of the coalition (which administers the platform). */
export async function isAdministratorFor(accounts: AccountRepo, userId: string, orgId: string): Promise<boolean> {
  const memberships = await accounts.membershipsOf(userId);
  return memberships.some((m) => m.role === 'administrator' && (m.orgId === orgId || m.orgKind === 'coalition'));
}
