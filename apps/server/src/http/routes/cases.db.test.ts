/** Case work over HTTP: assignment, priority, labels and checklist state, duplicates, closing and notifications. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PURPOSES } from '@kenekanko/crypto';
import type { Purpose } from '@kenekanko/crypto';
import { CASES_ROUTES, ROUTES } from '@kenekanko/contracts';
import type { AlertSummary, CaseView, Role, StaffAlertView } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { verifyAuditChain } from '../../audit/audit-trail.ts';
import { createKyselyStorage } from '../../adapters/kysely-storage.ts';
import { deriveAuditMacKey } from '../../audit/audit-mac.ts';
import { applyStateChange } from '../../features/workflow/index.ts';
import { createHarness, errorCode } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { fileAlert, shapedEnvelope, signedMessage } from '../testing/flows.ts';
import { insertForwarding } from '../testing/case-fixtures.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember } from '../testing/world.ts';

describe.each(DATABASE_KINDS)('case work on %s', (kind) => {
  let h: Harness;
  let world: World;
  let coordinator: WorldMember;
  let analyst: WorldMember;
  let asCoordinator: string;
  let asAnalyst: string;
  beforeEach(async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    coordinator = await world.addMember(world.coalition, 'coordinator');
    analyst = await world.addMember(world.coalition, 'analyst');
    asCoordinator = await coordinator.logIn();
    asAnalyst = await analyst.logIn();
  });
  afterEach(async () => {
    await h.close();
  });

  const get = (path: string, cookie: string) => h.request('GET', path, { cookie });
  const post = (path: string, json: unknown, cookie: string) => h.request('POST', path, { json, cookie });
  const caseOf = async (alertId: string, cookie: string) => (await (await get(CASES_ROUTES.caseWork(alertId), cookie)).json()) as CaseView;

  it('lets a coordinator assign to a content member of the alert organisation only, and tells the assignee', async () => {
    const { alertId } = await fileAlert(h, world.deployment);
    const focal = await world.addMember(world.coalition, 'focal-point');
    const cso = await world.addOrg('cso', 'Autre OSC');
    const outsider = await world.addMember(cso, 'analyst');

    expect(await errorCode(await post(CASES_ROUTES.assignee(alertId), { assigneeId: analyst.userId }, asAnalyst))).toBe('forbidden');
    expect(await errorCode(await post(CASES_ROUTES.assignee(alertId), { assigneeId: focal.userId }, asCoordinator))).toBe('assignee-not-eligible');
    expect(await errorCode(await post(CASES_ROUTES.assignee(alertId), { assigneeId: outsider.userId }, asCoordinator))).toBe('assignee-not-eligible');
    expect(await (await post(CASES_ROUTES.assignee(alertId), { assigneeId: analyst.userId }, asCoordinator)).json()).toEqual({ assigneeId: analyst.userId });

    const view = await caseOf(alertId, asAnalyst);
    expect([view.assigneeId, view.canAssign]).toEqual([analyst.userId, false]);
    expect(view.assignable.map((m) => m.userId).sort()).toEqual([analyst.userId, coordinator.userId, world.deployment.coordinatorId].sort());
    const notes = (await (await get(CASES_ROUTES.notifications, asAnalyst)).json()) as { unread: number; items: { kind: string; objectId: string }[] };
    expect(notes).toMatchObject({ unread: 1, items: [{ kind: 'assigned', objectId: alertId }] });
    // The coordinator who assigned is not notified of their own act.
    expect(((await (await get(CASES_ROUTES.notifications, asCoordinator)).json()) as { unread: number }).unread).toBe(0);

    const audit = await h.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'assign').execute();
    expect(audit).toHaveLength(1);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });

  it('hides one organisation’s cases from another organisation, and from roles without content keys', async () => {
    const { alertId } = await fileAlert(h, world.deployment);
    const cso = await world.addOrg('cso', 'Autre OSC');
    const outsider = await (await world.addMember(cso, 'coordinator')).logIn();
    const admin = await (await world.addMember(world.coalition, 'administrator')).logIn();
    for (const cookie of [outsider, admin]) {
      expect(await errorCode(await get(CASES_ROUTES.caseWork(alertId), cookie))).toBe('not-found');
      expect(await errorCode(await post(CASES_ROUTES.priority(alertId), { priority: 'urgent' }, cookie))).toBe('not-found');
      expect(await errorCode(await post(CASES_ROUTES.labels(alertId), { expectedVersion: 0, envelope: shapedEnvelope(PURPOSES.labels) }, cookie))).toBe('not-found');
      expect(await errorCode(await post(CASES_ROUTES.assignee(alertId), { assigneeId: null }, cookie))).toBe('not-found');
      expect(((await (await get(CASES_ROUTES.board, cookie)).json()) as { cases: unknown[] }).cases).toEqual([]);
    }
  });

  it('keeps priority in clear for the inbox, and audits a change', async () => {
    const { alertId } = await fileAlert(h, world.deployment);
    expect(await (await post(CASES_ROUTES.priority(alertId), { priority: 'urgent' }, asAnalyst)).json()).toEqual({ priority: 'urgent' });
    expect(await errorCode(await post(CASES_ROUTES.priority(alertId), { priority: 'critical' }, asAnalyst))).toBe('validation-failed');
    const inbox = (await (await get(ROUTES.staffAlerts, asAnalyst)).json()) as { alerts: AlertSummary[] };
    expect(inbox.alerts.map((a) => [a.id, a.priority])).toEqual([[alertId, 'urgent']]);
    const audit = await h.db.selectFrom('audit_log').select('details').where('action', '=', 'set-priority').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({ from: 'normal', to: 'urgent' });
  });

  it('versions labels and checklist state, refusing a stale write and a wrong envelope', async () => {
    const { alertId } = await fileAlert(h, world.deployment);
    const write = (kind: 'labels' | 'checklist', expectedVersion: number, purpose: Purpose = kind === 'labels' ? PURPOSES.labels : PURPOSES.checklist) =>
      post(CASES_ROUTES[kind](alertId), { expectedVersion, envelope: shapedEnvelope(purpose) }, asAnalyst);
    expect(await (await write('labels', 0)).json()).toEqual({ version: 1 });
    const stale = await write('labels', 0);
    expect([stale.status, await errorCode(stale)]).toEqual([409, 'conflict']);
    expect(await (await write('labels', 1)).json()).toEqual({ version: 2 });
    expect(await errorCode(await write('labels', 2, PURPOSES.note))).toBe('validation-failed');
    expect(await errorCode(await write('checklist', 0, PURPOSES.labels))).toBe('validation-failed');
    expect(await (await write('checklist', 0)).json()).toEqual({ version: 1 });

    const view = await caseOf(alertId, asCoordinator);
    expect([view.labels?.version, view.labels?.updatedBy, view.checklist?.version]).toEqual([2, analyst.login, 1]);
    const board = (await (await get(CASES_ROUTES.board, asCoordinator)).json()) as { cases: { alertId: string; labels: { version: number } | null; deskGrant: { keyKind: string; recipientId: string } | null }[] };
    expect(board.cases).toEqual([expect.objectContaining({ alertId, labels: expect.objectContaining({ version: 2 }), deskGrant: expect.objectContaining({ keyKind: 'desk', recipientId: world.coalition.id }) })]);
    const actions = (await h.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);
    expect(actions.filter((a) => a === 'set-labels' || a === 'set-checklist')).toEqual(['set-labels', 'set-labels', 'set-checklist']);
  });

  it('links duplicates both ways: the copy names its original, the original lists its copies', async () => {
    const original = await fileAlert(h, world.deployment);
    const copies = [await fileAlert(h, world.deployment), await fileAlert(h, world.deployment)];
    for (const copy of copies) {
      const moved = await post(ROUTES.staffTransitions(copy.alertId), { to: 'duplicate', expectedFrom: 'received', reasonEnvelope: shapedEnvelope(PURPOSES.reason), duplicateOf: original.alertId }, asAnalyst);
      expect(moved.status).toBe(200);
    }
    const view = (await (await get(ROUTES.staffAlert(original.alertId), asAnalyst)).json()) as StaffAlertView;
    expect([...view.duplicates].sort()).toEqual(copies.map((c) => c.alertId).sort());
    expect((await caseOf(copies[0]?.alertId ?? '', asAnalyst)).duplicateOf).toBe(original.alertId);
    // Both stay readable.
    expect((await get(ROUTES.staffAlert(copies[1]?.alertId ?? ''), asAnalyst)).status).toBe(200);
  });

  it('closes a forwarded case only as a coordinator once every forwarding is concluded', async () => {
    const { alertId } = await fileAlert(h, world.deployment);
    const oclei = await world.addOrg('authority', 'OCLEI');
    await h.db.updateTable('alerts').set({ state: 'forwarded' }).where('id', '=', alertId).execute();
    const forwardingId = await insertForwarding(h, { alertId, fromOrgId: world.coalition.id, toOrgId: oclei.id, state: 'action-recorded', createdBy: analyst.userId });
    const close = (cookie: string) => post(ROUTES.staffTransitions(alertId), { to: 'closed', expectedFrom: 'forwarded', reasonEnvelope: shapedEnvelope(PURPOSES.reason) }, cookie);

    expect(await errorCode(await close(asAnalyst))).toBe('forbidden');
    const open = await close(asCoordinator);
    expect([open.status, await errorCode(open)]).toEqual([409, 'forwardings-not-concluded']);
    const view = (await (await get(ROUTES.staffAlert(alertId), asCoordinator)).json()) as StaffAlertView;
    expect(view.allowedTransitions).toEqual([]);
    // The desk never sets forwarded by hand.
    const verified = await fileAlert(h, world.deployment);
    await h.db.updateTable('alerts').set({ state: 'verified' }).where('id', '=', verified.alertId).execute();
    expect(await errorCode(await post(ROUTES.staffTransitions(verified.alertId), { to: 'forwarded', expectedFrom: 'verified', reasonEnvelope: shapedEnvelope(PURPOSES.reason) }, asCoordinator))).toBe('illegal-transition');

    await h.db.updateTable('forwardings').set({ state: 'concluded' }).where('id', '=', forwardingId).execute();
    expect(((await (await get(ROUTES.staffAlert(alertId), asCoordinator)).json()) as StaffAlertView).allowedTransitions).toEqual(['closed']);
    expect(await (await close(asCoordinator)).json()).toEqual({ state: 'closed' });
    const last = await h.db.selectFrom('audit_log').select('details').where('action', '=', 'change-state').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(last.details)).toMatchObject({ from: 'forwarded', to: 'closed', via: 'desk' });
  });

  it('tells the assignee of a reporter message, recording only the day', async () => {
    const { alertId, keys } = await fileAlert(h, world.deployment);
    await post(CASES_ROUTES.assignee(alertId), { assigneeId: analyst.userId }, asCoordinator);
    h.advance(5 * 3600 + 17);
    const sent = await h.request('POST', ROUTES.reporterMessages, { json: { lookupToken: keys.lookupToken, message: { ...signedMessage(alertId, 1, 'reporter', keys.reporter), attachments: null } } });
    expect(sent.status).toBe(200);
    const rows = await h.db.selectFrom('notifications').select(['kind', 'user_id', 'created_at']).where('kind', '=', 'reporter-message').execute();
    // SECURITY: reporter-side events are kept to the day (DESIGN §2).
    expect(rows).toEqual([{ kind: 'reporter-message', user_id: analyst.userId, created_at: `${h.now().toISOString().slice(0, 10)}T00:00:00.000Z` }]);
  });

  it('lets the forwarding flow move verified → forwarded without a reason, and nothing else', async () => {
    const { alertId } = await fileAlert(h, world.deployment);
    await h.db.updateTable('alerts').set({ state: 'verified' }).where('id', '=', alertId).execute();
    const storage = createKyselyStorage(h.db, deriveAuditMacKey(h.secrets.serverSecret));
    const change = (to: 'forwarded' | 'in-verification', actorRoles: readonly Role[]) =>
      storage.transaction(async (repos) => {
        const alert = await repos.alerts.lockAlert(alertId);
        if (alert === undefined) throw new Error('no alert');
        return applyStateChange(repos, { alert, to, actorId: analyst.userId, reasonEnvelope: null, via: 'forwarding', forwardingStates: [], actorRoles, now: h.now() });
      });
    await expect(change('in-verification', ['analyst'])).rejects.toMatchObject({ code: 'illegal-transition' });
    await expect(change('forwarded', ['administrator'])).rejects.toMatchObject({ code: 'forbidden' });
    expect(await change('forwarded', ['analyst'])).toEqual({ seq: 2 });
    const row = await h.db.selectFrom('state_changes').selectAll().where('alert_id', '=', alertId).where('seq', '=', 2).executeTakeFirstOrThrow();
    expect([row.from_state, row.to_state, row.actor_id, row.reason_envelope]).toEqual(['verified', 'forwarded', analyst.userId, null]);
    const audit = await h.db.selectFrom('audit_log').select('details').where('action', '=', 'change-state').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({ from: 'verified', to: 'forwarded', via: 'forwarding', seq: 2 });
  });

  it('marks only the reader’s own notifications read', async () => {
    const { alertId } = await fileAlert(h, world.deployment);
    await post(CASES_ROUTES.assignee(alertId), { assigneeId: analyst.userId }, asCoordinator);
    const mine = (await (await get(CASES_ROUTES.notifications, asAnalyst)).json()) as { items: { id: string }[] };
    const id = mine.items[0]?.id ?? '';
    expect(await (await post(CASES_ROUTES.notificationsRead, { ids: [id] }, asCoordinator)).json()).toEqual({ unread: 0 });
    expect(((await (await get(CASES_ROUTES.notifications, asAnalyst)).json()) as { unread: number }).unread).toBe(1);
    expect(await (await post(CASES_ROUTES.notificationsRead, { ids: 'all' }, asAnalyst)).json()).toEqual({ unread: 0 });
  });

  it('deletes labels and checklist state with the rest of a spam alert', async () => {
    const { alertId } = await fileAlert(h, world.deployment);
    await post(CASES_ROUTES.labels(alertId), { expectedVersion: 0, envelope: shapedEnvelope(PURPOSES.labels) }, asAnalyst);
    await post(ROUTES.staffTransitions(alertId), { to: 'spam', expectedFrom: 'received', reasonEnvelope: shapedEnvelope(PURPOSES.reason) }, asAnalyst);
    expect(await h.db.selectFrom('case_documents').selectAll().execute()).toEqual([]);
    expect(await errorCode(await post(CASES_ROUTES.priority(alertId), { priority: 'high' }, asAnalyst))).toBe('conflict');
  });
});
