import { describe, expect, it } from 'vitest';
import { ROUTES } from '@kenekanko/contracts';
import { randomBytes } from '@kenekanko/crypto';
import { createApiClient } from './api-client.ts';
import { prepareAlert } from './prepare-alert.ts';
import { sendPrepared } from './send-prepared.ts';
import type { SealedSubmission } from './sealed-submission.ts';
import { trustIntake } from './trusted-intake.ts';
import type { SubmitProgress } from './types.ts';
import { draft, signedIntake } from '../test/intake-fixture.ts';
import { errorResponse, jsonResponse, recordingFetch } from '../test/fake-fetch.ts';
import type { RecordedRequest } from '../test/fake-fetch.ts';

const fixture = signedIntake();
const file = { name: 'photo.jpg', type: 'image/jpeg', bytes: randomBytes(600_000), scrub: 'cleaned' } as const;
const CHALLENGE = { challenge: 'ZnJlc2hmcmVzaGZyZXNoZnJl', bits: 0, expiresAt: '2999-01-01T00:00:00.000Z' };

/** The server's side of the protocol, as far as sending needs it: one submission, idempotent. */
function fakeServer(options: { failPut?: (n: number) => boolean; offline?: () => boolean } = {}) {
  const stored = new Map<string, Set<number>>();
  const alerts: string[] = [];
  let finalized: { alertId: string; receivedDay: string } | null = null;
  let puts = 0;
  const handle = (request: RecordedRequest): Response => {
    if (options.offline?.() === true) throw new TypeError('Failed to fetch');
    if (request.path === ROUTES.pow) return jsonResponse(200, CHALLENGE);
    if (request.path === ROUTES.submissions) {
      const received = Object.fromEntries([...stored].map(([blob, set]) => [blob, [...set]]));
      const body = request.body as { submissionId: string };
      return jsonResponse(200, { submissionId: body.submissionId, state: finalized === null ? 'open' : 'finalized', receivedChunks: received });
    }
    const chunk = /\/blobs\/([^/]+)\/chunks\/(\d+)$/.exec(request.path);
    if (request.method === 'PUT' && chunk !== null) {
      puts += 1;
      if (options.failPut?.(puts) === true) return errorResponse(503, 'internal');
      const [, blobId = '', index = ''] = chunk;
      stored.set(blobId, (stored.get(blobId) ?? new Set()).add(Number(index)));
      return jsonResponse(200, { stored: true });
    }
    const done = /\/api\/submissions\/([^/]+)\/finalize$/.exec(request.path);
    if (done !== null) {
      if (finalized === null) {
        finalized = { alertId: done[1] ?? '', receivedDay: '2026-12-03' };
        alerts.push(finalized.alertId);
      }
      return jsonResponse(200, finalized);
    }
    return errorResponse(404, 'not-found');
  };
  const server = recordingFetch(handle);
  const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
  const chunkPuts = () => server.requests.filter((r) => r.method === 'PUT').map((r) => r.path.replace(/.*\/blobs\//, ''));
  return { ...server, api, alerts, stored, chunkPuts };
}

async function sealedWithFile(): Promise<SealedSubmission> {
  return (await prepareAlert(trustIntake(fixture.intake, fixture.intake.coalitionSigningPublic), { ...draft, files: [file] })).sealed;
}

describe('sendPrepared', () => {
  it('uploads every chunk and finalizes, reporting bytes sent over the whole package', async () => {
    const sealed = await sealedWithFile();
    const server = fakeServer();
    const progress: SubmitProgress[] = [];
    const result = await sendPrepared(server.api, sealed, { onProgress: (p) => progress.push(p), retryDelayMs: 1 });
    expect(result.alertId).toBe(sealed.submissionId);
    expect(server.chunkPuts()).toHaveLength(3);
    const uploading = progress.filter((p) => p.phase === 'uploading');
    expect(uploading.map((p) => p.sentBytes)).toEqual([...uploading.map((p) => p.sentBytes)].sort((a, b) => a - b));
    expect(uploading.at(-1)?.sentBytes).toBe(uploading.at(-1)?.totalBytes);
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['proof-of-work', 'uploading', 'finalizing']);
  });

  it('solves a fresh challenge at send time: a package carries no proof of work', async () => {
    const sealed = await sealedWithFile();
    const server = fakeServer();
    await sendPrepared(server.api, sealed, { retryDelayMs: 1 });
    expect(server.requests[0]?.path).toBe(ROUTES.pow);
    expect(JSON.stringify(sealed.finalize)).not.toContain('nonce');
  });

  it('resumes after the third chunk fails: no chunk is sent twice', async () => {
    const sealed = await sealedWithFile();
    const server = fakeServer({ failPut: (n) => n === 3 });
    await sendPrepared(server.api, sealed, { retryDelayMs: 1 });
    const puts = server.chunkPuts();
    expect(puts).toHaveLength(4); // 0, 1, 2 (refused), 2 again
    expect(new Set(puts).size).toBe(3);
    expect(server.alerts).toHaveLength(1);
  });

  it('sent again with the same package (a retry, a reload), files one alert and re-sends nothing stored', async () => {
    const sealed = await sealedWithFile();
    let offline = false;
    const server = fakeServer({ offline: () => offline, failPut: (n) => (n === 2 ? ((offline = true), false) : false) });
    // The network drops after the second chunk and retries run out: the package is kept.
    await expect(sendPrepared(server.api, sealed, { retryDelayMs: 1, maxRetries: 1 })).rejects.toMatchObject({ name: 'NetworkError' });
    const beforeResume = server.chunkPuts();
    expect(beforeResume).toHaveLength(3); // chunks 0 and 1 stored, chunk 2 never answered
    offline = false;
    const first = await sendPrepared(server.api, sealed, { retryDelayMs: 1 });
    // Only the chunk the server lacked went again.
    expect(server.chunkPuts().slice(beforeResume.length)).toEqual([beforeResume[2]]);
    const second = await sendPrepared(server.api, structuredClone(sealed), { retryDelayMs: 1 });
    expect(second).toEqual(first);
    expect(server.alerts).toEqual([sealed.submissionId]);
    expect(server.chunkPuts()).toHaveLength(4);
  });
});
