import { describe, expect, it } from 'vitest';
import { CSRF_HEADER, ROUTES, errorMessage } from '@kenekanko/contracts';
import { createApiClient } from './api-client.ts';
import { createIntakeApiClient } from './intake-api-client.ts';
import { ApiError, ClientError, NetworkError } from './errors.ts';
import { errorResponse, jsonResponse, recordingFetch } from '../test/fake-fetch.ts';

const ID = 'AAAAAAAAAAAAAAAAAAAAAA';
const TOKEN = 'x'.repeat(43);

describe('createApiClient', () => {
  it('sends JSON with the CSRF header, the language and same-origin credentials, and parses the answer', async () => {
    const server = recordingFetch(() => jsonResponse(200, { salt: 'c2FsdHNhbHRzYWx0c2FsdA', argon2: 1 }));
    const api = createApiClient({ baseUrl: 'http://desk.example/', fetch: server.fetch, language: 'en' });
    await expect(api.salt('amina')).resolves.toEqual({ salt: 'c2FsdHNhbHRzYWx0c2FsdA', argon2: 1 });
    const [request] = server.requests;
    expect(request?.url).toBe(`http://desk.example${ROUTES.authSalt}`);
    expect(request?.method).toBe('POST');
    expect(request?.headers.get(CSRF_HEADER)).toBe('1');
    expect(request?.headers.get('accept-language')).toBe('en');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.credentials).toBe('same-origin');
    expect(request?.body).toEqual({ login: 'amina' });
  });

  it('asks the browser to send no cookie from an anonymous intake client', async () => {
    const server = recordingFetch(() => jsonResponse(200, { challenge: 'AA', bits: 0, expiresAt: '2026-01-01T00:00:00.000Z' }));
    await createIntakeApiClient({ baseUrl: 'http://x', fetch: server.fetch }).pow();
    await createIntakeApiClient({ baseUrl: 'http://x', fetch: server.fetch, anonymous: true }).pow();
    // A desk session in the same browser (a focal point's) must not travel with an alert.
    expect(server.requests.map((request) => request.credentials)).toEqual(['same-origin', 'omit']);
  });

  it('puts lookup tokens and login keys in bodies, never in the URL', async () => {
    const server = recordingFetch(() => errorResponse(404, 'receipt-not-found'));
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    await expect(api.reporterAlert(TOKEN)).rejects.toBeInstanceOf(ApiError);
    await expect(api.login('amina', TOKEN)).rejects.toBeInstanceOf(ApiError);
    await expect(api.reporterPostMessage(TOKEN, { seq: 1, envelope: 'e'.repeat(40), signature: 's'.repeat(86), attachments: null })).rejects.toBeInstanceOf(ApiError);
    for (const request of server.requests) {
      expect(request.url).not.toContain(TOKEN);
      expect(JSON.stringify(request.body)).toContain(TOKEN);
    }
  });

  it('turns an error body into an ApiError with the server message', async () => {
    const server = recordingFetch(() => errorResponse(401, 'invalid-credentials', 'Wrong login or password.'));
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    const error = await api.login('amina', TOKEN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid-credentials', status: 401, message: 'Wrong login or password.' });
  });

  it('falls back to a translated message when the error body is not ours', async () => {
    const server = recordingFetch(() => new Response('<html>bad gateway</html>', { status: 502 }));
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch, language: 'fr' });
    await expect(api.intake()).rejects.toMatchObject({ code: 'internal', status: 502, message: errorMessage('internal', 'fr') });
  });

  it('reports a failed fetch as a NetworkError', async () => {
    const api = createApiClient({
      baseUrl: 'http://x',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    await expect(api.intake()).rejects.toBeInstanceOf(NetworkError);
  });

  it('refuses an answer that does not match its schema', async () => {
    const server = recordingFetch(() => jsonResponse(200, { salt: 'not base64url!', argon2: 1 }));
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    const error = await api.salt('amina').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ code: 'bad-response', issues: ['salt'] });
  });

  it('refuses a path parameter that is not an id, without a request and without quoting it', async () => {
    const server = recordingFetch(() => jsonResponse(200, {}));
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    const secret = '123456789012345678901234';
    const error = await api.staffAlert(secret).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect(String(error)).not.toContain(secret);
    expect(server.requests).toHaveLength(0);
  });

  it('keeps the session cookie in memory outside a browser, and forgets it on logout', async () => {
    const server = recordingFetch((request) => {
      if (request.path === ROUTES.authLogin) {
        return jsonResponse(200, { userId: ID }, { 'set-cookie': '__Host-kk_session=abc123; Path=/; Secure; HttpOnly; SameSite=Strict' });
      }
      return new Response(null, { status: 204 });
    });
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch, cookieJar: true });
    await api.login('amina', TOKEN);
    await api.logout();
    await api.logout();
    expect(server.requests[0]?.headers.get('cookie')).toBeNull();
    expect(server.requests[1]?.headers.get('cookie')).toBe('__Host-kk_session=abc123');
    expect(server.requests[2]?.headers.get('cookie')).toBeNull();
  });

  it('tells onRequest about every request, with its method and path', async () => {
    const seen: string[] = [];
    const server = recordingFetch(() => jsonResponse(200, { alerts: [] }));
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch, onRequest: ({ method, path }) => seen.push(`${method} ${path}`) });
    await api.inbox({ state: 'received' });
    expect(seen).toEqual([`GET ${ROUTES.staffAlerts}?state=received`]);
  });

  it('sends chunks as octet-stream to the chunk route', async () => {
    const server = recordingFetch(() => jsonResponse(200, { stored: true }));
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    const chunk = Uint8Array.of(1, 2, 3);
    await expect(api.putChunk(ID, ID, 2, chunk)).resolves.toEqual({ stored: true });
    expect(server.requests[0]).toMatchObject({ method: 'PUT', path: ROUTES.chunk(ID, ID, 2), body: chunk });
    expect(server.requests[0]?.headers.get('content-type')).toBe('application/octet-stream');
  });
});
