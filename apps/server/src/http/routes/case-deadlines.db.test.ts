/** Case settings, what is due, deadline reminders and content-free e-mail, on both databases. */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { PURPOSES } from '@kenekanko/crypto';
import { CASES_ROUTES, ROUTES } from '@kenekanko/contracts';
import type { CaseSettingsView, DueItem, MailPreferenceView } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createKyselyStorage } from '../../adapters/kysely-storage.ts';
import { deriveAuditMacKey } from '../../audit/audit-mac.ts';
import { createSmtpMailer } from '../../adapters/smtp-mailer.ts';
import { notifyOverdue, sendMailReminders } from '../../features/cases/index.ts';
import { newId } from '../../features/shared/ids.ts';
import { createHarness, errorCode, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { insertForwarding } from '../testing/case-fixtures.ts';
import { fileAlert, shapedEnvelope, signedMessage } from '../testing/flows.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember } from '../testing/world.ts';

const DAY = 86_400;
const MAIL_CONFIG = { mail: { smtpUrl: 'smtp://127.0.0.1:1', from: 'desk@kenekanko.test' } } as const;

/** The raw message's body as text (nodemailer sends non-ASCII text quoted-printable). */
function decodeQuotedPrintable(raw: string): string {
  const bytes = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe.each(DATABASE_KINDS)('deadlines and reminders on %s', (kind) => {
  let h: Harness;
  let world: World;
  let coordinator: WorldMember;
  let analyst: WorldMember;
  let asCoordinator: string;
  let asAnalyst: string;
  beforeEach(async () => {
    h = await createHarness(kind, MAIL_CONFIG);
    world = await createWorld(h);
    coordinator = await world.addMember(world.coalition, 'coordinator');
    asCoordinator = await coordinator.logIn();
    analyst = await world.addMember(world.coalition, 'analyst');
    asAnalyst = await analyst.logIn();
  });
  afterEach(async () => {
    await h.close();
  });

  const get = (path: string, cookie: string) => h.request('GET', path, { cookie });
  const send = (method: string, path: string, json: unknown, cookie: string) => h.request(method, path, { json, cookie });
  const due = async (cookie: string) => ((await (await get(CASES_ROUTES.due, cookie)).json()) as { items: DueItem[] }).items;
  /** Sessions end after 30 idle minutes: sign in again after moving the clock by days. */
  const advanceDays = async (days: number) => {
    h.advance(days * DAY);
    asCoordinator = await coordinator.logIn();
    asAnalyst = await analyst.logIn();
  };

  it('lets coordinators and administrators set deadlines and checklist items, archiving removed items', async () => {
    const settingsPath = CASES_ROUTES.settings(world.coalition.id);
    const defaults = (await (await get(settingsPath, asCoordinator)).json()) as CaseSettingsView;
    expect(defaults).toMatchObject({ deadlines: { acknowledgeDays: 7, feedbackMonths: 3, forwardingAcknowledgeDays: 30 }, checklistItems: [], isDefault: true });
    const items = [{ id: newId(), label: 'Sources contactées' }, { id: newId(), label: 'Documents examinés' }, { id: newId(), label: 'Visite sur place' }];
    const body = { deadlines: { acknowledgeDays: 3, feedbackMonths: 2, forwardingAcknowledgeDays: 20 }, checklistItems: items };
    expect(await errorCode(await send('PUT', settingsPath, body, asAnalyst))).toBe('forbidden');
    expect(await (await send('PUT', settingsPath, body, asCoordinator)).json()).toMatchObject({ ...body, isDefault: false });

    const admin = await (await world.addMember(world.coalition, 'administrator')).logIn();
    const reordered = { ...body, checklistItems: [items[2], items[0]] };
    expect(((await (await send('PUT', settingsPath, reordered, admin)).json()) as CaseSettingsView).checklistItems).toEqual([items[2], items[0]]);
    const { alertId } = await fileAlert(h, world.deployment);
    const view = (await (await get(CASES_ROUTES.caseWork(alertId), asAnalyst)).json()) as { checklistItems: unknown[]; archivedChecklistItems: unknown[] };
    expect([view.checklistItems, view.archivedChecklistItems]).toEqual([[items[2], items[0]], [items[1]]]);
    expect(await h.db.selectFrom('audit_log').select('action').where('action', '=', 'change-settings').execute()).toHaveLength(2);

    // Another organisation: its coordinator cannot see ours, nor reuse our item ids; a coalition administrator manages it.
    const cso = await world.addOrg('cso', 'Autre OSC');
    const outsider = await (await world.addMember(cso, 'coordinator')).logIn();
    expect(await errorCode(await get(settingsPath, outsider))).toBe('not-found');
    const csoPath = CASES_ROUTES.settings(cso.id);
    expect(await errorCode(await send('PUT', csoPath, body, outsider))).toBe('checklist-item-unknown');
    expect((await send('PUT', csoPath, { ...body, checklistItems: [] }, admin)).status).toBe(200);
    expect(await errorCode(await send('PUT', csoPath, { ...body, deadlines: { ...body.deadlines, acknowledgeDays: 0 } }, outsider))).toBe('validation-failed');
  });

  it('shows what is due, overdue first, and moves from acknowledgement to feedback', async () => {
    const first = await fileAlert(h, world.deployment);
    await advanceDays(3);
    const second = await fileAlert(h, world.deployment);
    expect((await due(asAnalyst)).map((d) => [d.alertId, d.kind, d.dueDay, d.overdue])).toEqual([
      [first.alertId, 'acknowledge', '2025-03-08', false],
      [second.alertId, 'acknowledge', '2025-03-11', false],
    ]);
    await advanceDays(6); // 2025-03-10
    expect((await due(asAnalyst)).map((d) => [d.alertId, d.overdue])).toEqual([[first.alertId, true], [second.alertId, false]]);
    const board = (await (await get(CASES_ROUTES.board, asAnalyst)).json()) as { cases: { alertId: string; nextDue: DueItem | null }[] };
    expect(board.cases.find((c) => c.alertId === first.alertId)?.nextDue).toMatchObject({ kind: 'acknowledge', overdue: true });

    await send('POST', ROUTES.staffTransitions(first.alertId), { to: 'acknowledged', expectedFrom: 'received', reasonEnvelope: shapedEnvelope(PURPOSES.reason) }, asAnalyst);
    expect((await due(asAnalyst)).find((d) => d.alertId === first.alertId)).toMatchObject({ kind: 'feedback', dueDay: '2025-06-10', overdue: false });
    await send('POST', ROUTES.staffMessages(first.alertId), { ...signedMessage(first.alertId, 1, 'organisation', world.deployment.orgEd25519), attachments: null }, asAnalyst);
    expect((await due(asAnalyst)).map((d) => d.alertId)).toEqual([second.alertId]);
  });

  it('expects the authority’s acknowledgement of a forwarding, and reminds watchers once when a deadline passes', async () => {
    const { alertId } = await fileAlert(h, world.deployment);
    const oclei = await world.addOrg('authority', 'OCLEI');
    await h.db.updateTable('alerts').set({ state: 'forwarded' }).where('id', '=', alertId).execute();
    const forwardingId = await insertForwarding(h, { alertId, fromOrgId: world.coalition.id, toOrgId: oclei.id, state: 'sent', createdBy: coordinator.userId });
    const items = await due(asCoordinator);
    expect(items.find((d) => d.kind === 'forwarding-acknowledgement')).toEqual({ kind: 'forwarding-acknowledgement', alertId, forwardingId, dueDay: '2025-03-31', overdue: false });

    const storage = createKyselyStorage(h.db, deriveAuditMacKey(h.secrets.serverSecret));
    await advanceDays(31);
    const coordinators = 2; // the setup coordinator and ours; nobody is assigned
    expect(await notifyOverdue(storage, h.now())).toBe(coordinators);
    expect(await notifyOverdue(storage, h.now())).toBe(0);
    const notes = (await (await get(CASES_ROUTES.notifications, asCoordinator)).json()) as { items: { kind: string; objectId: string }[] };
    expect(notes.items).toEqual([expect.objectContaining({ kind: 'forwarding-acknowledgement-overdue', objectId: alertId })]);
    await h.db.updateTable('forwardings').set({ state: 'acknowledged', acknowledged_at: h.now().toISOString() }).execute();
    expect((await due(asCoordinator)).some((d) => d.kind === 'forwarding-acknowledgement')).toBe(false);
  });

  it('refuses to opt in when the server has no SMTP_URL', async () => {
    const plain = await createHarness(kind);
    try {
      const w = await createWorld(plain);
      const cookie = await (await w.addMember(w.coalition, 'analyst')).logIn();
      expect(await (await plain.request('GET', CASES_ROUTES.mailPreference, { cookie })).json()).toEqual({ available: false, enabled: false, address: null });
      const refused = await plain.request('POST', CASES_ROUTES.mailPreference, { json: { enabled: true, address: 'awa@example.ml' }, cookie });
      expect([refused.status, await errorCode(refused)]).toEqual([409, 'mail-not-configured']);
      expect(await plain.db.selectFrom('mail_preferences').selectAll().execute()).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('mails an opted-in user only a count and the desk address, never case content', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push(text);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    try {
      const { alertId, keys } = await fileAlert(h, world.deployment);
      const labels = shapedEnvelope(PURPOSES.labels);
      await send('POST', CASES_ROUTES.labels(alertId), { expectedVersion: 0, envelope: labels }, asAnalyst);
      expect(await errorCode(await send('POST', CASES_ROUTES.mailPreference, { enabled: true, address: 'pas une adresse' }, asCoordinator))).toBe('validation-failed');
      expect(await errorCode(await send('POST', CASES_ROUTES.mailPreference, { enabled: true, address: null }, asCoordinator))).toBe('mail-address-invalid');
      const saved = (await (await send('POST', CASES_ROUTES.mailPreference, { enabled: true, address: 'awa@example.ml' }, asCoordinator)).json()) as MailPreferenceView;
      expect(saved).toEqual({ available: true, enabled: true, address: 'awa@example.ml' });
      await send('POST', CASES_ROUTES.assignee(alertId), { assigneeId: coordinator.userId }, await world.addMember(world.coalition, 'coordinator').then((m) => m.logIn()));

      const storage = createKyselyStorage(h.db, deriveAuditMacKey(h.secrets.serverSecret));
      const mailer = createSmtpMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'desk@kenekanko.test' });
      expect(await sendMailReminders(storage, mailer, `${PUBLIC_URL}/desk/`, h.now())).toEqual({ sent: 1, failed: 0 });
      // Nothing new since: no second mail, even after the hour.
      await advanceDays(1);
      expect(await sendMailReminders(storage, mailer, `${PUBLIC_URL}/desk/`, h.now())).toEqual({ sent: 0, failed: 0 });

      expect(received).toHaveLength(1);
      const mail = decodeQuotedPrintable(received[0] ?? '');
      expect(mail).toContain('1 nouvel élément');
      expect(mail).toContain(`${PUBLIC_URL}/desk/`);
      // SECURITY: no alert id, reporter key or token, envelope, login or notification kind.
      const alertRow = await h.db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirstOrThrow();
      for (const secret of [alertId, keys.lookupToken, alertRow.reporter_ed25519_public, alertRow.reporter_x25519_public, alertRow.answers_envelope.slice(0, 40), labels.slice(0, 40), coordinator.login, 'assigned', alertRow.kind]) {
        expect(mail).not.toContain(secret);
      }

      // Opting out forgets the address.
      await send('POST', CASES_ROUTES.mailPreference, { enabled: false, address: null }, asCoordinator);
      expect(await h.db.selectFrom('mail_preferences').selectAll().execute()).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
