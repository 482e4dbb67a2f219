/**
 * The deadline reminder job: once a deadline passes, its alert's watchers (the assignee, or the
 * coordinators while nobody is assigned) get one notification of that kind for that alert.
 * Safe to run from several processes: a reminder already given is not given again.
 */
import type { NotificationKind } from '@kenekanko/contracts';
import type { DueKind } from '@kenekanko/contracts';
import type { Storage } from '../shared/storage.ts';
import { dayOf } from '../shared/time.ts';
import { dueItems, withDefaults } from './deadlines.ts';
import { alertWatchers, notify } from './notifications.ts';
import type { CasesRepos } from './ports.ts';

const OVERDUE_KINDS: Readonly<Record<DueKind, NotificationKind>> = {
  acknowledge: 'acknowledge-overdue',
  feedback: 'feedback-overdue',
  'forwarding-acknowledgement': 'forwarding-acknowledgement-overdue',
};

export async function notifyOverdue(storage: Storage<CasesRepos>, now: Date): Promise<number> {
  const facts = await storage.read.caseWork.deadlineFacts('all');
  const orgIds = [...new Set([...facts.alerts.map((a) => a.orgId), ...facts.forwardings.map((f) => f.fromOrgId)])];
  const deadlines = await storage.read.caseSettings.deadlinesOf(orgIds);
  const orgOf = new Map(facts.alerts.map((a) => [a.alertId, { orgId: a.orgId, assigneeId: a.assigneeId }]));
  for (const f of facts.forwardings) if (!orgOf.has(f.alertId)) orgOf.set(f.alertId, { orgId: f.fromOrgId, assigneeId: f.assigneeId });
  let added = 0;
  for (const item of dueItems(facts, withDefaults(deadlines), dayOf(now))) {
    const alert = orgOf.get(item.alertId);
    if (!item.overdue || alert === undefined) continue;
    added += await storage.transaction(async (repos) => {
      const userIds = await alertWatchers(repos, alert);
      return notify(repos, { userIds, kind: OVERDUE_KINDS[item.kind], objectId: item.alertId, once: true, now });
    });
  }
  return added;
}
