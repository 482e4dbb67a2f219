/** Adapters of features/cases: case documents, settings and deadline facts over Kysely (notifications: case-notifications-repo.ts). */
import { CONTENT_ROLES, EXIT_STATES } from '@kenekanko/contracts';
import type { CaseDocument, Deadlines, KeyGrant } from '@kenekanko/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CaseSettingsRepo, CasesRepos, CaseWorkRepo } from '../features/cases/index.ts';
import { createCaseNotificationRepo } from './case-notifications-repo.ts';
import { grantFromRow } from './rows.ts';

type Db = Kysely<Database>;

/** States with no deadline left: closed and the exits. */
const FINISHED_STATES: readonly string[] = ['closed', ...EXIT_STATES];

function documentRepo(db: Db): Pick<CaseWorkRepo, 'document' | 'documentsOf' | 'writeDocument'> {
  const select = () =>
    db
      .selectFrom('case_documents')
      .innerJoin('users', 'users.id', 'case_documents.updated_by')
      .select(['case_documents.alert_id as alertId', 'case_documents.version as version', 'case_documents.envelope as envelope', 'users.login as updatedBy', 'case_documents.updated_at as updatedAt']);
  const toDocument = (r: { version: number; envelope: string; updatedBy: string; updatedAt: string }): CaseDocument => ({ version: r.version, envelope: r.envelope, updatedBy: r.updatedBy, updatedAt: r.updatedAt });
  return {
    async document(alertId, kind) {
      const row = await select().where('case_documents.alert_id', '=', alertId).where('case_documents.kind', '=', kind).executeTakeFirst();
      return row === undefined ? undefined : toDocument(row);
    },
    async documentsOf(alertIds, kind) {
      if (alertIds.length === 0) return new Map();
      const rows = await select().where('case_documents.alert_id', 'in', [...alertIds]).where('case_documents.kind', '=', kind).execute();
      return new Map(rows.map((r) => [r.alertId, toDocument(r)]));
    },
    async writeDocument(alertId, kind, version, envelope, userId, at) {
      if (version === 1) {
        // The caller holds the alert's row lock, so two first writes cannot both reach here.
        await db.insertInto('case_documents').values({ alert_id: alertId, kind, version, envelope, updated_by: userId, updated_at: at }).execute();
        return true;
      }
      const result = await db
        .updateTable('case_documents')
        .set({ version, envelope, updated_by: userId, updated_at: at })
        .where('alert_id', '=', alertId)
        .where('kind', '=', kind)
        .where('version', '=', version - 1)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

async function deadlineFacts(db: Db, orgIds: readonly string[] | 'all'): ReturnType<CaseWorkRepo['deadlineFacts']> {
  if (orgIds !== 'all' && orgIds.length === 0) return { alerts: [], forwardings: [] };
  let alertQuery = db
    .selectFrom('alerts')
    .select((eb) => [
      'alerts.id',
      'alerts.org_id',
      'alerts.state',
      'alerts.received_day',
      'alerts.assignee_id',
      eb.selectFrom('state_changes').select((s) => s.fn.min<string>('created_at').as('d')).whereRef('state_changes.alert_id', '=', 'alerts.id').where('to_state', '=', 'acknowledged').as('acknowledged_at'),
      eb.selectFrom('messages').select((m) => m.fn.max<string>('created_day').as('d')).whereRef('messages.alert_id', '=', 'alerts.id').where('sender_type', '=', 'organisation').as('last_message_day'),
    ])
    .where('alerts.state', 'not in', [...FINISHED_STATES]);
  if (orgIds !== 'all') alertQuery = alertQuery.where('alerts.org_id', 'in', [...orgIds]);
  let forwardingQuery = db
    .selectFrom('forwardings')
    .innerJoin('alerts', 'alerts.id', 'forwardings.alert_id')
    .select(['forwardings.id', 'forwardings.alert_id', 'forwardings.from_org_id', 'forwardings.sent_at', 'alerts.assignee_id'])
    .where('forwardings.state', '=', 'sent')
    .where('forwardings.acknowledged_at', 'is', null);
  if (orgIds !== 'all') forwardingQuery = forwardingQuery.where('forwardings.from_org_id', 'in', [...orgIds]);
  const [alerts, forwardings] = await Promise.all([alertQuery.orderBy('alerts.id').execute(), forwardingQuery.orderBy('forwardings.id').execute()]);
  return {
    alerts: alerts.map((r) => ({
      alertId: r.id,
      orgId: r.org_id,
      state: r.state,
      receivedDay: r.received_day,
      assigneeId: r.assignee_id,
      acknowledgedDay: r.acknowledged_at === null ? null : r.acknowledged_at.slice(0, 10),
      lastOrganisationMessageDay: r.last_message_day,
    })),
    forwardings: forwardings.map((r) => ({ forwardingId: r.id, alertId: r.alert_id, fromOrgId: r.from_org_id, assigneeId: r.assignee_id, sentDay: r.sent_at.slice(0, 10) })),
  };
}

function caseWorkRepo(db: Db): CaseWorkRepo {
  return {
    ...documentRepo(db),
    async setAssignee(alertId, assigneeId, at) {
      await db.updateTable('alerts').set({ assignee_id: assigneeId, updated_at: at }).where('id', '=', alertId).execute();
    },
    async setPriority(alertId, priority, at) {
      await db.updateTable('alerts').set({ priority, updated_at: at }).where('id', '=', alertId).execute();
    },
    async contentMembers(orgId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id as userId', 'users.login as login'])
        .distinct()
        .where('memberships.org_id', '=', orgId)
        .where('memberships.role', 'in', [...CONTENT_ROLES])
        .where('users.disabled', '=', 0)
        .orderBy('users.login')
        .execute();
      return rows;
    },
    async deskGrants(alertIds) {
      const out = new Map<string, KeyGrant>();
      if (alertIds.length === 0) return out;
      const rows = await db
        .selectFrom('key_grants')
        .innerJoin('alerts', 'alerts.id', 'key_grants.object_id')
        .selectAll('key_grants')
        .where('key_grants.object_type', '=', 'alert')
        .where('key_grants.key_kind', '=', 'desk')
        .where('key_grants.recipient_type', '=', 'organisation')
        .whereRef('key_grants.recipient_id', '=', 'alerts.org_id')
        .where('key_grants.object_id', 'in', [...alertIds])
        .orderBy('key_grants.key_version')
        .execute();
      for (const row of rows) out.set(row.object_id, grantFromRow(row)); // the latest version wins
      return out;
    },
    deadlineFacts: (orgIds) => deadlineFacts(db, orgIds),
  };
}

function caseSettingsRepo(db: Db): CaseSettingsRepo {
  const toDeadlines = (r: { acknowledge_days: number; feedback_months: number; forwarding_acknowledge_days: number }): Deadlines => ({
    acknowledgeDays: r.acknowledge_days,
    feedbackMonths: r.feedback_months,
    forwardingAcknowledgeDays: r.forwarding_acknowledge_days,
  });
  return {
    async deadlines(orgId) {
      const row = await db.selectFrom('case_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
      return row === undefined ? undefined : toDeadlines(row);
    },
    async deadlinesOf(orgIds) {
      if (orgIds.length === 0) return new Map();
      const rows = await db.selectFrom('case_settings').selectAll().where('org_id', 'in', [...orgIds]).execute();
      return new Map(rows.map((r) => [r.org_id, toDeadlines(r)]));
    },
    async saveDeadlines(orgId, d, userId, at) {
      const values = { acknowledge_days: d.acknowledgeDays, feedback_months: d.feedbackMonths, forwarding_acknowledge_days: d.forwardingAcknowledgeDays, updated_by: userId, updated_at: at };
      await db.insertInto('case_settings').values({ org_id: orgId, ...values }).onConflict((oc) => oc.column('org_id').doUpdateSet(values)).execute();
    },
    async checklistItems(orgId, archived) {
      return db.selectFrom('checklist_items').select(['id', 'label']).where('org_id', '=', orgId).where('archived', '=', archived ? 1 : 0).orderBy('position').orderBy('id').execute();
    },
    async saveChecklistItems(orgId, items, at) {
      const ids = items.map((i) => i.id);
      const existing = ids.length === 0 ? [] : await db.selectFrom('checklist_items').select(['id', 'org_id']).where('id', 'in', ids).execute();
      if (existing.some((r) => r.org_id !== orgId)) return false;
      const known = new Set(existing.map((r) => r.id));
      await db.updateTable('checklist_items').set({ archived: 1 }).where('org_id', '=', orgId).execute();
      for (const [position, item] of items.entries()) {
        if (known.has(item.id)) await db.updateTable('checklist_items').set({ label: item.label, position, archived: 0 }).where('id', '=', item.id).execute();
        else await db.insertInto('checklist_items').values({ id: item.id, org_id: orgId, label: item.label, position, archived: 0, created_at: at }).execute();
      }
      return true;
    },
  };
}

export function createCasesRepos(db: Db): CasesRepos {
  return { caseWork: caseWorkRepo(db), caseSettings: caseSettingsRepo(db), notifications: createCaseNotificationRepo(db) };
}
