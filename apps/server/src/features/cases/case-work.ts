/**
 * The daily work on one case: who is assigned, its priority, its labels and checklist state
 * (envelopes under the alert's desk key, versioned so two analysts never overwrite each
 * other silently), and its duplicates. Every change and its audit entry commit together, on
 * the alert's locked row.
 */
import type { CaseDocumentKind, CaseDocumentWrite, CaseView, Priority } from '@kenekanko/contracts';
import { PURPOSES } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { accessibleAlert, rolesIn } from '../desk/index.ts';
import { assertEnvelopeShape } from '../shared/envelope-shape.ts';
import type { Storage } from '../shared/storage.ts';
import { dayOf } from '../shared/time.ts';
import { dueItems, withDefaults } from './deadlines.ts';
import { notify } from './notifications.ts';
import type { CaseRepos } from './ports.ts';

const DOCUMENT_PURPOSES = { labels: PURPOSES.labels, checklist: PURPOSES.checklist } as const;
const DOCUMENT_ACTIONS = { labels: 'set-labels', checklist: 'set-checklist' } as const;

export async function caseView(repos: CaseRepos, userId: string, alertId: string, now: Date): Promise<CaseView> {
  const alert = await accessibleAlert(repos, userId, alertId, false);
  const [labels, checklist, items, archived, duplicates, members, roles, deadlines, facts, grants] = await Promise.all([
    repos.caseWork.document(alertId, 'labels'),
    repos.caseWork.document(alertId, 'checklist'),
    repos.caseSettings.checklistItems(alert.orgId, false),
    repos.caseSettings.checklistItems(alert.orgId, true),
    repos.desk.duplicatesOf(alertId),
    repos.caseWork.contentMembers(alert.orgId),
    rolesIn(repos, userId, alert.orgId),
    repos.caseSettings.deadlinesOf([alert.orgId]),
    repos.caseWork.deadlineFacts([alert.orgId]),
    repos.caseWork.deskGrants([alertId]),
  ]);
  const due = dueItems(facts, withDefaults(deadlines), dayOf(now)).filter((d) => d.alertId === alertId);
  return {
    alertId,
    orgId: alert.orgId,
    priority: alert.priority,
    assigneeId: alert.assigneeId,
    labels: labels ?? null,
    checklist: checklist ?? null,
    checklistItems: [...items],
    archivedChecklistItems: [...archived],
    duplicateOf: alert.duplicateOf,
    duplicates: [...duplicates],
    due,
    assignable: [...members],
    canAssign: roles.includes('coordinator'),
    deskGrant: grants.get(alertId) ?? null,
  };
}

/** A coordinator assigns the case to a coordinator or analyst of the alert's organisation (or to nobody). */
export async function assignCase(storage: Storage<CaseRepos>, userId: string, alertId: string, assigneeId: string | null, now: Date): Promise<{ readonly assigneeId: string | null }> {
  return storage.transaction(async (repos) => {
    const alert = await accessibleAlert(repos, userId, alertId, true);
    if (!(await rolesIn(repos, userId, alert.orgId)).includes('coordinator')) throw new AppError('forbidden');
    if (alert.state === 'spam') throw new AppError('conflict');
    if (assigneeId !== null && !(await repos.caseWork.contentMembers(alert.orgId)).some((m) => m.userId === assigneeId)) {
      throw new AppError('assignee-not-eligible');
    }
    if (assigneeId === alert.assigneeId) return { assigneeId };
    await repos.caseWork.setAssignee(alertId, assigneeId, now.toISOString());
    await repos.audit.append({ actorId: userId, action: 'assign', objectType: 'alert', objectId: alertId, details: { assigneeId, previous: alert.assigneeId } }, now);
    if (assigneeId !== null) await notify(repos, { userIds: [assigneeId], kind: 'assigned', objectId: alertId, actorId: userId, now });
    return { assigneeId };
  });
}

export async function setCasePriority(storage: Storage<CaseRepos>, userId: string, alertId: string, priority: Priority, now: Date): Promise<{ readonly priority: Priority }> {
  return storage.transaction(async (repos) => {
    const alert = await accessibleAlert(repos, userId, alertId, true);
    if (alert.state === 'spam') throw new AppError('conflict');
    if (alert.priority === priority) return { priority };
    await repos.caseWork.setPriority(alertId, priority, now.toISOString());
    await repos.audit.append({ actorId: userId, action: 'set-priority', objectType: 'alert', objectId: alertId, details: { from: alert.priority, to: priority } }, now);
    return { priority };
  });
}

/** Labels or checklist state: the browser sealed them under the desk key, with the version it read. */
export async function writeCaseDocument(
  storage: Storage<CaseRepos>,
  userId: string,
  alertId: string,
  kind: CaseDocumentKind,
  write: CaseDocumentWrite,
  now: Date,
): Promise<{ readonly version: number }> {
  return storage.transaction(async (repos) => {
    const alert = await accessibleAlert(repos, userId, alertId, true);
    if (alert.state === 'spam') throw new AppError('conflict');
    assertEnvelopeShape(write.envelope, DOCUMENT_PURPOSES[kind], 'envelope');
    const current = (await repos.caseWork.document(alertId, kind))?.version ?? 0;
    if (current !== write.expectedVersion) throw new AppError('conflict');
    const version = current + 1;
    if (!(await repos.caseWork.writeDocument(alertId, kind, version, write.envelope, userId, now.toISOString()))) throw new AppError('conflict');
    await repos.desk.touchAlert(alertId, now.toISOString());
    await repos.audit.append({ actorId: userId, action: DOCUMENT_ACTIONS[kind], objectType: 'alert', objectId: alertId, details: { version } }, now);
    return { version };
  });
}
