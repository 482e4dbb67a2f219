/**
 * The TOTP second factor over HTTP on both databases: the real default (REQUIRE_SECOND_FACTOR
 * unset) closes the desk until enrolment, enrolment stores the secret encrypted, logins need
 * a valid unused code and create no session without one, wrong codes are throttled per user
 * and audited without the code, and administrators reset within their reach only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES, SECURITY_ROUTES, SESSION_COOKIE } from '@kenekanko/contracts';
import { toBase64Url } from '@kenekanko/crypto';
import { Secret, TOTP } from 'otpauth';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { loadConfig } from '../../config/config.ts';
import { SECOND_FACTOR_THROTTLE } from '../../features/security/index.ts';
import { errorCode, createHarness } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember } from '../testing/world.ts';

const codeFor = (base32: string, at: Date): string => new TOTP({ secret: Secret.fromBase32(base32) }).generate({ timestamp: at.getTime() });

async function login(h: Harness, member: WorldMember, totp?: string): Promise<Response> {
  return h.request('POST', ROUTES.authLogin, { json: { login: member.login, loginKey: member.loginKey, totp } });
}

function cookieOf(response: Response): string {
  const value = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return `${SESSION_COOKIE}=${value}`;
}

async function auditOf(h: Harness, action: string): Promise<{ objectId: string | null; details: string }[]> {
  const rows = await h.db.selectFrom('audit_log').select(['object_id', 'details']).where('action', '=', action).orderBy('seq').execute();
  return rows.map((r) => ({ objectId: r.object_id, details: r.details }));
}

describe.each(DATABASE_KINDS)('the second factor on %s', (kind) => {
  let h: Harness;
  let world: World;
  afterEach(async () => h.close());

  async function realDefault(): Promise<void> {
    // The deployment default, read as the server reads it: REQUIRE_SECOND_FACTOR unset.
    h = await createHarness(kind, { requireSecondFactor: loadConfig({}).requireSecondFactor });
    world = await createWorld(h);
  }

  it('by default closes the desk to a session without a second factor, until the user enrols', async () => {
    await realDefault();
    const analyst = await world.addMember(world.coalition, 'analyst');
    const cookie = await analyst.logIn();
    const desk = await h.request('GET', ROUTES.staffAlerts, { cookie });
    expect([desk.status, await errorCode(desk)]).toEqual([403, 'second-factor-enrolment-required']);
    expect((await h.request('GET', ROUTES.me, { cookie })).status).toBe(200);
    const status = await (await h.request('GET', SECURITY_ROUTES.secondFactor, { cookie })).json();
    expect(status).toEqual({ enrolled: false, method: null, enrolledAt: null, required: true });

    const enrol = await h.request('POST', SECURITY_ROUTES.totpEnrol, { cookie, json: {} });
    expect(enrol.headers.get('cache-control')).toBe('no-store');
    const { secret, uri } = (await enrol.json()) as { secret: string; uri: string };
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('algorithm=SHA1&digits=6&period=30');

    // SECURITY: the stored row holds no form of the secret.
    const row = await h.db.selectFrom('second_factors').selectAll().where('user_id', '=', analyst.userId).executeTakeFirstOrThrow();
    expect(row.state).toBe('pending');
    expect(row.secret_envelope).not.toContain(secret);
    expect(row.secret_envelope).not.toContain(toBase64Url(Secret.fromBase32(secret).bytes));

    const wrong = await h.request('POST', SECURITY_ROUTES.totpConfirm, { cookie, json: { code: codeFor(secret, new Date(h.now().getTime() - 300_000)) } });
    expect(await errorCode(wrong)).toBe('second-factor-invalid');
    expect((await h.request('GET', ROUTES.staffAlerts, { cookie })).status).toBe(403);

    const good = codeFor(secret, h.now());
    const confirmed = await h.request('POST', SECURITY_ROUTES.totpConfirm, { cookie, json: { code: `${good.slice(0, 3)} ${good.slice(3)}` } });
    expect(await confirmed.json()).toMatchObject({ enrolled: true, method: 'totp', required: true });
    expect((await h.request('GET', ROUTES.staffAlerts, { cookie })).status).toBe(200);

    expect(await auditOf(h, 'enrol-second-factor')).toEqual([{ objectId: analyst.userId, details: '{"method":"totp"}' }]);
    const failures = await auditOf(h, 'second-factor-failed');
    expect(failures).toEqual([{ objectId: analyst.userId, details: '{"context":"enrolment","failures":1}' }]);

    const again = await h.request('POST', SECURITY_ROUTES.totpEnrol, { cookie, json: {} });
    expect([again.status, await errorCode(again)]).toEqual([409, 'second-factor-already-enrolled']);
  });

  it('refuses to confirm an enrolment that expired or was never started', async () => {
    await realDefault();
    const analyst = await world.addMember(world.coalition, 'analyst');
    const cookie = await analyst.logIn();
    const never = await h.request('POST', SECURITY_ROUTES.totpConfirm, { cookie, json: { code: '123456' } });
    expect(await errorCode(never)).toBe('second-factor-enrolment-expired');
    const { secret } = (await (await h.request('POST', SECURITY_ROUTES.totpEnrol, { cookie, json: {} })).json()) as { secret: string };
    h.advance(16 * 60);
    const late = await h.request('POST', SECURITY_ROUTES.totpConfirm, { cookie: await analyst.logIn(), json: { code: codeFor(secret, h.now()) } });
    expect(await errorCode(late)).toBe('second-factor-enrolment-expired');
  });

  it('creates no session without a valid, unused code', async () => {
    await realDefault();
    const member = await world.addMember(world.coalition, 'coordinator', { totp: true });
    const sessions = async () => (await h.db.selectFrom('staff_sessions').select('id_hash').where('user_id', '=', member.userId).execute()).length;

    const missing = await login(h, member);
    expect([missing.status, await errorCode(missing)]).toEqual([401, 'second-factor-required']);
    expect(missing.headers.get('set-cookie')).toBeNull();
    const wrongPassword = await h.request('POST', ROUTES.authLogin, { json: { login: member.login, loginKey: toBase64Url(new Uint8Array(32)), totp: member.totpCode() } });
    expect(await errorCode(wrongPassword)).toBe('invalid-credentials');
    const stale = await login(h, member, member.totpCode(new Date(h.now().getTime() - 120_000)));
    expect([stale.status, await errorCode(stale)]).toEqual([401, 'second-factor-invalid']);
    expect(stale.headers.get('set-cookie')).toBeNull();
    expect(await sessions()).toBe(0);

    const code = member.totpCode();
    const ok = await login(h, member, code);
    expect(ok.status).toBe(200);
    expect((await h.request('GET', ROUTES.staffAlerts, { cookie: cookieOf(ok) })).status).toBe(200);
    // SECURITY: the same code, even within its window, is refused the second time.
    const replay = await login(h, member, code);
    expect(await errorCode(replay)).toBe('second-factor-invalid');
    h.advance(30);
    expect((await login(h, member, member.totpCode())).status).toBe(200);
    expect(await sessions()).toBe(2);

    const audit = await h.db.selectFrom('audit_log').select('details').execute();
    expect(audit.map((r) => r.details).join('\n')).not.toContain(code);
    expect(await auditOf(h, 'login')).toContainEqual({ objectId: member.userId, details: '{"secondFactor":"totp"}' });
  });

  it('throttles codes per user, even a right one once the bucket is full', async () => {
    await realDefault();
    const member = await world.addMember(world.coalition, 'analyst', { totp: true });
    const other = await world.addMember(world.coalition, 'analyst', { totp: true });
    const wrong = member.totpCode(new Date(h.now().getTime() - 600_000));
    for (let i = 0; i < SECOND_FACTOR_THROTTLE.limit; i++) expect(await errorCode(await login(h, member, wrong))).toBe('second-factor-invalid');
    const blocked = await login(h, member, member.totpCode());
    expect([blocked.status, await errorCode(blocked)]).toEqual([429, 'throttled']);
    expect((await login(h, other, other.totpCode())).status).toBe(200);
    const failures = await auditOf(h, 'second-factor-failed');
    expect(failures.at(-1)).toEqual({ objectId: member.userId, details: `{"context":"login","failures":${SECOND_FACTOR_THROTTLE.limit}}` });
    h.advance(SECOND_FACTOR_THROTTLE.windowSeconds);
    expect((await login(h, member, member.totpCode())).status).toBe(200);
  });

  it('lets administrators reset a second factor within their reach, ending the sessions', async () => {
    await realDefault();
    const cso = await world.addOrg('cso', 'Tilleli');
    const coalitionAdmin = await world.addMember(world.coalition, 'administrator', { totp: true });
    const csoAdmin = await world.addMember(cso, 'administrator', { totp: true });
    const csoAnalyst = await world.addMember(cso, 'analyst', { totp: true });
    const coalitionAnalyst = await world.addMember(world.coalition, 'analyst', { totp: true });
    const victimCookie = await csoAnalyst.logIn();

    const reset = (actor: string, target: WorldMember) => h.request('POST', SECURITY_ROUTES.resetSecondFactor(target.userId), { cookie: actor, json: {} });
    const asCsoAdmin = await csoAdmin.logIn();
    expect(await errorCode(await reset(asCsoAdmin, coalitionAnalyst))).toBe('not-found');
    expect(await errorCode(await reset(await coalitionAnalyst.logIn(), csoAnalyst))).toBe('not-found');
    const sameOrg = await world.addMember(cso, 'coordinator', { totp: true });
    expect(await errorCode(await reset(await sameOrg.logIn(), csoAnalyst))).toBe('forbidden');

    const listed = (await (await h.request('GET', SECURITY_ROUTES.users, { cookie: asCsoAdmin })).json()) as { users: { userId: string; enrolled: boolean }[] };
    // Not the administrator itself: nobody resets their own second factor through this route.
    expect(listed.users.map((u) => u.userId).sort()).toEqual([csoAnalyst.userId, sameOrg.userId].sort());
    expect(listed.users.every((u) => u.enrolled)).toBe(true);

    expect((await reset(asCsoAdmin, csoAnalyst)).status).toBe(200);
    expect(await errorCode(await h.request('GET', ROUTES.me, { cookie: victimCookie }))).toBe('unauthenticated');
    const fresh = await login(h, csoAnalyst);
    expect(fresh.status).toBe(200);
    expect(await errorCode(await h.request('GET', ROUTES.staffAlerts, { cookie: cookieOf(fresh) }))).toBe('second-factor-enrolment-required');
    expect((await reset(await coalitionAdmin.logIn(), coalitionAnalyst)).status).toBe(200);
    expect(await auditOf(h, 'reset-second-factor')).toEqual([
      { objectId: csoAnalyst.userId, details: '{"removed":true}' },
      { objectId: coalitionAnalyst.userId, details: '{"removed":true}' },
    ]);
    const all = (await (await h.request('GET', SECURITY_ROUTES.users, { cookie: await coalitionAdmin.logIn() })).json()) as { users: unknown[] };
    expect(all.users.length).toBeGreaterThanOrEqual(5); // everyone but the coalition administrator itself
  });

  it('lets a deployment turn the requirement off, and then the desk opens without a factor', async () => {
    h = await createHarness(kind, { requireSecondFactor: false });
    world = await createWorld(h);
    const cookie = await (await world.addMember(world.coalition, 'analyst')).logIn();
    expect((await h.request('GET', ROUTES.staffAlerts, { cookie })).status).toBe(200);
    expect(await (await h.request('GET', SECURITY_ROUTES.secondFactor, { cookie })).json()).toMatchObject({ enrolled: false, required: false });
  });
});
