/** Staff: salts, login and sessions, and the desk (inbox, alert view, state changes, messages, notes). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ed25519KeyPair, hashLoginKey, PURPOSES, randomBytes, toBase64Url, x25519KeyPair } from '@kenekanko/crypto';
import { ROUTES, SESSION_COOKIE } from '@kenekanko/contracts';
import type { AlertSummary, MeResponse, StaffAlertView } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { verifyAuditChain } from '../../audit/audit-trail.ts';
import { LOGIN_THROTTLES } from '../../features/accounts/index.ts';
import { newId } from '../../features/shared/ids.ts';
import { createHarness, errorCode } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { CHUNK, chunk, fakeEnvelope, fileAlert, logIn, setUp, shapedEnvelope, signedDirectory, signedMessage, solvedPow } from '../testing/flows.ts';
import type { Deployment } from '../testing/flows.ts';

/** A second organisation with one analyst, listed in a new signed directory version. */
async function addOrganisation(h: Harness, d: Deployment): Promise<{ orgId: string; login: string; loginKey: string }> {
  const orgId = newId();
  const userId = newId();
  const loginKey = toBase64Url(randomBytes(32));
  const at = h.now().toISOString();
  const pub = (): string => toBase64Url(x25519KeyPair().publicKey);
  await h.db.insertInto('organisations').values({ id: orgId, kind: 'cso', name: 'Autre OSC', x25519_public: pub(), ed25519_public: toBase64Url(ed25519KeyPair().publicKey), key_version: 1, created_at: at }).execute();
  await h.db.insertInto('users').values({ id: userId, login: 'analyste@autre.ml', salt: toBase64Url(randomBytes(16)), login_key_hash: toBase64Url(hashLoginKey(Buffer.from(loginKey, 'base64url'))), x25519_public: pub(), ed25519_public: pub(), key_version: 1, wrapped_keys: fakeEnvelope(), recovery_wrapped_keys: fakeEnvelope(), disabled: 0, created_at: at }).execute();
  await h.db.insertInto('memberships').values({ id: newId(), user_id: userId, org_id: orgId, role: 'analyst', created_at: at }).execute();
  const orgs = await h.db.selectFrom('organisations').select(['id', 'name', 'x25519_public', 'ed25519_public']).orderBy('kind').execute();
  const listed = orgs.map((o) => ({ id: o.id, name: o.name, x25519Public: o.x25519_public, ed25519Public: o.ed25519_public }));
  const coalitionFirst = [...listed.filter((o) => o.id === d.orgId), ...listed.filter((o) => o.id !== d.orgId)];
  const doc = signedDirectory(d.coalition, 2, coalitionFirst, d.orgId, toBase64Url(d.custodian.publicKey));
  await h.db.insertInto('directory_versions').values({ version: 2, ...doc, created_at: at }).execute();
  return { orgId, login: 'analyste@autre.ml', loginKey };
}

describe.each(DATABASE_KINDS)('staff on %s', (kind) => {
  let h: Harness;
  let d: Deployment;
  let cookie: string;
  beforeEach(async () => {
    h = await createHarness(kind);
    d = await setUp(h);
    cookie = await logIn(h, d.login, d.loginKey);
  });
  afterEach(async () => {
    await h.close();
  });

  const get = (path: string, as = cookie) => h.request('GET', path, { cookie: as });
  const post = (path: string, json: unknown, as = cookie) => h.request('POST', path, { json, cookie: as });

  it('gives a known login its salt and an unknown one a stable salt of the same shape', async () => {
    const salt = async (login: string) => ((await (await h.request('POST', ROUTES.authSalt, { json: { login } })).json()) as { salt: string }).salt;
    expect(await salt(d.login)).toBe(d.salt);
    const fake = await salt('personne@nulle.part');
    expect(fake).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await salt('personne@nulle.part')).toBe(fake);
    expect(await salt('quelqu.un@ailleurs.ml')).not.toBe(fake);
  });

  it('sets a __Host- session cookie that is HttpOnly, Secure and SameSite=Strict', async () => {
    const response = await h.request('POST', ROUTES.authLogin, { json: { login: d.login, loginKey: d.loginKey } });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; Secure; SameSite=Strict$`));
    expect(setCookie).not.toMatch(/Domain/i);
    const stored = await h.db.selectFrom('staff_sessions').select('id_hash').execute();
    // SECURITY: the database holds a hash of the cookie value, never the value.
    const value = /=([^;]+)/.exec(setCookie)?.[1] ?? '';
    expect(stored.map((s) => s.id_hash)).not.toContain(value);
  });

  it('refuses a wrong key, an unknown login and a disabled user alike, and asks for work per login', async () => {
    const wrong = await h.request('POST', ROUTES.authLogin, { json: { login: d.login, loginKey: toBase64Url(randomBytes(32)) } });
    expect([wrong.status, await errorCode(wrong)]).toEqual([401, 'invalid-credentials']);
    const unknown = await h.request('POST', ROUTES.authLogin, { json: { login: 'personne@nulle.part', loginKey: d.loginKey } });
    expect([unknown.status, await errorCode(unknown)]).toEqual([401, 'invalid-credentials']);
    await h.db.updateTable('users').set({ disabled: 1 }).execute();
    const disabled = await h.request('POST', ROUTES.authLogin, { json: { login: d.login, loginKey: d.loginKey } });
    expect(await errorCode(disabled)).toBe('invalid-credentials');
    expect((await get(ROUTES.me)).status).toBe(401);

    for (let i = 3; i < LOGIN_THROTTLES.perLogin.limit; i++) await h.request('POST', ROUTES.authLogin, { json: { login: d.login, loginKey: d.loginKey } });
    // Past the limit a login costs a proof of work, never a lockout (M2): paid, it is judged again.
    const throttled = await h.request('POST', ROUTES.authLogin, { json: { login: d.login, loginKey: d.loginKey } });
    expect(await errorCode(throttled)).toBe('pow-required');
    await h.db.updateTable('users').set({ disabled: 0 }).execute();
    const paid = await h.request('POST', ROUTES.authLogin, { json: { login: d.login, loginKey: d.loginKey, pow: await solvedPow(h) } });
    expect(paid.status).toBe(200);
  });

  it('ends a session after the idle timeout, and on logout', async () => {
    expect((await get(ROUTES.me)).status).toBe(200);
    h.advance(h.config.sessionIdleMinutes * 60 - 1);
    expect((await get(ROUTES.me)).status).toBe(200);
    h.advance(h.config.sessionIdleMinutes * 60);
    expect((await get(ROUTES.me)).status).toBe(401);

    const fresh = await logIn(h, d.login, d.loginKey);
    const out = await post(ROUTES.authLogout, {}, fresh);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await get(ROUTES.me, fresh)).status).toBe(401);
  });

  it('tells a signed-in user its memberships with the organisation key sealed to it', async () => {
    const me = (await (await get(ROUTES.me)).json()) as MeResponse;
    expect(me.user.id).toBe(d.coordinatorId);
    expect(me.memberships).toEqual([expect.objectContaining({ orgId: d.orgId, orgKind: 'coalition', role: 'coordinator' })]);
    expect(me.memberships[0]?.orgKeyGrant).toMatchObject({ objectType: 'organisation', objectId: d.orgId, recipientType: 'user', recipientId: d.coordinatorId });
    expect(me.coalitionSigningPublic).toBe(toBase64Url(d.coalition.publicKey));
  });

  it("lists the organisation's alerts newest first, filters by state, and hides other organisations'", async () => {
    const older = await fileAlert(h, d);
    h.advance(24 * 3600);
    const newer = await fileAlert(h, d);
    const other = await addOrganisation(h, d);
    const theirs = await fileAlert(h, d, [], other.orgId);
    cookie = await logIn(h, d.login, d.loginKey); // a day later the first session has ended

    const { alerts } = (await (await get(ROUTES.staffAlerts)).json()) as { alerts: AlertSummary[] };
    expect(alerts.map((a) => a.id)).toEqual([newer.alertId, older.alertId]);
    expect((await (await get(`${ROUTES.staffAlerts}?state=acknowledged`)).json()) as { alerts: unknown[] }).toEqual({ alerts: [] });
    expect((await get(`${ROUTES.staffAlerts}?state=nonsense`)).status).toBe(400);

    const foreign = await get(ROUTES.staffAlert(theirs.alertId));
    expect([foreign.status, await errorCode(foreign)]).toEqual([404, 'not-found']);
    const theirCookie = await logIn(h, other.login, other.loginKey);
    expect(((await (await get(ROUTES.staffAlerts, theirCookie)).json()) as { alerts: AlertSummary[] }).alerts.map((a) => a.id)).toEqual([theirs.alertId]);
    expect((await get(ROUTES.staffAlert(older.alertId), theirCookie)).status).toBe(404);
  });

  it('shows an alert with its grants, history and allowed transitions, and audits the view', async () => {
    const { alertId, blobIds } = await fileAlert(h, d, [[chunk(), chunk()]]);
    const view = (await (await get(ROUTES.staffAlert(alertId))).json()) as StaffAlertView;
    expect(view.summary).toMatchObject({ id: alertId, orgId: d.orgId, state: 'received', messageCount: 0, lastMessageFrom: null });
    expect(view.grants.map((g) => g.keyKind).sort()).toEqual(['content', 'desk']);
    expect(view.grants.every((g) => g.recipientType === 'organisation')).toBe(true);
    expect(view.history).toEqual([{ seq: 1, fromState: null, toState: 'received', actor: 'reporter', reasonEnvelope: null, createdAt: '2025-03-01' }]);
    expect(view.allowedTransitions).toEqual(['acknowledged', 'unfounded', 'duplicate', 'out-of-scope', 'spam']);
    expect(view.blobs).toEqual([{ blobId: blobIds[0], chunkCount: 2, totalBytes: 2 * CHUNK }]);

    const second = await get(ROUTES.staffChunk(alertId, blobIds[0] ?? '', 1));
    expect(second.headers.get('content-type')).toBe('application/octet-stream');
    expect((await second.arrayBuffer()).byteLength).toBe(CHUNK);
    expect((await get(ROUTES.staffChunk(alertId, blobIds[0] ?? '', 0))).status).toBe(200);
    expect((await get(ROUTES.staffChunk(alertId, blobIds[0] ?? '', 2))).status).toBe(404);
    const actions = (await h.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toEqual(['setup', 'login', 'view-alert', 'download-attachment']);
  });

  it('changes state along the table only, with conflicts for stale views', async () => {
    const { alertId } = await fileAlert(h, d);
    const move = (to: string, expectedFrom: string, extra: object = {}) =>
      post(ROUTES.staffTransitions(alertId), { to, expectedFrom, reasonEnvelope: shapedEnvelope(PURPOSES.reason), ...extra });

    const skip = await move('verified', 'received');
    expect([skip.status, await errorCode(skip)]).toEqual([409, 'illegal-transition']);
    const forward = await move('forwarded', 'received');
    expect(await errorCode(forward)).toBe('illegal-transition');
    expect(await (await move('acknowledged', 'received')).json()).toEqual({ state: 'acknowledged' });
    const stale = await move('in-verification', 'received');
    expect([stale.status, await errorCode(stale)]).toEqual([409, 'conflict']);
    expect(await (await move('in-verification', 'acknowledged')).json()).toEqual({ state: 'in-verification' });

    const view = (await (await get(ROUTES.staffAlert(alertId))).json()) as StaffAlertView;
    expect(view.history.map((c) => [c.seq, c.fromState, c.toState, c.actor])).toEqual([
      [1, null, 'received', 'reporter'],
      [2, 'received', 'acknowledged', d.login],
      [3, 'acknowledged', 'in-verification', d.login],
    ]);
    expect(view.allowedTransitions).toEqual(['needs-information', 'verified', 'unfounded', 'duplicate', 'out-of-scope', 'spam']);
  });

  it('links a duplicate only to another alert of the same organisation', async () => {
    const original = await fileAlert(h, d);
    const copy = await fileAlert(h, d);
    const move = (duplicateOf: string) => post(ROUTES.staffTransitions(copy.alertId), { to: 'duplicate', expectedFrom: 'received', reasonEnvelope: shapedEnvelope(PURPOSES.reason), duplicateOf });
    expect(await errorCode(await move(copy.alertId))).toBe('validation-failed');
    expect(await errorCode(await move(newId()))).toBe('validation-failed');
    expect(await (await move(original.alertId)).json()).toEqual({ state: 'duplicate' });
    const view = (await (await get(ROUTES.staffAlert(copy.alertId))).json()) as StaffAlertView;
    expect([view.duplicateOf, view.allowedTransitions]).toEqual([original.alertId, []]);
  });

  it('deletes the ciphertext of spam: files, answers, identity and messages', async () => {
    const { alertId, keys, blobIds } = await fileAlert(h, d, [[chunk()]]);
    await h.request('POST', ROUTES.reporterMessages, { json: { lookupToken: keys.lookupToken, message: { ...signedMessage(alertId, 1, 'reporter', keys.reporter), attachments: null } } });
    expect(await (await post(ROUTES.staffTransitions(alertId), { to: 'spam', expectedFrom: 'received', reasonEnvelope: shapedEnvelope(PURPOSES.reason) })).json()).toEqual({ state: 'spam' });
    const row = await h.db.selectFrom('alerts').select(['answers_envelope', 'identity_envelope', 'state']).where('id', '=', alertId).executeTakeFirstOrThrow();
    expect(row).toEqual({ answers_envelope: '', identity_envelope: '', state: 'spam' });
    expect(await h.db.selectFrom('messages').select('envelope').execute()).toEqual([{ envelope: '' }]);
    expect(await h.db.selectFrom('blobs').select('id').execute()).toEqual([]);
    expect((await get(ROUTES.staffChunk(alertId, blobIds[0] ?? '', 0))).status).toBe(404);
    const view = (await (await get(ROUTES.staffAlert(alertId))).json()) as StaffAlertView;
    expect([view.answersEnvelope, view.messages[0]?.envelope, view.blobs]).toEqual(['', '', []]);
  });

  it('posts organisation messages signed by the organisation key, in sequence', async () => {
    const { alertId, keys } = await fileAlert(h, d);
    const forged = { ...signedMessage(alertId, 1, 'organisation', ed25519KeyPair()), attachments: null };
    expect(await errorCode(await post(ROUTES.staffMessages(alertId), forged))).toBe('validation-failed');
    const good = { ...signedMessage(alertId, 1, 'organisation', d.orgEd25519), attachments: null };
    expect(await (await post(ROUTES.staffMessages(alertId), good)).json()).toEqual({ seq: 1 });
    const reply = { ...signedMessage(alertId, 2, 'reporter', keys.reporter), attachments: null };
    expect(await (await h.request('POST', ROUTES.reporterMessages, { json: { lookupToken: keys.lookupToken, message: reply } })).json()).toEqual({ seq: 2 });
    const view = (await (await get(ROUTES.staffAlert(alertId))).json()) as StaffAlertView;
    expect(view.summary).toMatchObject({ messageCount: 2, lastMessageFrom: 'reporter' });
  });

  it('adds notes idempotently by id and keeps the audit chain intact', async () => {
    const { alertId } = await fileAlert(h, d);
    const note = { noteId: newId(), envelope: shapedEnvelope(PURPOSES.note) };
    expect(await (await post(ROUTES.staffNotes(alertId), note)).json()).toEqual({ id: note.noteId });
    expect(await (await post(ROUTES.staffNotes(alertId), note)).json()).toEqual({ id: note.noteId });
    expect(await errorCode(await post(ROUTES.staffNotes(alertId), { ...note, envelope: shapedEnvelope(PURPOSES.note) }))).toBe('conflict');
    const view = (await (await get(ROUTES.staffAlert(alertId))).json()) as StaffAlertView;
    expect(view.notes).toEqual([{ id: note.noteId, authorLogin: d.login, envelope: note.envelope, createdAt: h.now().toISOString() }]);
    const audit = await h.db.selectFrom('audit_log').select('action').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['setup', 'login', 'note', 'view-alert']);
    expect(await verifyAuditChain(h.db)).toEqual({ ok: true, count: 4 });
  });
});
