/**
 * Forwarding and the case settings (issue 3): the liaison's acknowledgement due day follows the
 * sending organisation's configured deadline, and the sending side hears of every step of the
 * recipient's follow-up (acknowledged, an action recorded, concluded) as in-app notifications.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASES_ROUTES, FORWARDING_ROUTES } from '@kenekanko/contracts';
import { PURPOSES } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { newId } from '../../features/shared/ids.ts';
import { fileAlert, shapedEnvelope } from '../testing/flows.ts';
import { createHarness } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember, WorldOrg } from '../testing/world.ts';

describe.each(DATABASE_KINDS)('forwarding deadlines and notices on %s', (kind) => {
  let h: Harness;
  let world: World;
  let oclei: WorldOrg;
  let coordinator: WorldMember;
  let analyst: WorldMember;
  let liaison: WorldMember;
  let alertId: string;
  beforeEach(async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    oclei = await world.addOrg('authority', 'OCLEI');
    coordinator = await world.addMember(world.coalition, 'coordinator');
    analyst = await world.addMember(world.coalition, 'analyst');
    liaison = await world.addMember(oclei, 'authority-liaison');
    alertId = (await fileAlert(h, world.deployment)).alertId;
    await h.db.updateTable('alerts').set({ state: 'forwarded' }).where('id', '=', alertId).execute();
  });
  afterEach(async () => {
    await h.close();
  });

  /** A sent forwarding (rows as forward-case writes them; its crypto is not what this checks). */
  async function sentForwarding(from: string, to: string, by: string): Promise<string> {
    const id = newId();
    await h.db
      .insertInto('forwardings')
      .values({ id, alert_id: alertId, from_org_id: from, to_org_id: to, to_key_version: 1, state: 'sent', sent_at: h.now().toISOString(), acknowledged_at: null, concluded_at: null, created_by: by, onward_of: null, includes_identity: 0, package_envelope: shapedEnvelope(PURPOSES.forwardPackage), package_sha256: 'x', signature: 'x', attachment_files: '[]' })
      .execute();
    return id;
  }
  const call = async (member: WorldMember, method: string, path: string, json?: unknown) => {
    const response = await h.request(method, path, { cookie: await member.logIn(), ...(json === undefined ? {} : { json }) });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const event = (seq: number, eventKind: 'acknowledged' | 'action' | 'concluded') => ({ seq, kind: eventKind, action: eventKind === 'action' ? 'investigation-opened' : null, detailsEnvelope: null });
  const noticesOf = async (member: WorldMember) => ((await call(member, 'GET', CASES_ROUTES.notifications)).body as { items: { kind: string; objectId: string }[] }).items.map((n) => [n.kind, n.objectId]).sort();

  it('dates the liaison’s due badge by the sending organisation’s configured days (30 by default)', async () => {
    const forwardingId = await sentForwarding(world.coalition.id, oclei.id, analyst.userId);
    const dueDay = async () => ((await call(liaison, 'GET', FORWARDING_ROUTES.forwardings)).body as { forwardings: { id: string; ackDueDay: string }[] }).forwardings.find((f) => f.id === forwardingId)?.ackDueDay;
    expect(await dueDay()).toBe('2025-03-31');
    const settings = { deadlines: { acknowledgeDays: 7, feedbackMonths: 3, forwardingAcknowledgeDays: 10 }, checklistItems: [] };
    expect((await call(coordinator, 'PUT', CASES_ROUTES.settings(world.coalition.id), settings)).status).toBe(200);
    expect(await dueDay()).toBe('2025-03-11');
    const view = (await call(liaison, 'GET', FORWARDING_ROUTES.forwarding(forwardingId))).body as { summary: { ackDueDay: string } };
    expect(view.summary.ackDueDay).toBe('2025-03-11');
  });

  it('notifies the alert’s coordinators, or its assignee, of the acknowledgement, each action and the conclusion', async () => {
    const forwardingId = await sentForwarding(world.coalition.id, oclei.id, analyst.userId);
    expect((await call(liaison, 'POST', FORWARDING_ROUTES.events(forwardingId), event(1, 'acknowledged'))).status).toBe(200);
    expect(await noticesOf(coordinator)).toEqual([['forwarding-acknowledged', alertId]]);
    expect(await noticesOf(analyst)).toEqual([]);

    await h.db.updateTable('alerts').set({ assignee_id: analyst.userId }).where('id', '=', alertId).execute();
    expect((await call(liaison, 'POST', FORWARDING_ROUTES.events(forwardingId), event(2, 'action'))).status).toBe(200);
    expect((await call(liaison, 'POST', FORWARDING_ROUTES.events(forwardingId), event(3, 'concluded'))).status).toBe(200);
    expect(await noticesOf(analyst)).toEqual([['forwarding-action', alertId], ['forwarding-concluded', alertId]]);
    expect(await noticesOf(coordinator)).toEqual([['forwarding-acknowledged', alertId]]);
    // A retried event (same seq, same content) is answered again and notifies nobody twice.
    expect((await call(liaison, 'POST', FORWARDING_ROUTES.events(forwardingId), event(3, 'concluded'))).status).toBe(200);
    expect(await noticesOf(analyst)).toHaveLength(2);
    expect(await noticesOf(liaison)).toEqual([]);
  });

  it('notifies the sender of a forwarding an authority passed on, since an authority has no coordinators', async () => {
    const cgsp = await world.addOrg('authority', 'CGSP');
    const cgspLiaison = await world.addMember(cgsp, 'authority-liaison');
    const onward = await sentForwarding(oclei.id, cgsp.id, liaison.userId);
    expect((await call(cgspLiaison, 'POST', FORWARDING_ROUTES.events(onward), event(1, 'acknowledged'))).status).toBe(200);
    expect(await noticesOf(liaison)).toEqual([['forwarding-acknowledged', alertId]]);
    expect(await noticesOf(coordinator)).toEqual([]);
  });
});
