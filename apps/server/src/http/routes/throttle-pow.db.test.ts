/**
 * M1/M2: throttles cost work instead of locking people out. A flood of random receipts, or of
 * wrong keys for a known staff login, fills the shared buckets; the real reporter and the real
 * coordinator still get in, paying a proof of work that @kenekanko/client solves for them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '@kenekanko/client';
import { randomBytes, toBase64Url } from '@kenekanko/crypto';
import { ROUTES } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { LOGIN_THROTTLES } from '../../features/accounts/index.ts';
import { REPORTER_THROTTLES } from '../../features/reporter/index.ts';
import { createHarness, errorCode, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { fileAlert, setUp, solvedPow } from '../testing/flows.ts';
import type { Deployment } from '../testing/flows.ts';

describe.each(DATABASE_KINDS)('throttles that cost work on %s', (kind) => {
  let h: Harness;
  let d: Deployment;
  beforeEach(async () => {
    h = await createHarness(kind);
    d = await setUp(h);
  });
  afterEach(async () => {
    await h.close();
  });
  const api = () => createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch, cookieJar: true });

  it('a flood of random receipts does not stop a real reporter: they pay a proof of work', async () => {
    const { alertId, keys } = await fileAlert(h, d);
    for (let i = 0; i < REPORTER_THROTTLES.lookupGlobal.limit; i++) {
      await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken: toBase64Url(randomBytes(32)) } });
    }
    const bare = await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken: keys.lookupToken } });
    expect(await errorCode(bare)).toBe('pow-required');
    const forged = await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken: keys.lookupToken, pow: { challenge: toBase64Url(randomBytes(32)), nonce: 'AAAAAAAAAAA' } } });
    expect(await errorCode(forged)).toBe('pow-required');
    expect((await api().reporterAlert(keys.lookupToken)).alertId).toBe(alertId);
  });

  it('a spent solution cannot be replayed for a second look-up', async () => {
    const { keys } = await fileAlert(h, d);
    for (let i = 0; i < REPORTER_THROTTLES.lookupGlobal.limit; i++) {
      await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken: toBase64Url(randomBytes(32)) } });
    }
    const pow = await solvedPow(h);
    expect((await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken: keys.lookupToken, pow } })).status).toBe(200);
    expect(await errorCode(await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken: keys.lookupToken, pow } }))).toBe('pow-required');
  });

  it('still refuses one token looked up too often (a wall per token, a typo at most)', async () => {
    const guessed = toBase64Url(randomBytes(32));
    for (let i = 0; i < REPORTER_THROTTLES.lookupPerToken.limit; i++) await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken: guessed } });
    const blocked = await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken: guessed, pow: await solvedPow(h) } });
    expect(await errorCode(blocked)).toBe('throttled');
  });

  it('a flood of wrong keys for the coordinator does not lock the coordinator out', async () => {
    const wrong = toBase64Url(randomBytes(32));
    for (let i = 0; i < LOGIN_THROTTLES.perLogin.limit + 5; i++) {
      await h.request('POST', ROUTES.authLogin, { json: { login: d.login, loginKey: wrong } });
    }
    const guess = await h.request('POST', ROUTES.authLogin, { json: { login: d.login, loginKey: wrong } });
    expect(await errorCode(guess)).toBe('pow-required');
    const client = api();
    expect((await client.salt(d.login)).salt).toBe(d.salt);
    expect((await client.login(d.login, d.loginKey)).userId).toBe(d.coordinatorId);
    expect((await client.me()).user.id).toBe(d.coordinatorId);
  });

  it('a flood of salt requests costs work, not a lockout', async () => {
    for (let i = 0; i < LOGIN_THROTTLES.saltGlobal.limit; i++) {
      await h.request('POST', ROUTES.authSalt, { json: { login: `x${i}@example.ml` } });
    }
    expect(await errorCode(await h.request('POST', ROUTES.authSalt, { json: { login: d.login } }))).toBe('pow-required');
    expect((await api().salt(d.login)).salt).toBe(d.salt);
  });
});
