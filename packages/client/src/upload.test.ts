import { describe, expect, it } from 'vitest';
import { ROUTES } from '@kenekanko/contracts';
import { createApiClient } from './api-client.ts';
import { ApiError, ClientError } from './errors.ts';
import { createPowSource } from './pow.ts';
import { uploadChunks } from './upload.ts';
import type { UploadPlan } from './upload.ts';
import { errorResponse, jsonResponse, recordingFetch } from '../test/fake-fetch.ts';
import type { RecordedRequest } from '../test/fake-fetch.ts';

const SUBMISSION = 'SSSSSSSSSSSSSSSSSSSSSS';
const BLOB_A = 'AAAAAAAAAAAAAAAAAAAAAA';
const BLOB_B = 'BBBBBBBBBBBBBBBBBBBBBB';
const CHALLENGE = { challenge: 'Y2hhbGxlbmdlY2hhbGxlbmdl', bits: 0, expiresAt: '2999-01-01T00:00:00.000Z' };
const policy = { maxRetries: 3, delayMs: 1 };

const plan: UploadPlan = {
  submissionId: SUBMISSION,
  purpose: 'alert',
  blobs: [
    { blobId: BLOB_A, chunks: [Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3)] },
    { blobId: BLOB_B, chunks: [Uint8Array.of(4)] },
  ],
};

type Behaviour = {
  /** 'blob:index' keys: stored by the server, then the answer is lost (the fetch rejects). */
  readonly loseAnswerOnce?: Set<string>;
  /** Refuse the first open's proof of work. */
  readonly refuseFirstPow?: boolean;
  /** Answer every PUT with this error. */
  readonly putError?: () => Response;
};

function fakeUploadServer(behaviour: Behaviour = {}) {
  const stored = new Map<string, number[]>();
  let opens = 0;
  const puts: string[] = [];
  const handle = (request: RecordedRequest): Response => {
    if (request.path === ROUTES.pow) return jsonResponse(200, { ...CHALLENGE, challenge: 'ZnJlc2hmcmVzaGZyZXNoZnJl' });
    if (request.path === ROUTES.submissions) {
      opens += 1;
      if (behaviour.refuseFirstPow === true && opens === 1) return errorResponse(400, 'pow-required');
      return jsonResponse(200, { submissionId: SUBMISSION, state: 'open', receivedChunks: Object.fromEntries(stored) });
    }
    const match = /\/blobs\/([^/]+)\/chunks\/(\d+)$/.exec(request.path);
    if (request.method === 'PUT' && match !== null) {
      const [, blobId = '', index = ''] = match;
      puts.push(`${blobId}:${index}`);
      if (behaviour.putError !== undefined) return behaviour.putError();
      stored.set(blobId, [...(stored.get(blobId) ?? []), Number(index)]);
      if (behaviour.loseAnswerOnce?.delete(`${blobId}:${index}`) === true) throw new TypeError('connection reset');
      return jsonResponse(200, { stored: true });
    }
    return errorResponse(404, 'not-found');
  };
  const server = recordingFetch(handle);
  return { ...server, stored, puts, opens: () => opens };
}

describe('uploadChunks', () => {
  it('sends every chunk once when nothing fails', async () => {
    const server = fakeUploadServer();
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    const progress: number[] = [];
    await uploadChunks(api, plan, createPowSource(api, CHALLENGE), policy, { onSent: (sent) => progress.push(sent) });
    expect(server.puts).toEqual([`${BLOB_A}:0`, `${BLOB_A}:1`, `${BLOB_A}:2`, `${BLOB_B}:0`]);
    expect(progress.at(-1)).toBe(4);
  });

  it('after a lost answer, re-opens the submission and sends only the chunks the server lacks', async () => {
    const server = fakeUploadServer({ loseAnswerOnce: new Set([`${BLOB_A}:1`]) });
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    await uploadChunks(api, plan, createPowSource(api, CHALLENGE), policy);
    expect(server.opens()).toBe(2);
    // Chunk 1 reached the server before the connection dropped: it is not sent again.
    expect(server.puts).toEqual([`${BLOB_A}:0`, `${BLOB_A}:1`, `${BLOB_A}:2`, `${BLOB_B}:0`]);
  });

  it('solves a fresh challenge when the server refuses the proof of work', async () => {
    const server = fakeUploadServer({ refuseFirstPow: true });
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    await uploadChunks(api, plan, createPowSource(api, CHALLENGE), policy);
    const opens = server.requests.filter((r) => r.path === ROUTES.submissions);
    expect(opens.map((r) => (r.body as { pow: { challenge: string } }).pow.challenge)).toEqual([CHALLENGE.challenge, 'ZnJlc2hmcmVzaGZyZXNoZnJl']);
  });

  it('does not retry a refusal', async () => {
    const server = fakeUploadServer({ putError: () => errorResponse(413, 'payload-too-large') });
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    await expect(uploadChunks(api, plan, createPowSource(api, CHALLENGE), policy)).rejects.toBeInstanceOf(ApiError);
    expect(server.puts).toHaveLength(1);
  });

  it('gives up after maxRetries consecutive failures', async () => {
    const server = fakeUploadServer({ putError: () => errorResponse(503, 'quota-exceeded') });
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    const error = await uploadChunks(api, plan, createPowSource(api, CHALLENGE), policy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ code: 'upload-failed' });
    expect(server.puts).toHaveLength(policy.maxRetries + 1);
  });
});
