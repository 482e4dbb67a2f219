/**
 * The HTTP boundary: security headers, caching, error answers for bad input, unknown routes,
 * CSRF, authentication and the web pages, on both database dialects.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSRF_HEADER, ROUTES } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { JSON_BODY_LIMIT } from './body-limits.ts';
import { DEFAULT_CSP } from './security-headers.ts';
import { createHarness, errorCode, WEB_INDEX } from './testing/harness.ts';
import type { Harness } from './testing/harness.ts';
import { setUp } from './testing/flows.ts';

function expectSecurityHeaders(response: Response): void {
  const h = response.headers;
  expect(h.get('content-security-policy')).toBe(DEFAULT_CSP);
  expect(h.get('content-security-policy')).not.toMatch(/unsafe-(inline|eval)/);
  expect(h.get('x-content-type-options')).toBe('nosniff');
  expect(h.get('referrer-policy')).toBe('no-referrer');
  expect(h.get('permissions-policy')).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(self\).*payment=\(\).*usb=\(\).*interest-cohort=\(\)/);
  expect(h.get('x-frame-options')).toBe('DENY');
  expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(h.get('cross-origin-resource-policy')).toBe('same-origin');
}

describe.each(DATABASE_KINDS)('HTTP boundary on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers /healthz with the dialect, no-store and security headers', async () => {
    const response = await h.request('GET', ROUTES.health);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: '0.1.0', database: kind, setUp: false });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expectSecurityHeaders(response);
  });

  it('answers unknown API routes with a 404 JSON error and the headers', async () => {
    for (const [method, url] of [['GET', '/api/nothing-here'], ['POST', '/api/submissions/x/y']] as const) {
      const response = await h.request(method, url);
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await errorCode(response)).toBe('not-found');
      expectSecurityHeaders(response);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers wrong methods on known routes with 405, an Allow header and the JSON error', async () => {
    const cases = [
      ['DELETE', ROUTES.submissions, 'POST'],
      ['GET', ROUTES.submissions, 'POST'],
      ['PUT', ROUTES.health, 'GET, HEAD'],
      ['GET', ROUTES.chunk('A'.repeat(22), 'B'.repeat(22), 0), 'PUT'],
    ] as const;
    for (const [method, url, allow] of cases) {
      const response = await h.request(method, url);
      expect(response.status, `${method} ${url}`).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      expect(await errorCode(response)).toBe('method-not-allowed');
      expectSecurityHeaders(response);
    }
  });

  it('refuses JSON in another charset or that is not valid UTF-8', async () => {
    const body = JSON.stringify({ login: 'nobody@x.ml' });
    const latin1 = await h.request('POST', ROUTES.authSalt, { body, contentType: 'application/json; charset=iso-8859-1' });
    expect([latin1.status, await errorCode(latin1)]).toEqual([400, 'bad-request']);
    const broken = Uint8Array.from([...new TextEncoder().encode('{"login":"a'), 0xff, 0xfe, ...new TextEncoder().encode('@x.ml"}')]);
    const invalid = await h.request('POST', ROUTES.authSalt, { body: broken, contentType: 'application/json' });
    expect([invalid.status, await errorCode(invalid)]).toEqual([400, 'bad-request']);
    const utf8 = await h.request('POST', ROUTES.authSalt, { body, contentType: 'application/json; charset=UTF-8' });
    expect(utf8.status).toBe(200);
  });

  it('refuses malformed JSON, a wrong content type and a wrong shape with stable 4xx codes', async () => {
    const malformed = await h.request('POST', ROUTES.submissions, { body: '{"submissionId":', contentType: 'application/json' });
    expect(malformed.status).toBe(400);
    expect(await errorCode(malformed)).toBe('bad-request');

    const wrongType = await h.request('POST', ROUTES.submissions, { body: 'submissionId=x', contentType: 'application/x-www-form-urlencoded' });
    expect(wrongType.status).toBe(415);
    expect(await errorCode(wrongType)).toBe('unsupported-media-type');

    const wrongShape = await h.request('POST', ROUTES.submissions, { json: { submissionId: 42, purpose: 'alert', declaredBytes: -1, pow: { challenge: 'x', nonce: 'y' }, extra: 'secret-value' } });
    expect(wrongShape.status).toBe(400);
    const body = (await wrongShape.json()) as { error: { code: string; message: string; issues: string[] } };
    expect(body.error.code).toBe('validation-failed');
    expect(body.error.issues).toEqual(expect.arrayContaining(['submissionId', 'declaredBytes']));
    // Issues name paths, never values.
    expect(JSON.stringify(body)).not.toContain('secret-value');
  });

  it('answers malformed URLs and ids with 4xx, never a 500', async () => {
    const probes: [string, string][] = [
      ['POST', '/api/submissions/%E0%A4%A/finalize'],
      ['PUT', '/api/submissions/%ZZ/blobs/x/chunks/1'],
      ['PUT', '/api/submissions/short/blobs/x/chunks/-1'],
      ['GET', '/assets/%2e%2e/%2e%2e/package.json'],
    ];
    for (const [method, url] of probes) {
      const response = await h.request(method, url, method === 'GET' ? {} : { json: {} });
      expect(response.status, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${method} ${url}`).toBeLessThan(500);
    }
    // A page path the browser cannot decode is still only a page: the reporter app answers it.
    expect((await h.request('GET', '/%E0%A4%A')).status).toBe(200);
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const response = await h.request('POST', ROUTES.submissions, { body: `{"pad":"${'x'.repeat(JSON_BODY_LIMIT)}"}`, contentType: 'application/json' });
    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe('payload-too-large');
    expectSecurityHeaders(response);
  });

  it('translates error messages: French by default, English when preferred', async () => {
    const fr = (await (await h.request('GET', '/api/nope')).json()) as { error: { message: string } };
    expect(fr.error.message).toBe('Introuvable.');
    const en = await h.request('GET', '/api/nope', { headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' } });
    expect(((await en.json()) as { error: { message: string } }).error.message).toBe('Not found.');
    const frFirst = await h.request('GET', '/api/nope', { headers: { 'accept-language': 'fr-ML, en;q=0.8' } });
    expect(((await frFirst.json()) as { error: { message: string } }).error.message).toBe('Introuvable.');
  });

  it('requires a session on staff routes (401) and the CSRF header on changes (403)', async () => {
    const unauthenticated = await h.request('GET', ROUTES.staffAlerts);
    expect(unauthenticated.status).toBe(401);
    expect(await errorCode(unauthenticated)).toBe('unauthenticated');
    expect((await h.request('GET', ROUTES.me)).status).toBe(401);

    const noHeader = await h.request('POST', ROUTES.authLogin, { json: { login: 'someone', loginKey: 'A'.repeat(43) }, csrf: false });
    expect(noHeader.status).toBe(403);
    expect(await errorCode(noHeader)).toBe('csrf-rejected');

    const foreign = await h.request('POST', ROUTES.authLogin, { json: { login: 'someone', loginKey: 'A'.repeat(43) }, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(await errorCode(foreign)).toBe('csrf-rejected');

    const transition = await h.request('POST', ROUTES.staffTransitions('A'.repeat(22)), { json: {}, csrf: false });
    expect(await errorCode(transition)).toBe('csrf-rejected');
  });

  it('accepts our own origin, or the origin of the request host', async () => {
    for (const origin of ['https://kenekanko.test', 'http://kenekanko.test']) {
      const response = await h.request('POST', ROUTES.authLogin, { json: { login: 'nobody', loginKey: 'A'.repeat(43) }, headers: { origin } });
      expect(await errorCode(response), origin).toBe('invalid-credentials');
    }
    expect(CSRF_HEADER).toBe('x-kenekanko-csrf');
  });

  it('serves the reporter page, the desk, assets with the right types and caching', async () => {
    const index = await h.request('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-store');
    expect(await index.text()).toBe(WEB_INDEX);
    expectSecurityHeaders(index);

    for (const path of ['/desk', '/desk/alerts/abc', '/setup']) {
      const desk = await h.request('GET', path);
      expect(await desk.text(), path).toContain('<body>desk</body>');
    }
    expect(await (await h.request('GET', '/some/reporter/route')).text()).toContain('<body>reporter</body>');

    const js = await h.request('GET', '/assets/app-abc123.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(js);
    expect((await h.request('GET', '/assets/style-abc123.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await h.request('GET', '/manifest.webmanifest')).headers.get('content-type')).toMatch(/^application\/manifest\+json/);

    const missing = await h.request('GET', '/assets/missing-000.js');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    expect((await h.request('GET', '/..%2F..%2Fsecrets%2Fserver-secret.key')).status).toBe(404);
  });

  it('pins the coalition key in every HTML page once set up', async () => {
    const d = await setUp(h);
    const key = Buffer.from(d.coalition.publicKey).toString('base64url');
    for (const path of ['/', '/desk', '/anything']) {
      const html = await (await h.request('GET', path)).text();
      expect(html).toContain(`<meta name="kenekanko-pins" content="${key}">`);
      expect(html).not.toContain('content=""');
    }
  });
});

describe('without a web build', () => {
  it('tells the operator to build the front end', async () => {
    const h = await createHarness('sqlite', {}, { webBuild: false });
    try {
      const response = await h.request('GET', '/');
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build -w @kenekanko/web');
      expectSecurityHeaders(response);
    } finally {
      await h.close();
    }
  });
});
