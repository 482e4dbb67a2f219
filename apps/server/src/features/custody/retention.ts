/**
 * Retention for closed cases (issue 3): per organisation, "delete the ciphertext N months
 * after closing" (no policy: keep until deleted by hand, the default), and a per-alert hold,
 * set and cleared by a coordinator with a reason under the desk key, that suspends it. The
 * deletion itself is the retention job's (jobs/retention-job.ts).
 *
 * Closing states are `closed` and the exits `unfounded`, `duplicate` and `out-of-scope`
 * (`spam` has its ciphertext deleted at once). The workflow and statistics fields stay, for
 * monitoring; what goes is every envelope, file and key that could open them.
 */
import type { AlertRetentionView, AlertState, RetentionHoldRequest } from '@kenekanko/contracts';
import { PURPOSES } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { accessibleAlert } from '../desk/index.ts';
import { assertEnvelopeShape } from '../shared/envelope-shape.ts';
import type { Storage } from '../shared/storage.ts';
import { dayOf } from '../shared/time.ts';
import { isAdministratorFor, isCoordinatorOf } from './custody-access.ts';
import type { CustodyDeps } from './ports.ts';

export const RETENTION_CLOSING_STATES = ['closed', 'unfounded', 'duplicate', 'out-of-scope'] as const satisfies readonly AlertState[];

export function isClosingState(state: AlertState): boolean {
  return (RETENTION_CLOSING_STATES as readonly AlertState[]).includes(state);
}

/** `instant` plus whole calendar months (UTC); the day clamps to the month's last (31 Jan + 1 = 28/29 Feb). */
export function addMonths(instant: Date, months: number): Date {
  const target = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + months, 1, instant.getUTCHours(), instant.getUTCMinutes(), instant.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(instant.getUTCDate(), lastDay));
  return target;
}

async function requireOrgReader(repos: CustodyDeps, userId: string, orgId: string): Promise<void> {
  const member = (await repos.accounts.membershipsOf(userId)).some((m) => m.orgId === orgId);
  if (!member && !(await isAdministratorFor(repos.accounts, userId, orgId))) throw new AppError('not-found');
}

export async function orgRetention(repos: CustodyDeps, userId: string, orgId: string): Promise<{ readonly months: number | null }> {
  await requireOrgReader(repos, userId, orgId);
  if ((await repos.directory.organisation(orgId)) === undefined) throw new AppError('not-found');
  return { months: await repos.retention.policyOf(orgId) };
}

export async function setOrgRetention(storage: Storage<CustodyDeps>, userId: string, orgId: string, months: number | null, now: Date): Promise<{ readonly months: number | null }> {
  return storage.transaction(async (repos) => {
    await requireOrgReader(repos, userId, orgId);
    if ((await repos.directory.organisation(orgId)) === undefined) throw new AppError('not-found');
    if (!(await isAdministratorFor(repos.accounts, userId, orgId))) throw new AppError('forbidden');
    await repos.retention.setPolicy(orgId, months, userId, now.toISOString());
    await repos.audit.append({ actorId: userId, action: 'retention-policy', objectType: 'organisation', objectId: orgId, details: { months } }, now);
    return { months };
  });
}

export async function alertRetentionView(repos: CustodyDeps, userId: string, alertId: string): Promise<AlertRetentionView> {
  const alert = await accessibleAlert(repos, userId, alertId, false);
  const [months, hold, deletedAt, closedAt] = await Promise.all([
    repos.retention.policyOf(alert.orgId),
    repos.retention.holdOf(alertId),
    repos.retention.deletedAt(alertId),
    repos.retention.closedAt(alertId),
  ]);
  const closed = isClosingState(alert.state);
  const dueDay = closed && months !== null && deletedAt === null ? dayOf(addMonths(new Date(closedAt ?? alert.updatedAt), months)) : null;
  return { months, dueDay, hold, deletedAt };
}

async function coordinatedAlert(repos: CustodyDeps, userId: string, alertId: string): Promise<void> {
  const alert = await accessibleAlert(repos, userId, alertId, true);
  // SECURITY: a hold keeps a reporter's data longer: a coordinator's decision, not an analyst's.
  if (!(await isCoordinatorOf(repos.accounts, userId, alert.orgId))) throw new AppError('forbidden');
  if ((await repos.retention.deletedAt(alertId)) !== null) throw new AppError('retention-deleted');
}

export async function setRetentionHold(storage: Storage<CustodyDeps>, userId: string, alertId: string, hold: RetentionHoldRequest, now: Date): Promise<void> {
  await storage.transaction(async (repos) => {
    await coordinatedAlert(repos, userId, alertId);
    const existing = await repos.retention.holdOf(alertId);
    if (existing !== null) {
      if (existing.id === hold.holdId && existing.reasonEnvelope === hold.reasonEnvelope) return;
      throw new AppError('retention-hold-exists');
    }
    assertEnvelopeShape(hold.reasonEnvelope, PURPOSES.retentionHold, 'reasonEnvelope');
    await repos.retention.insertHold({ id: hold.holdId, alertId, setBy: userId, reasonEnvelope: hold.reasonEnvelope }, now.toISOString());
    await repos.audit.append({ actorId: userId, action: 'retention-hold', objectType: 'alert', objectId: alertId, details: { holdId: hold.holdId } }, now);
  });
}

export async function releaseRetentionHold(storage: Storage<CustodyDeps>, userId: string, alertId: string, now: Date): Promise<void> {
  await storage.transaction(async (repos) => {
    await coordinatedAlert(repos, userId, alertId);
    if (!(await repos.retention.deleteHold(alertId))) throw new AppError('not-found');
    await repos.audit.append({ actorId: userId, action: 'retention-release', objectType: 'alert', objectId: alertId, details: {} }, now);
  });
}
