/**
 * Security tester, issue 3 (HIGH, identity in forwardings), the server-side parts: reading an
 * alert's forwardings hands out the sending organisation's package grants, so it is audited
 * (who, which alert, how many, how many with the identity); and an onward forwarding can never
 * claim to carry the identity, whatever the browser sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertForwardings, createApiClient, forwardCase, isApiError, listForwardingInbox, openForwarding, staffLogin, submitAlert, WHOLE_CASE } from '@kenekanko/client';
import type { AlertDraft, StaffSession } from '@kenekanko/client';
import { FORWARDING_ROUTES } from '@kenekanko/contracts';
import type { ForwardRequest } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { placeIds } from '../testing/flows.ts';
import { createHarness, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember, WorldOrg } from '../testing/world.ts';

const PASSWORD = 'une phrase de passe assez longue';

describe.each(DATABASE_KINDS)('forwardings and the identity on %s', (kind) => {
  let h: Harness;
  let world: World;
  let oclei: WorldOrg;
  let pnef: WorldOrg;
  let analyst: WorldMember;
  let colleague: WorldMember;
  let liaison: WorldMember;
  let alertId: string;
  let tamper: ((request: ForwardRequest) => ForwardRequest) | null = null;

  const tamperingFetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (tamper !== null && init?.method === 'POST' && url.endsWith(FORWARDING_ROUTES.forwardings) && typeof init.body === 'string') {
      return h.fetch(input, { ...init, body: JSON.stringify(tamper(JSON.parse(init.body) as ForwardRequest)) });
    }
    return h.fetch(input, init);
  };
  const logInAs = (member: WorldMember): Promise<StaffSession> => staffLogin(createApiClient({ baseUrl: PUBLIC_URL, fetch: tamperingFetch, cookieJar: true }), member.login, PASSWORD);
  const audited = (action: string) => h.db.selectFrom('audit_log').select(['actor_id', 'object_type', 'object_id', 'details']).where('action', '=', action).execute();

  beforeAll(async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    oclei = await world.addOrg('authority', 'OCLEI');
    pnef = await world.addOrg('authority', 'PNEF');
    analyst = await world.addMember(world.coalition, 'analyst', { password: PASSWORD });
    colleague = await world.addMember(world.coalition, 'analyst', { password: PASSWORD });
    liaison = await world.addMember(oclei, 'authority-liaison', { password: PASSWORD });
    const { regionId, cercleId } = await placeIds(h);
    const draft: AlertDraft = {
      language: 'fr', statistics: { kind: 'bribery', regionId, cercleId, institutionType: 'customs' }, communeId: null, when: '2025-02-20',
      institutionName: 'Poste', amountFcfa: null, description: 'Le chef exige 5 000 FCFA.', identity: { name: 'Awa Traoré', phone: '+223 70 11 22 33' },
      consents: { shareWithJournalists: false }, files: [],
    };
    alertId = (await submitAlert(createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch }), draft, { retryDelayMs: 1 })).alertId;
    const session = await logInAs(analyst);
    for (const to of ['acknowledged', 'in-verification', 'verified'] as const) await (await session.openAlert(alertId)).transition(to, 'ok');
    const opened = await session.openAlert(alertId);
    if (opened.answers === null) throw new Error('answers missing');
    await forwardCase(session, opened, [oclei.id], { ...WHOLE_CASE(opened.answers, opened.messages), note: 'Dossier vérifié.' });
  }, 180_000);
  afterAll(async () => h.close());

  it('audits a colleague reading the alert’s forwardings (ids and counts only)', async () => {
    expect(await audited('read-alert-forwardings')).toEqual([]);
    const session = await logInAs(colleague);
    const seen = await alertForwardings(session, alertId, '');
    expect(seen.forwardings).toHaveLength(1);
    const entries = await audited('read-alert-forwardings');
    expect(entries.map((e) => [e.actor_id, e.object_type, e.object_id])).toEqual([[colleague.userId, 'alert', alertId]]);
    expect(JSON.parse(entries[0]?.details ?? '{}')).toEqual({ forwardings: 1, withIdentity: 0 });
  }, 60_000);

  it('refuses an onward forwarding that claims to carry the identity', async () => {
    const desk = await logInAs(liaison);
    const [inbox] = await listForwardingInbox(desk);
    if (inbox === undefined) throw new Error('nothing received');
    const received = await openForwarding(desk, inbox.id);
    tamper = (request) => ({ ...request, includesIdentity: true });
    try {
      const code = await received.forwardOnward(pnef.id, 'Transmis au PNEF.').then(() => 'ok', (error: unknown) => (isApiError(error) ? error.code : String(error)));
      expect(code).toBe('identity-not-granted');
    } finally {
      tamper = null;
    }
    expect(await h.db.selectFrom('forwardings').select('id').where('to_org_id', '=', pnef.id).execute()).toEqual([]);
    // The same onward forwarding without the claim goes through.
    expect((await received.forwardOnward(pnef.id, 'Transmis au PNEF.')).onwardOf).toBe(inbox.id);
  }, 60_000);

  it('refuses, for now, any package that carries the identity, even one the custodian granted', async () => {
    // A package is sealed to the whole sending organisation: an identity in it would reach every
    // analyst there, not only the one the custodian chose (security tester, HIGH).
    const cgsp = await world.addOrg('authority', 'CGSP');
    await h.db
      .insertInto('identity_requests')
      .values({ id: 'GRANTEDREQUEST00000000', alert_id: alertId, requester_id: analyst.userId, purpose: 'forwarding', recipient_org_id: cgsp.id, state: 'granted', reason_envelope: 'x', refusal_envelope: null, created_at: h.now().toISOString(), decided_by: null, decided_at: h.now().toISOString() })
      .execute();
    const session = await logInAs(analyst);
    const opened = await session.openAlert(alertId);
    if (opened.answers === null) throw new Error('answers missing');
    tamper = (request) => ({ ...request, includesIdentity: true });
    try {
      const code = await forwardCase(session, opened, [cgsp.id], { ...WHOLE_CASE(opened.answers, opened.messages), note: 'Avec identité ?' }).then(
        () => 'ok',
        (error: unknown) => (isApiError(error) ? error.code : String(error)),
      );
      expect(code).toBe('identity-forwarding-unavailable');
    } finally {
      tamper = null;
    }
    expect(await h.db.selectFrom('forwardings').select('id').where('to_org_id', '=', cgsp.id).execute()).toEqual([]);
  }, 60_000);
});
