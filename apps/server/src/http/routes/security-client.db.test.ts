/**
 * @kenekanko/client's second factor and recovery over the app in memory, on both databases:
 * staffLogin asks for the code only when needed, enrolment works from the secret it is shown,
 * and the printed recovery key restores an account (new password, optionally a new recovery
 * key) without bypassing TOTP, while unknown logins look the same as known ones and a
 * replayed or tampered recovery is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, ClientError, confirmTotpEnrolment, createApiClient, recoverAccount, staffLogin, startTotpEnrolment } from '@kenekanko/client';
import type { ApiClient } from '@kenekanko/client';
import { ROUTES, SECURITY_ROUTES } from '@kenekanko/contracts';
import { toBase64Url } from '@kenekanko/crypto';
import { Secret, TOTP } from 'otpauth';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createHarness, errorCode, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World } from '../testing/world.ts';

const PASSWORD = 'une phrase de passe assez longue';
const NEW_PASSWORD = 'un nouveau mot de passe bien long';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

const codeOf = (error: unknown): string => (error instanceof ApiError || error instanceof ClientError ? error.code : String(error));

describe.each(DATABASE_KINDS)('client second factor and recovery on %s', (kind) => {
  let h: Harness;
  let world: World;
  /** Bodies of recovery finish requests, and an optional rewrite of them before they are sent. */
  let finishes: string[];
  let rewrite: ((body: Record<string, unknown>) => Record<string, unknown>) | undefined;
  afterEach(async () => h.close());

  async function start(): Promise<void> {
    h = await createHarness(kind, { requireSecondFactor: true });
    world = await createWorld(h);
    finishes = [];
    rewrite = undefined;
  }

  function client(): ApiClient {
    const spy: typeof fetch = async (input, init) => {
      if (String(input).endsWith(SECURITY_ROUTES.recoveryFinish) && typeof init?.body === 'string') {
        const body = rewrite === undefined ? init.body : JSON.stringify(rewrite(JSON.parse(init.body) as Record<string, unknown>));
        finishes.push(body);
        return h.fetch(input, { ...init, body });
      }
      return h.fetch(input, init);
    };
    return createApiClient({ baseUrl: PUBLIC_URL, fetch: spy });
  }

  it('signs in with a code asked only when the server wants one, again after a wrong one', async () => {
    await start();
    const member = await world.addMember(world.coalition, 'coordinator', { password: PASSWORD, totp: true });
    expect(codeOf(await failure(staffLogin(client(), member.login, PASSWORD)))).toBe('second-factor-required');
    const asked: number[] = [];
    const session = await staffLogin(client(), member.login, PASSWORD, {
      askCode: async (attempt) => {
        asked.push(attempt);
        return attempt === 1 ? member.totpCode(new Date(h.now().getTime() - 600_000)) : member.totpCode();
      },
    });
    expect(asked).toEqual([1, 2]);
    expect(session.keyring.orgKeys.has(world.coalition.id)).toBe(true);
  });

  it('enrols from the secret the server shows, then needs the code at the next sign-in', async () => {
    await start();
    const member = await world.addMember(world.coalition, 'analyst', { password: PASSWORD });
    const session = await staffLogin(client(), member.login, PASSWORD);
    expect(codeOf(await failure(session.listAlerts()))).toBe('second-factor-enrolment-required');
    const shown = await startTotpEnrolment(session.api);
    const app = new TOTP({ secret: Secret.fromBase32(shown.secret) });
    expect(await confirmTotpEnrolment(session.api, app.generate({ timestamp: h.now().getTime() }))).toMatchObject({ enrolled: true });
    expect(await session.listAlerts()).toEqual([]);
    h.advance(30);
    expect(codeOf(await failure(staffLogin(client(), member.login, PASSWORD)))).toBe('second-factor-required');
    await staffLogin(client(), member.login, PASSWORD, { totp: app.generate({ timestamp: h.now().getTime() }) });
  });

  it('restores an account with the recovery key, replaces that key, and ends old sessions', async () => {
    await start();
    const member = await world.addMember(world.coalition, 'analyst', { password: PASSWORD, totp: true });
    const oldCookie = await member.logIn();
    h.advance(30);

    // SECURITY: recovery never bypasses the second factor.
    expect(codeOf(await failure(recoverAccount(client(), { login: member.login, recoveryKey: member.recoveryKey, newPassword: NEW_PASSWORD })))).toBe('second-factor-required');
    const result = await recoverAccount(client(), {
      login: member.login,
      recoveryKey: member.recoveryKey.toLowerCase().replace(/-/g, ' '),
      newPassword: NEW_PASSWORD,
      replaceRecoveryKey: true,
      askCode: async () => member.totpCode(),
    });
    expect(result.userId).toBe(member.userId);
    expect(result.newRecoveryKey).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    expect(await errorCode(await h.request('GET', ROUTES.me, { cookie: oldCookie }))).toBe('unauthenticated');

    h.advance(30);
    expect(codeOf(await failure(staffLogin(client(), member.login, PASSWORD, { totp: member.totpCode() })))).toBe('invalid-credentials');
    const session = await staffLogin(client(), member.login, NEW_PASSWORD, { totp: member.totpCode() });
    expect(toBase64Url(session.keyring.user.ed25519.publicKey)).toBe(toBase64Url(member.keys.ed25519.publicKey));
    expect(session.keyring.orgKeys.has(world.coalition.id)).toBe(true);

    // The old printed key no longer opens anything; the new one does.
    h.advance(30);
    expect(codeOf(await failure(recoverAccount(client(), { login: member.login, recoveryKey: member.recoveryKey, newPassword: PASSWORD, totp: member.totpCode() })))).toBe('missing-key');
    await recoverAccount(client(), { login: member.login, recoveryKey: result.newRecoveryKey ?? '', newPassword: PASSWORD, totp: member.totpCode() });

    const audit = await h.db.selectFrom('audit_log').select(['object_id', 'details']).where('action', '=', 'recover-account').execute();
    expect(audit).toEqual([
      { object_id: member.userId, details: '{"newRecoveryKey":true,"secondFactor":"totp"}' },
      { object_id: member.userId, details: '{"newRecoveryKey":false,"secondFactor":"totp"}' },
    ]);
  });

  it('refuses a replayed or tampered recovery', async () => {
    await start();
    const member = await world.addMember(world.coalition, 'analyst', { password: PASSWORD });
    rewrite = (body) => ({ ...body, loginKey: toBase64Url(new Uint8Array(32).fill(9)) });
    expect(codeOf(await failure(recoverAccount(client(), { login: member.login, recoveryKey: member.recoveryKey, newPassword: NEW_PASSWORD })))).toBe('recovery-failed');
    rewrite = undefined;
    await recoverAccount(client(), { login: member.login, recoveryKey: member.recoveryKey, newPassword: NEW_PASSWORD });
    const replay = await h.request('POST', SECURITY_ROUTES.recoveryFinish, { json: JSON.parse(finishes.at(-1) ?? '{}') });
    expect([replay.status, await errorCode(replay)]).toEqual([401, 'recovery-failed']);
    await staffLogin(client(), member.login, NEW_PASSWORD);
  });

  it('answers an unknown login with a stable fake of the same shape, refused like a wrong key', async () => {
    await start();
    const member = await world.addMember(world.coalition, 'analyst');
    const ask = async (login: string) => (await h.request('POST', SECURITY_ROUTES.recoveryStart, { json: { login } })).json() as Promise<Record<string, unknown>>;
    const [fakeA, fakeB, real] = [await ask('nobody@test.ml'), await ask('nobody@test.ml'), await ask(member.login)];
    expect(Object.keys(fakeA).sort()).toEqual(Object.keys(real).sort());
    expect(fakeA['userId']).toBe(fakeB['userId']);
    expect(fakeA['recoveryWrappedKeys']).toBe(fakeB['recoveryWrappedKeys']);
    expect(String(fakeA['recoveryWrappedKeys']).length).toBe(String(real['recoveryWrappedKeys']).length);
    expect(String(fakeA['recoveryWrappedKeys']).slice(0, 20)).toBe(String(real['recoveryWrappedKeys']).slice(0, 20));
    expect(fakeA['challenge']).not.toBe(fakeB['challenge']);
    const error = await failure(recoverAccount(client(), { login: 'nobody@test.ml', recoveryKey: member.recoveryKey, newPassword: NEW_PASSWORD }));
    expect([codeOf(error), (error as ClientError).issues]).toEqual(['missing-key', ['recoveryKey']]);
  });
});
