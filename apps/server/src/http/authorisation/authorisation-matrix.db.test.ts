/**
 * The authorisation matrix (issue 3): every API route × every role × own / other organisation.
 * The routes are read from the Hono app itself, so a new route that route-rules.ts does not
 * classify fails here. Principals: each desk role in the coalition and in a second CSO, an
 * OCLEI liaison and administrator, a journalist, one person with memberships in both CSOs, a
 * signed-in user with no membership, and no session. Each calls every route on the objects of
 * each organisation: without a session → 401; not allowed → 403/404 with a valid body (and,
 * from another organisation, the very answer a made-up id gets); allowed → past authorisation;
 * and no answer names a case, file, note, message, package, identity request, membership or
 * login the principal may not see (matrix-secrets.ts). Around it: lists answer their own scope,
 * confused-deputy bodies are refused (cross-references.ts), every state-changing route needs
 * the CSRF header and the second-factor policy, and a removed member or a disabled account
 * loses access at once.
 *
 * The world is built once per database; the cases run in order (what consumes an object last).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES_ROUTES, CUSTODY_ROUTES, FORWARDING_ROUTES, ORGS_ROUTES, ROUTES, SECURITY_ROUTES, STATS_ROUTES } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createApp } from '../../app.ts';
import { createHarness, errorCode } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { call, callApp, checkCrossCase, checkRoute, describeAnswer, sampleCall } from './matrix-calls.ts';
import { createMatrixWorld, CSO_KEYS } from './matrix-world.ts';
import type { MatrixWorld } from './matrix-world.ts';
import { ROUTE_RULES } from './route-rules.ts';
import type { RouteRule } from './route-rules.ts';
import { CROSS_CASES } from './cross-references.ts';

/** What a session may reach before enrolling a second factor (auth-routes.ts), besides logout, which the matrix calls last. */
const OPEN_BEFORE_ENROLMENT: readonly string[] = [
  `GET ${ROUTES.me}`,
  `POST ${ROUTES.authLogout}`,
  `GET ${SECURITY_ROUTES.secondFactor}`,
  `POST ${SECURITY_ROUTES.totpEnrol}`,
  `POST ${SECURITY_ROUTES.totpConfirm}`,
];

type ListCase = readonly [string, string, (w: MatrixWorld) => string, (w: MatrixWorld) => readonly string[]];
const loginOf = (w: MatrixWorld, name: string) => w.principal(name).member?.login ?? '';
const LISTS: readonly ListCase[] = [
  ['the coalition inbox', 'coalition.analyst', () => ROUTES.staffAlerts, (w) => [w.cso.coalition.alertId]],
  ['the CSO inbox', 'cso.analyst', () => ROUTES.staffAlerts, (w) => [w.cso.cso.alertId]],
  ['the CSO board', 'cso.coordinator', () => CASES_ROUTES.board, (w) => [w.cso.cso.alertId, loginOf(w, 'cso.analyst')]],
  ['the CSO due list', 'cso.coordinator', () => CASES_ROUTES.due, (w) => [w.cso.cso.alertId]],
  ['the OCLEI forwarding inbox', 'oclei.authority-liaison', () => FORWARDING_ROUTES.forwardings, (w) => [w.forwarding.id]],
  ['the custody requests', 'cso.custodian', () => CUSTODY_ROUTES.custodyRequests, (w) => [w.cso.coalition.identityRequestId, w.cso.cso.identityRequestId]],
  ['the CSO members', 'cso.administrator', (w) => ORGS_ROUTES.members(w.orgs.cso.id), (w) => [loginOf(w, 'cso.analyst'), loginOf(w, 'dual')]],
  ['the people a CSO administrator administers', 'cso.administrator', () => SECURITY_ROUTES.users, (w) => [loginOf(w, 'cso.analyst')]],
];

/** The app's own routes, as `METHOD pattern` (middleware, the 405 answers and the web pages left out). */
function appRoutes(h: Harness): string[] {
  const routes = createApp(h.deps).routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*'));
  return [...new Set(routes.map((r) => `${r.method} ${r.path}`))].sort();
}

describe.each(DATABASE_KINDS)('the authorisation matrix on %s', (kind) => {
  let h: Harness;
  let w: MatrixWorld;

  beforeAll(async () => {
    h = await createHarness(kind);
    w = await createMatrixWorld(h);
  }, 120_000);
  afterAll(async () => h.close());

  it('classifies every route of the app, and only those', () => {
    const routes = appRoutes(h);
    const classified = Object.keys(ROUTE_RULES);
    expect(routes.filter((r) => !classified.includes(r)).map((r) => `unclassified route: ${r}`)).toEqual([]);
    expect(classified.filter((r) => !routes.includes(r)).map((r) => `no such route: ${r}`)).toEqual([]);
  });

  it('can see a leak: the coalition analyst reads the coalition alert, which names its ids', async () => {
    // Guards the matrix itself: were the secrets wrong, every "no leak" check would pass vacuously.
    const analyst = w.principal('coalition.analyst');
    const text = await (await h.request('GET', `/api/staff/alerts/${w.cso.coalition.alertId}`, { cookie: analyst.cookie ?? '' })).text();
    const named = w.secrets.filter((s) => text.includes(s.value)).map((s) => s.what);
    expect(named).toEqual(expect.arrayContaining(['coalition alert id', 'coalition answers envelope', 'coalition note id', 'coalition note envelope', 'coalition message envelope']));
    const csoAnalyst = w.principal('cso.analyst');
    expect(w.secrets.filter((s) => s.what.startsWith('coalition ') && s.visibleTo(csoAnalyst)).map((s) => s.what)).toEqual([]);
  });

  it('can fail: a rule that lets nobody read an alert reports the analysts who read it', async () => {
    const rule: RouteRule = { kind: 'staff', targets: (m) => [{ label: 'coalition alert', orgKey: 'coalition', path: ROUTES.staffAlert(m.cso.coalition.alertId) }], allowed: () => false };
    const failures = await checkRoute(w, 'GET /api/staff/alerts/:alertId', rule);
    expect(failures).toEqual(['coalition.coordinator on coalition alert: 200, expected 403 forbidden or 404 not-found', 'coalition.analyst on coalition alert: 200, expected 403 forbidden or 404 not-found']);
  });

  it.each(LISTS)('lists its own: %s', async (_what, name, path, expected) => {
    // The "no leak" checks pass on an empty list too; these prove each list does answer its own scope.
    const p = w.principal(name);
    const text = await (await h.request('GET', path(w), { cookie: p.cookie ?? '' })).text();
    expect(expected(w).filter((value) => !text.includes(value))).toEqual([]);
  });

  it("counts only the alerts of a CSO coordinator's own organisation on the dashboard", async () => {
    const total = async (name: string) => ((await (await h.request('GET', STATS_ROUTES.dashboard, { cookie: w.principal(name).cookie ?? '' })).json()) as { total: number }).total;
    expect(await total('cso.coordinator')).toBe(1);
    expect(await total('coalition.coordinator')).toBe(2);
  });

  it.each(CSO_KEYS)("shows the reporter of the %s alert their own case and nothing of the desk's", async (k) => {
    // What the reporter's follow-up may carry: their own alert, answers, files, identity and the conversation.
    const own = ['alert id', 'answers envelope', 'blob id', 'identity envelope', 'message envelope'].map((what) => `${k} ${what}`);
    const response = await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken: w.cso[k].lookupToken } });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain(w.cso[k].messageEnvelope);
    expect(w.secrets.filter((s) => !own.includes(s.what) && text.includes(s.value)).map((s) => s.what)).toEqual([]);
  });

  it.each(Object.entries(CROSS_CASES))('refuses: %s', async (_what, c) => {
    expect(await checkCrossCase(w, c)).toEqual([]);
  });

  it('refuses every state-changing staff and auth request without the CSRF header', async () => {
    const p = w.principal('coalition.coordinator');
    const failures: string[] = [];
    for (const [key, rule] of Object.entries(ROUTE_RULES)) {
      const sample = sampleCall(w, key, rule, p);
      const guarded = sample.path.startsWith('/api/staff/') || (sample.path.startsWith('/api/auth/') && sample.path !== ROUTES.authSalt);
      if (sample.method === 'GET' || !guarded) continue;
      const answer = await call(w, sample.method, sample.path, p.cookie, sample.body, false);
      if (answer.code !== 'csrf-rejected') failures.push(`${key}: ${describeAnswer(answer)}`);
    }
    expect(failures).toEqual([]);
  });

  it('holds every staff route but enrolment, me and logout until a second factor is enrolled, when the server requires one', async () => {
    const strict = createApp({ ...h.deps, config: { ...h.deps.config, requireSecondFactor: true } });
    const p = w.principal('coalition.coordinator'); // no TOTP enrolled
    const failures: string[] = [];
    for (const [key, rule] of Object.entries(ROUTE_RULES)) {
      if (rule.kind === 'open' || OPEN_BEFORE_ENROLMENT.includes(key)) continue;
      const answer = await callApp(strict, sampleCall(w, key, rule, p), p.cookie ?? '');
      if (answer.code !== 'second-factor-enrolment-required') failures.push(`${key}: ${describeAnswer(answer)}`);
    }
    expect(failures).toEqual([]);
  });

  it("ends a disabled account's live session on every staff route", async () => {
    const member = await w.world.addMember(w.orgs.coalition, 'coordinator');
    const cookie = await member.logIn();
    expect((await h.request('GET', ROUTES.staffAlert(w.cso.coalition.alertId), { cookie })).status).toBe(200);
    await h.db.updateTable('users').set({ disabled: 1 }).where('id', '=', member.userId).execute();
    const failures: string[] = [];
    for (const [key, rule] of Object.entries(ROUTE_RULES)) {
      if (rule.kind === 'open') continue;
      const answer = await callApp({ request: (url, init) => h.fetch(url, init) }, sampleCall(w, key, rule, w.principal('coalition.coordinator')), cookie);
      if (answer.code !== 'unauthenticated') failures.push(`${key}: ${describeAnswer(answer)}`);
    }
    expect(failures).toEqual([]);
  });

  it.each(Object.entries(ROUTE_RULES))('%s', async (key, rule) => {
    expect(await checkRoute(w, key, rule)).toEqual([]);
  });

  it('gives the identity to the requester the custodian granted, and to nobody else', async () => {
    // The matrix granted the coalition analyst's request; the secret check then covers everyone else.
    const view = async (name: string) => (await h.request('GET', CUSTODY_ROUTES.alertIdentityRequests(w.cso.coalition.alertId), { cookie: w.principal(name).cookie ?? '' })).text();
    expect(await view('coalition.analyst')).toContain(w.cso.coalition.identityEnvelope);
    expect(await view('coalition.coordinator')).not.toContain(w.cso.coalition.identityEnvelope.slice(-48));
  });

  it("cannot mark someone else's notifications read", async () => {
    // The matrix assigned the coalition alert to the coalition analyst, who was notified.
    const inbox = async (name: string) => (await (await h.request('GET', CASES_ROUTES.notifications, { cookie: w.principal(name).cookie ?? '' })).json()) as { unread: number; items: { id: string; read: boolean }[] };
    const before = await inbox('coalition.analyst');
    const ids = before.items.filter((n) => !n.read).map((n) => n.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const name of ['cso.analyst', 'coalition.coordinator']) {
      await h.request('POST', CASES_ROUTES.notificationsRead, { json: { ids }, cookie: w.principal(name).cookie ?? '' });
    }
    expect((await inbox('coalition.analyst')).unread).toBe(before.unread);
  });

  it('takes an alert away from a member the moment their membership is removed', async () => {
    // The matrix removed both CSOs' removable analysts (DELETE member); their sessions were live before.
    for (const k of CSO_KEYS) {
      const { cookie } = w.cso[k].removable;
      expect(await errorCode(await h.request('GET', ROUTES.staffAlert(w.cso[k].alertId), { cookie }))).toBe('not-found');
      const inbox = await (await h.request('GET', ROUTES.staffAlerts, { cookie })).text();
      expect(inbox).not.toContain(w.cso[k].alertId);
    }
  });
});
