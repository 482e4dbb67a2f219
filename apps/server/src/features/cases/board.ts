/**
 * What the inbox and the "Due" page add to the core desk: per alert its labels envelope with
 * the desk key to open it in the browser and its next deadline; and every open deadline of
 * the user's organisations, overdue first.
 */
import type { BoardEntry, DueItem } from '@kenekanko/contracts';
import type { AssignableMember } from '@kenekanko/contracts';
import { contentOrgIds } from '../desk/index.ts';
import { dayOf } from '../shared/time.ts';
import { dueItems, withDefaults } from './deadlines.ts';
import type { CaseRepos } from './ports.ts';

export async function dueForUser(repos: CaseRepos, userId: string, now: Date): Promise<readonly DueItem[]> {
  const orgIds = await contentOrgIds(repos.accounts, userId);
  if (orgIds.length === 0) return [];
  const [facts, deadlines] = await Promise.all([repos.caseWork.deadlineFacts(orgIds), repos.caseSettings.deadlinesOf(orgIds)]);
  return dueItems(facts, withDefaults(deadlines), dayOf(now));
}

export async function caseBoard(repos: CaseRepos, userId: string, now: Date): Promise<{ readonly cases: readonly BoardEntry[]; readonly members: readonly AssignableMember[] }> {
  const orgIds = await contentOrgIds(repos.accounts, userId);
  if (orgIds.length === 0) return { cases: [], members: [] };
  const alertIds = (await repos.desk.inbox(orgIds, undefined)).map((a) => a.id);
  const [labels, grants, due, members] = await Promise.all([
    repos.caseWork.documentsOf(alertIds, 'labels'),
    repos.caseWork.deskGrants(alertIds),
    dueForUser(repos, userId, now),
    Promise.all(orgIds.map((orgId) => repos.caseWork.contentMembers(orgId))),
  ]);
  const nextDue = new Map<string, DueItem>();
  for (const item of due) if (!nextDue.has(item.alertId)) nextDue.set(item.alertId, item);
  const seen = new Set<string>();
  const uniqueMembers = members.flat().filter((m) => !seen.has(m.userId) && seen.add(m.userId) !== undefined);
  return {
    cases: alertIds.map((alertId) => ({ alertId, labels: labels.get(alertId) ?? null, deskGrant: grants.get(alertId) ?? null, nextDue: nextDue.get(alertId) ?? null })),
    members: uniqueMembers,
  };
}
