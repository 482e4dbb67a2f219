import { describe, expect, it } from 'vitest';
import { FORWARDING_ROUTES, ROUTES } from '@kenekanko/contracts';
import { PURPOSES, fromBase64Url, verifyStatement } from '@kenekanko/crypto';
import { createApiClient } from './api-client.ts';
import { consentStatement } from './forwarding/consent-statement.ts';
import { parseSealedSubmission } from './parse-sealed-submission.ts';
import { prepareAlert } from './prepare-alert.ts';
import { sendPrepared } from './send-prepared.ts';
import type { SealedSubmission } from './sealed-submission.ts';
import { trustIntake } from './trusted-intake.ts';
import { draft, signedIntake } from '../test/intake-fixture.ts';
import { errorResponse, jsonResponse, recordingFetch } from '../test/fake-fetch.ts';
import type { RecordedRequest } from '../test/fake-fetch.ts';

const fixture = signedIntake();
const CHALLENGE = { challenge: 'ZnJlc2hmcmVzaGZyZXNoZnJl', bits: 0, expiresAt: '2999-01-01T00:00:00.000Z' };

const seal = async (shareWithJournalists: boolean): Promise<SealedSubmission> =>
  (await prepareAlert(trustIntake(fixture.intake, fixture.intake.coalitionSigningPublic), { ...draft, consents: { shareWithJournalists } })).sealed;

/** Finalize succeeds; the consent route answers as `consent` says (one call at a time). */
function fakeServer(consent: (n: number, body: Record<string, unknown>) => Response) {
  let consents = 0;
  const handle = (request: RecordedRequest): Response => {
    if (request.path === ROUTES.pow) return jsonResponse(200, CHALLENGE);
    const body = request.body as Record<string, unknown>;
    if (request.path === ROUTES.submissions) return jsonResponse(200, { submissionId: body['submissionId'], state: 'open', receivedChunks: {} });
    const done = /\/api\/submissions\/([^/]+)\/finalize$/.exec(request.path);
    if (done !== null) return jsonResponse(200, { alertId: done[1] ?? '', receivedDay: '2026-12-03' });
    if (request.path === FORWARDING_ROUTES.reporterConsent) return consent(++consents, body);
    return errorResponse(404, 'not-found');
  };
  const server = recordingFetch(handle);
  const consentBodies = () => server.requests.filter((r) => r.path === FORWARDING_ROUTES.reporterConsent).map((r) => r.body as Record<string, unknown>);
  return { api: createApiClient({ baseUrl: 'http://x', fetch: server.fetch }), requests: server.requests, consentBodies };
}

const accepted = () => jsonResponse(200, { journalistConsent: true });

describe('the consent to journalists ticked in the form', () => {
  it('is signed while sealing, over the alert id, by the key the server will verify it with', async () => {
    const sealed = await seal(true);
    const signature = sealed.journalistConsent ?? '';
    const publicKey = fromBase64Url(sealed.finalize.reporterEd25519Public);
    expect(verifyStatement(PURPOSES.reporterConsent, { ...consentStatement(sealed.submissionId) }, fromBase64Url(signature), publicKey)).toBe(true);
    expect(verifyStatement(PURPOSES.reporterConsent, { ...consentStatement('another-alert-id-000000') }, fromBase64Url(signature), publicKey)).toBe(false);
  });

  it('is absent when not ticked, and a package kept with or without it reads back the same', async () => {
    const unticked = await seal(false);
    expect('journalistConsent' in unticked).toBe(false);
    expect(parseSealedSubmission(structuredClone(unticked))).toEqual(unticked);
    const ticked = await seal(true);
    expect(parseSealedSubmission(structuredClone(ticked)).journalistConsent).toBe(ticked.journalistConsent);
    expect(() => parseSealedSubmission({ ...ticked, journalistConsent: 'not-a-signature' })).toThrow();
  });

  it('is posted right after finalize, with the lookup token, and reported as sent', async () => {
    const sealed = await seal(true);
    const server = fakeServer(accepted);
    const result = await sendPrepared(server.api, sealed, { retryDelayMs: 1 });
    expect(result.journalistConsent).toBe('sent');
    const paths = server.requests.map((r) => r.path);
    expect(paths.indexOf(FORWARDING_ROUTES.reporterConsent)).toBeGreaterThan(paths.findIndex((p) => p.endsWith('/finalize')));
    expect(server.consentBodies()).toEqual([{ lookupToken: sealed.finalize.lookupToken, signature: sealed.journalistConsent }]);
  });

  it('is not posted when not ticked', async () => {
    const server = fakeServer(accepted);
    const result = await sendPrepared(server.api, await seal(false), { retryDelayMs: 1 });
    expect(result.journalistConsent).toBe('none');
    expect(server.consentBodies()).toHaveLength(0);
  });

  it('is retried after a server error, and solves work only when the server asks for it', async () => {
    const server = fakeServer((n) => (n === 1 ? errorResponse(503, 'internal') : n === 2 ? errorResponse(429, 'pow-required') : accepted()));
    const result = await sendPrepared(server.api, await seal(true), { retryDelayMs: 1 });
    expect(result.journalistConsent).toBe('sent');
    expect(server.consentBodies().map((body) => 'pow' in body)).toEqual([false, false, true]);
  });

  it('failing to post it never loses the alert: the send succeeds and says the consent was not sent', async () => {
    const sealed = await seal(true);
    const server = fakeServer(() => errorResponse(503, 'internal'));
    const result = await sendPrepared(server.api, sealed, { retryDelayMs: 1, maxRetries: 2 });
    expect(result).toEqual({ alertId: sealed.submissionId, receivedDay: '2026-12-03', journalistConsent: 'not-sent' });
    expect(server.consentBodies()).toHaveLength(3);
  });
});
