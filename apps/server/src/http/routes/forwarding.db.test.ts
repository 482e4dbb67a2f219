/**
 * Forwarding end to end with real keys (@kenekanko/client over h.fetch): a reporter's real
 * alert is verified, forwarded to OCLEI as a redacted package with a file, opened and followed
 * up by the OCLEI liaison, seen by the CSO, passed onwards; plus the server's refusals
 * (signature, directory, consent, identity, roles, transitions) and the leaks they prevent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alertForwardings,
  createApiClient,
  forwardCase,
  giveJournalistConsent,
  isApiError,
  isClientError,
  listForwardingInbox,
  MASK,
  openForwarding,
  staffLogin,
  submitAlert,
  WHOLE_CASE,
} from '@kenekanko/client';
import type { AlertDraft, OpenedAlert, PackageSelection, StaffSession } from '@kenekanko/client';
import { FORWARDING_ROUTES } from '@kenekanko/contracts';
import type { ForwardRequest } from '@kenekanko/contracts';
import { deriveReceiptKeys, fromBase64Url, parseReceipt, randomBytes, toBase64Url } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { verifyAuditChain } from '../../audit/audit-trail.ts';
import { createHarness, errorCode, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { placeIds } from '../testing/flows.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember, WorldOrg } from '../testing/world.ts';

const PASSWORD = 'une phrase de passe assez longue';
const SECRET_NAME = 'Moussa Kéita';
const DESCRIPTION = `Le chef de poste ${SECRET_NAME} exige 5 000 FCFA à chaque camion.`;

/** Rewrites the JSON body of POST /api/staff/forwardings on its way out (a tampering browser or proxy). */
type Tamper = ((request: ForwardRequest) => ForwardRequest) | null;

describe.each(DATABASE_KINDS)('forwarding on %s', (kind) => {
  let h: Harness;
  let world: World;
  let oclei: WorldOrg;
  let media: WorldOrg;
  let analyst: WorldMember;
  let liaison: WorldMember;
  let journalist: WorldMember;
  let receipt: string;
  let alertId: string;
  let file: Uint8Array;
  let tamper: Tamper = null;

  const tamperingFetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (tamper !== null && init?.method === 'POST' && url.endsWith(FORWARDING_ROUTES.forwardings) && typeof init.body === 'string') {
      return h.fetch(input, { ...init, body: JSON.stringify(tamper(JSON.parse(init.body) as ForwardRequest)) });
    }
    return h.fetch(input, init);
  };
  const api = () => createApiClient({ baseUrl: PUBLIC_URL, fetch: tamperingFetch, cookieJar: true });
  const logInAs = (member: WorldMember): Promise<StaffSession> => staffLogin(api(), member.login, PASSWORD);
  const apiCode = async (promise: Promise<unknown>): Promise<string> => {
    try {
      await promise;
    } catch (error) {
      if (isApiError(error)) return error.code;
      if (isClientError(error)) return `client:${error.code}`;
      throw error;
    }
    return 'ok';
  };
  const redacted = (opened: OpenedAlert): PackageSelection => {
    const answers = opened.answers;
    if (answers === null) throw new Error('answers missing');
    const start = answers.description.indexOf(SECRET_NAME);
    return { ...WHOLE_CASE(answers, opened.messages), masks: { description: [{ start, end: start + SECRET_NAME.length }] }, note: 'Dossier vérifié par la coalition.' };
  };

  beforeAll(async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    oclei = await world.addOrg('authority', 'OCLEI');
    media = await world.addOrg('media', 'Le Journal');
    analyst = await world.addMember(world.coalition, 'analyst', { password: PASSWORD });
    liaison = await world.addMember(oclei, 'authority-liaison', { password: PASSWORD });
    journalist = await world.addMember(media, 'journalist');
    const { regionId, cercleId } = await placeIds(h);
    file = randomBytes(300_000);
    const draft: AlertDraft = {
      language: 'fr',
      statistics: { kind: 'bribery', regionId, cercleId, institutionType: 'customs' },
      communeId: null,
      when: '2025-02-20',
      institutionName: 'Poste de douane',
      amountFcfa: 50_000,
      description: DESCRIPTION,
      identity: { name: 'Awa', phone: '+223 70 00 00 00' },
      // Not ticked in the form: the consent comes later, from the follow-up page (forwarding-consent.db.test.ts covers the form's).
      consents: { shareWithJournalists: false },
      files: [{ name: 'recu.jpg', type: 'image/jpeg', bytes: file, scrub: 'cleaned' }],
    };
    const submitted = await submitAlert(api(), draft, { retryDelayMs: 1 });
    receipt = submitted.receipt;
    alertId = submitted.alertId;
  }, 120_000);
  afterAll(async () => h.close());

  it('refuses to forward a case that is not verified', async () => {
    const session = await logInAs(analyst);
    const opened = await session.openAlert(alertId);
    expect(await apiCode(forwardCase(session, opened, [oclei.id], redacted(opened)))).toBe('case-not-verified');
    for (const to of ['acknowledged', 'in-verification', 'verified'] as const) await (await session.openAlert(alertId)).transition(to, 'ok');
  }, 60_000);

  it('forwards a redacted package that only the liaison and the sender can open, and moves the alert to forwarded', async () => {
    const session = await logInAs(analyst);
    const opened = await session.openAlert(alertId);
    const [sent] = await forwardCase(session, opened, [oclei.id], redacted(opened));
    expect(sent?.state).toBe('sent');
    expect((await session.openAlert(alertId)).summary.state).toBe('forwarded');
    const forwardingId = sent?.id ?? '';

    // The recipient's liaisons are told, naming the forwarding; nobody in another organisation is, nor the sender.
    const notices = await h.db.selectFrom('notifications').select(['user_id', 'kind', 'object_id']).where('kind', '=', 'forwarding-received').execute();
    expect(notices.map((n) => [n.user_id, n.object_id])).toEqual([[liaison.userId, forwardingId]]);
    expect(notices.some((n) => n.user_id === journalist.userId || n.user_id === analyst.userId)).toBe(false);

    // SECURITY: the server holds no plaintext of the package: the masked name and the description appear nowhere in its row.
    const row = await h.db.selectFrom('forwardings').selectAll().where('id', '=', forwardingId).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('Keita');
    expect(new TextDecoder().decode(fromBase64Url(row.package_envelope))).not.toContain('camion');

    const desk = await logInAs(liaison);
    const inbox = await listForwardingInbox(desk);
    expect(inbox.map((f) => [f.id, f.state, f.toOrg.name, f.ackDueDay])).toEqual([[forwardingId, 'sent', 'OCLEI', '2025-03-31']]);
    const received = await openForwarding(desk, forwardingId);
    const description = received.payload.fields.description ?? '';
    expect(description).toContain(MASK);
    expect(description).toContain('exige 5 000 FCFA');
    expect(description).not.toContain('Moussa');
    expect(description).not.toContain('Kéita');
    expect(received.payload.identity).toBeNull();
    expect(received.payload.note).toBe('Dossier vérifié par la coalition.');
    const ref = received.payload.attachments[0];
    if (ref === undefined) throw new Error('the package has no file');
    expect(await received.downloadFile(ref)).toEqual(file);

    await received.acknowledge('Bien reçu.');
    await received.recordAction('investigation-opened', { text: 'Enquête ouverte par la brigade.' });
    await received.recordAction('amount-recovered', { amountFcfa: 1_250_000 });
    received.close();

    const seen = await alertForwardings(session, alertId, opened.answers?.reporterKeys.ed25519Public ?? '');
    const events = seen.forwardings[0]?.opened?.events ?? [];
    expect(events.map((e) => [e.seq, e.kind, e.action, e.details?.text ?? null, e.details?.amountFcfa ?? null])).toEqual([
      [1, 'acknowledged', null, 'Bien reçu.', null],
      [2, 'action', 'investigation-opened', 'Enquête ouverte par la brigade.', null],
      [3, 'action', 'amount-recovered', '', 1_250_000],
    ]);
    expect(seen.forwardings[0]?.summary.state).toBe('action-recorded');
    const audit = await h.db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['forward', 'open-package', 'download-package-file', 'acknowledge-forwarding', 'record-action']));
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  }, 120_000);

  it('shows the reporter a plain follow-up, naming the authority only once it chose to be named', async () => {
    const digits = parseReceipt(receipt);
    const salt = (await api().intake()).directory.body;
    const keys = await deriveReceiptKeys(digits, fromBase64Url((JSON.parse(salt) as { deploymentSalt: string }).deploymentSalt));
    const token = toBase64Url(keys.lookupToken);
    const before = await api().reporterAlert(token);
    expect(before.followUp).toEqual([{ sentDay: '2025-03-01', recipientKind: 'authority', recipientName: null, acknowledgedDay: '2025-03-01', actions: [{ action: 'investigation-opened', day: '2025-03-01' }, { action: 'amount-recovered', day: '2025-03-01' }], concludedDay: null }]);
    // SECURITY: the reporter's view never carries an event's details.
    expect(JSON.stringify(before)).not.toContain('1250000');
    const admin = await world.addMember(oclei, 'administrator');
    const response = await h.request('PUT', FORWARDING_ROUTES.settings(oclei.id), { cookie: await admin.logIn(), json: { nameToReporter: true } });
    expect(response.status).toBe(200);
    expect((await api().reporterAlert(token)).followUp[0]?.recipientName).toBe('OCLEI');
  }, 60_000);

  it('lets only the recipient act, in the order of the forwarding states', async () => {
    const session = await logInAs(analyst);
    const { forwardings } = await alertForwardings(session, alertId, toBase64Url(randomBytes(32)));
    const forwardingId = forwardings[0]?.summary.id ?? '';
    const senderCookie = await analyst.logIn();
    const event = { seq: 4, kind: 'concluded', action: null, detailsEnvelope: null };
    expect(await errorCode(await h.request('POST', FORWARDING_ROUTES.events(forwardingId), { cookie: senderCookie, json: event }))).toBe('forbidden');
    const other = await world.addOrg('authority', 'CENTIF');
    const stranger = await world.addMember(other, 'authority-liaison');
    const strangerCookie = await stranger.logIn();
    expect(await errorCode(await h.request('GET', FORWARDING_ROUTES.forwarding(forwardingId), { cookie: strangerCookie }))).toBe('not-found');
    expect(await errorCode(await h.request('POST', FORWARDING_ROUTES.events(forwardingId), { cookie: strangerCookie, json: event }))).toBe('not-found');
    expect(await (await h.request('GET', FORWARDING_ROUTES.forwardings, { cookie: strangerCookie })).json()).toEqual({ forwardings: [] });
    const liaisonCookie = await liaison.logIn();
    const noReason = { seq: 4, kind: 'action', action: 'no-action', detailsEnvelope: null };
    expect(await errorCode(await h.request('POST', FORWARDING_ROUTES.events(forwardingId), { cookie: liaisonCookie, json: noReason }))).toBe('details-required');
    expect(await errorCode(await h.request('POST', FORWARDING_ROUTES.events(forwardingId), { cookie: liaisonCookie, json: { ...event, seq: 7 } }))).toBe('conflict');
    expect((await h.request('POST', FORWARDING_ROUTES.events(forwardingId), { cookie: liaisonCookie, json: event })).status).toBe(200);
    expect(await errorCode(await h.request('POST', FORWARDING_ROUTES.events(forwardingId), { cookie: liaisonCookie, json: { ...event, seq: 5, kind: 'acknowledged' } }))).toBe('illegal-transition');
  }, 60_000);

  it('refuses a bad signature, a recipient outside the signed directory, an identity not granted and a second forwarding', async () => {
    const centif = await world.addOrg('authority', 'PNEF');
    const hidden = await world.addOrg('authority', 'Hors annuaire', { inDirectory: false });
    const session = await logInAs(analyst);
    const opened = await session.openAlert(alertId);
    const selection = redacted(opened);
    tamper = (r) => ({ ...r, signature: toBase64Url(randomBytes(64)) });
    expect(await apiCode(forwardCase(session, opened, [centif.id], selection))).toBe('package-signature-invalid');
    tamper = (r) => ({ ...r, toOrgId: hidden.id });
    expect(await apiCode(forwardCase(session, opened, [centif.id], selection))).toBe('recipient-not-in-directory');
    tamper = (r) => ({ ...r, grants: [r.grants[0], r.grants[0]].flatMap((g) => (g === undefined ? [] : [g])) });
    expect(await apiCode(forwardCase(session, opened, [centif.id], selection))).toBe('validation-failed');
    tamper = null;
    expect(await apiCode(forwardCase(session, opened, [hidden.id], selection))).toBe('client:untrusted-directory');
    expect(await apiCode(forwardCase(session, opened, [centif.id], { ...selection, identity: { name: 'Awa', phone: '' } }))).toBe('identity-not-granted');
    expect(await apiCode(forwardCase(session, opened, [oclei.id], selection))).toBe('already-forwarded');
    expect(await h.db.selectFrom('forwardings').select('id').where('to_org_id', '=', centif.id).execute()).toEqual([]);
  }, 60_000);

  it('forwards to a medium only with the reporter’s signed consent, which the desk verifies', async () => {
    const session = await logInAs(analyst);
    const opened = await session.openAlert(alertId);
    expect(await apiCode(forwardCase(session, opened, [media.id], redacted(opened)))).toBe('consent-required');
    await giveJournalistConsent(api(), receipt);
    const seen = await alertForwardings(session, alertId, opened.answers?.reporterKeys.ed25519Public ?? '');
    expect(seen.journalistConsent).toBe('given');
    expect((await alertForwardings(session, alertId, toBase64Url(randomBytes(32)))).journalistConsent).toBe('invalid');
    const [sent] = await forwardCase(session, opened, [media.id], redacted(opened));
    expect(sent?.toOrg.kind).toBe('media');
  }, 60_000);

  it('passes a case onwards, re-sealed and signed by the liaison’s organisation, and catches a tampered package', async () => {
    const pnef = world.orgs.find((o) => o.name === 'PNEF');
    if (pnef === undefined) throw new Error('PNEF missing');
    const pnefLiaison = await world.addMember(pnef, 'authority-liaison', { password: PASSWORD });
    const desk = await logInAs(liaison);
    const [first] = await listForwardingInbox(desk);
    const received = await openForwarding(desk, first?.id ?? '');
    const onward = await received.forwardOnward(pnef.id, 'Transmis au PNEF pour poursuites.');
    expect([onward.fromOrg.name, onward.onwardOf]).toEqual(['OCLEI', first?.id]);
    const pnefDesk = await logInAs(pnefLiaison);
    const passed = await openForwarding(pnefDesk, onward.id);
    expect(passed.payload.fields.description).not.toContain('Moussa');
    expect(passed.payload.note).toBe('Transmis au PNEF pour poursuites.');
    const ref = passed.payload.attachments[0];
    if (ref === undefined) throw new Error('the onward package has no file');
    expect(await passed.downloadFile(ref)).toEqual(file);

    // SECURITY: a package changed in the database no longer verifies in the recipient's browser.
    const row = await h.db.selectFrom('forwardings').select('package_envelope').where('id', '=', onward.id).executeTakeFirstOrThrow();
    const bytes = fromBase64Url(row.package_envelope);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    await h.db.updateTable('forwardings').set({ package_envelope: toBase64Url(bytes) }).where('id', '=', onward.id).execute();
    expect(await apiCode(openForwarding(pnefDesk, onward.id))).toBe('client:bad-package');
  }, 90_000);
});
