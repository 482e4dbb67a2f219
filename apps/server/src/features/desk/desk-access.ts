/**
 * Who may see an alert on the desk: members of its organisation whose role holds content
 * keys (CONTENT_ROLES). Anyone else gets 'not-found', so the desk does not even confirm that
 * another organisation's alert exists.
 */
import { CONTENT_ROLES } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { AccountRepo } from '../accounts/index.ts';
import type { AlertRecord, AlertRepo } from '../shared/alerts.ts';

export async function contentOrgIds(accounts: AccountRepo, userId: string): Promise<readonly string[]> {
  const memberships = await accounts.membershipsOf(userId);
  return [...new Set(memberships.filter((m) => CONTENT_ROLES.includes(m.role)).map((m) => m.orgId))];
}

/** The alert if the user may work on it; `lock` holds its row for the rest of the transaction. */
export async function accessibleAlert(
  repos: { readonly accounts: AccountRepo; readonly alerts: AlertRepo },
  userId: string,
  alertId: string,
  lock: boolean,
): Promise<AlertRecord> {
  const orgIds = await contentOrgIds(repos.accounts, userId);
  const alert = lock ? await repos.alerts.lockAlert(alertId) : await repos.alerts.findAlert(alertId);
  if (alert === undefined || !orgIds.includes(alert.orgId)) throw new AppError('not-found');
  return alert;
}
