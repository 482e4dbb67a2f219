/**
 * Each organisation's case settings: its deadlines (defaults 7 days / 3 months / 30 days) and
 * its verification checklist items. Coordinators and administrators of the organisation
 * manage them, and an administrator of the coalition for every organisation. Item labels are
 * organisation configuration in clear (docs/threat-model.md); what is ticked on an alert is not.
 */
import { DEFAULT_DEADLINES } from '@kenekanko/contracts';
import type { CaseSettings, CaseSettingsView } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { AccountRepo } from '../accounts/index.ts';
import type { Storage } from '../shared/storage.ts';
import type { CaseRepos, CasesRepos } from './ports.ts';

/** SECURITY: someone outside the organisation gets 'not-found'; a member without the role 'forbidden'. */
async function assertManages(accounts: AccountRepo, userId: string, orgId: string): Promise<void> {
  const memberships = await accounts.membershipsOf(userId);
  if (memberships.some((m) => m.orgKind === 'coalition' && m.role === 'administrator')) return;
  const roles = memberships.filter((m) => m.orgId === orgId).map((m) => m.role);
  if (roles.length === 0) throw new AppError('not-found');
  if (!roles.includes('coordinator') && !roles.includes('administrator')) throw new AppError('forbidden');
}

async function settingsOf(repos: Pick<CasesRepos, 'caseSettings'>, orgId: string): Promise<CaseSettingsView> {
  const [deadlines, checklistItems] = await Promise.all([repos.caseSettings.deadlines(orgId), repos.caseSettings.checklistItems(orgId, false)]);
  return { orgId, deadlines: deadlines ?? { ...DEFAULT_DEADLINES }, checklistItems: [...checklistItems], isDefault: deadlines === undefined };
}

export async function readCaseSettings(repos: CaseRepos, userId: string, orgId: string): Promise<CaseSettingsView> {
  await assertManages(repos.accounts, userId, orgId);
  if ((await repos.directory.organisation(orgId)) === undefined) throw new AppError('not-found');
  return settingsOf(repos, orgId);
}

export async function saveCaseSettings(storage: Storage<CaseRepos>, userId: string, orgId: string, settings: CaseSettings, now: Date): Promise<CaseSettingsView> {
  const ids = settings.checklistItems.map((i) => i.id);
  if (new Set(ids).size !== ids.length) throw new AppError('validation-failed', { issues: ['checklistItems'] });
  return storage.transaction(async (repos) => {
    await assertManages(repos.accounts, userId, orgId);
    if ((await repos.directory.organisation(orgId)) === undefined) throw new AppError('not-found');
    const at = now.toISOString();
    await repos.caseSettings.saveDeadlines(orgId, settings.deadlines, userId, at);
    if (!(await repos.caseSettings.saveChecklistItems(orgId, settings.checklistItems, at))) throw new AppError('checklist-item-unknown');
    await repos.audit.append(
      { actorId: userId, action: 'change-settings', objectType: 'organisation', objectId: orgId, details: { ...settings.deadlines, checklistItems: settings.checklistItems.length } },
      now,
    );
    return settingsOf(repos, orgId);
  });
}
