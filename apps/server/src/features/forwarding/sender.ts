/**
 * Who sends a package and from which organisation: an analyst or coordinator of the alert's
 * organisation for a verified (or already forwarded) case, or a liaison of the organisation
 * that received a forwarding, passing it onwards.
 */
import { DirectoryBodySchema } from '@kenekanko/contracts';
import type { DirectoryBody } from '@kenekanko/contracts';
import * as v from 'valibot';
import { AppError } from '../../http/app-error.ts';
import type { AlertRecord } from '../shared/alerts.ts';
import type { DirectoryRepo } from '../shared/records.ts';
import { canForwardFromAlert, hasRole } from './access.ts';
import type { RolesByOrg } from './access.ts';
import type { ForwardingDeps, ForwardingRecord } from './ports.ts';
import { LIAISON_ROLES } from '@kenekanko/contracts';

export type Sender = { readonly alert: AlertRecord; readonly fromOrgId: string; readonly parent: ForwardingRecord | null };

const FORWARDABLE_STATES: readonly AlertRecord['state'][] = ['verified', 'forwarded'];

async function fromAlert(repos: ForwardingDeps, roles: RolesByOrg, alertId: string, lock: boolean): Promise<Sender> {
  const alert = lock ? await repos.alerts.lockAlert(alertId) : await repos.alerts.findAlert(alertId);
  if (alert === undefined || !roles.has(alert.orgId)) throw new AppError('not-found');
  // SECURITY: a member of the alert's organisation without a content role (administrator, focal point) is refused, not told it is missing.
  if (!canForwardFromAlert(roles, alert.orgId)) throw new AppError('forbidden');
  if (!FORWARDABLE_STATES.includes(alert.state)) throw new AppError('case-not-verified');
  return { alert, fromOrgId: alert.orgId, parent: null };
}

async function onwards(repos: ForwardingDeps, roles: RolesByOrg, alertId: string, onwardOf: string, lock: boolean): Promise<Sender> {
  const parent = await repos.forwarding.find(onwardOf);
  if (parent === undefined || !hasRole(roles, parent.toOrgId, LIAISON_ROLES)) throw new AppError('not-found');
  if (parent.alertId !== alertId) throw new AppError('validation-failed', { issues: ['alertId'] });
  const alert = lock ? await repos.alerts.lockAlert(alertId) : await repos.alerts.findAlert(alertId);
  if (alert === undefined) throw new AppError('not-found');
  return { alert, fromOrgId: parent.toOrgId, parent };
}

export function resolveSender(repos: ForwardingDeps, roles: RolesByOrg, alertId: string, onwardOf: string | null, lock: boolean): Promise<Sender> {
  return onwardOf === null ? fromAlert(repos, roles, alertId, lock) : onwards(repos, roles, alertId, onwardOf, lock);
}

export async function latestDirectory(directory: DirectoryRepo): Promise<DirectoryBody> {
  const latest = await directory.latestDirectory();
  if (latest === undefined) throw new AppError('not-set-up');
  // Stored only after its signature was verified; parsed again as every stored value is.
  return v.parse(DirectoryBodySchema, JSON.parse(latest.body));
}
