/** The upload protocol: proof of work, idempotent chunks, idempotent finalize, expiry. */
import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBase64Url, randomBytes, solvePow, toBase64Url } from '@kenekanko/crypto';
import { ROUTES } from '@kenekanko/contracts';
import type { PowChallenge } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { newId } from '../../features/shared/ids.ts';
import { MAX_CHUNK_ENVELOPE_BYTES } from '../../features/submissions/index.ts';
import { createHarness, errorCode } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { finalizeRequest, openSubmission, putChunk, setUp, solvedPow } from '../testing/flows.ts';
import type { Deployment } from '../testing/flows.ts';

async function filesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir, { recursive: true });
  } catch {
    return [];
  }
}

describe.each(DATABASE_KINDS)('submissions on %s', (kind) => {
  let h: Harness;
  let d: Deployment;
  beforeEach(async () => {
    h = await createHarness(kind);
    d = await setUp(h);
  });
  afterEach(async () => {
    await h.close();
  });

  const open = (submissionId: string, pow: unknown, declaredBytes = 1000) =>
    h.request('POST', ROUTES.submissions, { json: { submissionId, purpose: 'alert', declaredBytes, pow } });

  it('needs a valid proof of work, once', async () => {
    const missing = await open(newId(), { challenge: '', nonce: '' });
    expect(await errorCode(missing)).toBe('pow-required');

    const pow = await solvedPow(h);
    expect((await open(newId(), pow)).status).toBe(200);
    const replayed = await open(newId(), pow);
    expect(replayed.status).toBe(400);
    expect(await errorCode(replayed)).toBe('pow-required');
  });

  it('refuses an expired proof of work', async () => {
    const pow = await solvedPow(h);
    h.advance(31 * 60);
    expect(await errorCode(await open(newId(), pow))).toBe('pow-required');
  });

  it('refuses a solution to a challenge at a lower difficulty than issued', async () => {
    const issued = (await (await h.request('GET', ROUTES.pow)).json()) as PowChallenge;
    const bytes = fromBase64Url(issued.challenge);
    bytes[1] = 0;
    const nonce = toBase64Url(await solvePow(bytes, 0));
    expect(await errorCode(await open(newId(), { challenge: toBase64Url(bytes), nonce }))).toBe('pow-required');
  });

  it('resumes a repeated open without a new proof of work', async () => {
    const id = await openSubmission(h, 5000);
    const blobId = newId();
    await putChunk(h, id, blobId, 0, randomBytes(100));
    await putChunk(h, id, blobId, 2, randomBytes(100));
    const again = await open(id, { challenge: '', nonce: '' }, 5000);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ submissionId: id, state: 'open', receivedChunks: { [blobId]: [0, 2] } });
  });

  it('refuses to open more than the alert size cap', async () => {
    expect(await errorCode(await open(newId(), await solvedPow(h), h.config.maxAlertBytes + 1))).toBe('payload-too-large');
  });

  it('serialises concurrent retries: one chunk stored, one alert made', async () => {
    const id = await openSubmission(h, 300);
    const blobId = newId();
    const bytes = randomBytes(300);
    const puts = await Promise.all(Array.from({ length: 6 }, () => putChunk(h, id, blobId, 0, bytes)));
    const stored = await Promise.all(puts.map(async (r) => ((await r.json()) as { stored: boolean }).stored));
    expect(stored.filter(Boolean)).toHaveLength(1);

    const { request } = await finalizeRequest(h, d, id, [{ blobId, chunkCount: 1 }]);
    const finals = await Promise.all(Array.from({ length: 4 }, () => h.request('POST', ROUTES.finalize(id), { json: request })));
    expect(finals.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await h.db.selectFrom('alerts').select('id').execute()).toHaveLength(1);
  });

  it('stores a chunk once: same bytes again are not stored, different bytes conflict', async () => {
    const id = await openSubmission(h, 1000);
    const blobId = newId();
    const bytes = randomBytes(300);
    const first = await putChunk(h, id, blobId, 0, bytes);
    expect(await first.json()).toEqual({ stored: true });
    const same = await putChunk(h, id, blobId, 0, bytes);
    expect(await same.json()).toEqual({ stored: false });
    const different = await putChunk(h, id, blobId, 0, randomBytes(300));
    expect(different.status).toBe(409);
    expect(await errorCode(different)).toBe('conflict');
    const sub = await h.db.selectFrom('submissions').select('received_bytes').where('id', '=', id).executeTakeFirstOrThrow();
    expect(Number(sub.received_bytes)).toBe(300);
  });

  it('refuses chunks beyond the declared size, too large, of another submission, or untyped', async () => {
    const id = await openSubmission(h, 500);
    const blobId = newId();
    expect((await putChunk(h, id, blobId, 0, randomBytes(400))).status).toBe(200);
    expect(await errorCode(await putChunk(h, id, blobId, 1, randomBytes(200)))).toBe('payload-too-large');
    expect(await errorCode(await putChunk(h, id, newId(), 0, randomBytes(MAX_CHUNK_ENVELOPE_BYTES + 1)))).toBe('payload-too-large');

    const other = await openSubmission(h, 500);
    expect(await errorCode(await putChunk(h, other, blobId, 1, randomBytes(10)))).toBe('conflict');
    expect(await errorCode(await putChunk(h, newId(), newId(), 0, randomBytes(10)))).toBe('not-found');
    const untyped = await h.request('PUT', ROUTES.chunk(id, newId(), 0), { body: randomBytes(10), contentType: 'text/plain' });
    expect(await errorCode(untyped)).toBe('unsupported-media-type');
  });

  it('finalizes once: a retry gets the same answer and there is one alert', async () => {
    const id = await openSubmission(h, 600);
    const blobId = newId();
    await putChunk(h, id, blobId, 0, randomBytes(300));
    await putChunk(h, id, blobId, 1, randomBytes(300));
    const { request } = await finalizeRequest(h, d, id, [{ blobId, chunkCount: 2 }]);
    const first = await h.request('POST', ROUTES.finalize(id), { json: request });
    expect(first.status).toBe(200);
    const answer = await first.json();
    expect(answer).toEqual({ alertId: id, receivedDay: '2025-03-01' });
    h.advance(3600);
    const second = await h.request('POST', ROUTES.finalize(id), { json: request });
    expect(await second.json()).toEqual(answer);

    expect(await h.db.selectFrom('alerts').select(['id', 'state', 'received_day', 'updated_at']).execute()).toEqual([
      { id, state: 'received', received_day: '2025-03-01', updated_at: '2025-03-01' },
    ]);
    expect(await h.db.selectFrom('receipt_lookups').select('alert_id').execute()).toHaveLength(1);
    expect(await h.db.selectFrom('key_grants').select('id').where('object_id', '=', id).execute()).toHaveLength(4);
    // SECURITY: no instant of the reporter's actions survives, only the day.
    const sub = await h.db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([sub.state, sub.created_at, sub.expires_at]).toEqual(['finalized', '2025-03-01', '2025-03-01']);
    const history = await h.db.selectFrom('state_changes').select(['seq', 'from_state', 'to_state', 'actor_type', 'created_at']).execute();
    expect(history).toEqual([{ seq: 1, from_state: null, to_state: 'received', actor_type: 'reporter', created_at: '2025-03-01' }]);
  });

  it('refuses to finalize an incomplete upload, and the expiry job removes it with its files', async () => {
    const id = await openSubmission(h, 900);
    const blobId = newId();
    await putChunk(h, id, blobId, 0, randomBytes(300));
    await putChunk(h, id, blobId, 2, randomBytes(300));
    expect(await filesIn(h.blobDir)).not.toHaveLength(0);
    const { request } = await finalizeRequest(h, d, id, [{ blobId, chunkCount: 3 }]);
    const cut = await h.request('POST', ROUTES.finalize(id), { json: request });
    expect(cut.status).toBe(409);
    expect(await errorCode(cut)).toBe('upload-incomplete');
    expect(await h.db.selectFrom('alerts').select('id').execute()).toEqual([]);

    h.advance(23 * 3600);
    expect((await h.cleanup()) as { submissions: number }).toMatchObject({ submissions: 0 });
    h.advance(2 * 3600);
    expect((await h.cleanup()) as { submissions: number; blobs: number }).toMatchObject({ submissions: 1, blobs: 1 });
    expect(await h.db.selectFrom('submissions').select('id').execute()).toEqual([]);
    expect(await h.db.selectFrom('blobs').select('id').execute()).toEqual([]);
    expect(await h.db.selectFrom('blob_chunks').select('blob_id').execute()).toEqual([]);
    expect((await filesIn(h.blobDir)).filter((f) => f.endsWith('.chunk'))).toEqual([]);
    expect(await errorCode(await h.request('POST', ROUTES.finalize(id), { json: request }))).toBe('not-found');
  });

  it('drops blobs the manifest does not list, files included', async () => {
    const id = await openSubmission(h, 600);
    const kept = newId();
    const stray = newId();
    await putChunk(h, id, kept, 0, randomBytes(200));
    await putChunk(h, id, stray, 0, randomBytes(200));
    const { request } = await finalizeRequest(h, d, id, [{ blobId: kept, chunkCount: 1 }]);
    expect((await h.request('POST', ROUTES.finalize(id), { json: request })).status).toBe(200);
    expect(await h.db.selectFrom('blobs').select(['id', 'alert_id', 'state']).execute()).toEqual([{ id: kept, alert_id: id, state: 'complete' }]);
    expect((await filesIn(h.blobDir)).some((f) => f.startsWith(stray))).toBe(false);
  });

  it('refuses grants that do not fit, statistics outside the places, and a reused receipt', async () => {
    const id = await openSubmission(h, 0);
    const { request } = await finalizeRequest(h, d, id);
    const extraGrant = { ...request, grants: [...request.grants, { ...request.grants[0], recipientId: newId() }] };
    expect(await errorCode(await h.request('POST', ROUTES.finalize(id), { json: extraGrant }))).toBe('validation-failed');
    const badPlace = { ...request, statistics: { ...request.statistics, regionId: 'nowhere' } };
    const placeAnswer = (await (await h.request('POST', ROUTES.finalize(id), { json: badPlace })).json()) as { error: { issues: string[] } };
    expect(placeAnswer.error.issues).toContain('statistics.regionId');
    const wrongOrg = { ...request, orgId: newId() };
    expect(await errorCode(await h.request('POST', ROUTES.finalize(id), { json: wrongOrg }))).toBe('validation-failed');
    expect((await h.request('POST', ROUTES.finalize(id), { json: request })).status).toBe(200);

    const second = await openSubmission(h, 0);
    const reuse = (await finalizeRequest(h, d, second)).request;
    expect(await errorCode(await h.request('POST', ROUTES.finalize(second), { json: { ...reuse, lookupToken: request.lookupToken } }))).toBe('conflict');
  });

  it('refuses an identity envelope that is not of the one padded size', async () => {
    const id = await openSubmission(h, 0);
    const { request } = await finalizeRequest(h, d, id);
    const answer = await h.request('POST', ROUTES.finalize(id), { json: { ...request, identityEnvelope: toBase64Url(randomBytes(500)) } });
    expect(((await answer.json()) as { error: { issues: string[] } }).error.issues).toEqual(['identityEnvelope']);
  });
});

describe.each(DATABASE_KINDS)('the daily storage quota on %s', (kind) => {
  it('refuses new submissions past the day quota, and frees it the next day', async () => {
    const h = await createHarness(kind, { storageQuotaBytesPerDay: 1000 });
    try {
      await setUp(h);
      await openSubmission(h, 800);
      const over = await h.request('POST', ROUTES.submissions, { json: { submissionId: newId(), purpose: 'alert', declaredBytes: 300, pow: await solvedPow(h) } });
      expect(over.status).toBe(503);
      expect(await errorCode(over)).toBe('quota-exceeded');
      h.advance(24 * 3600);
      await openSubmission(h, 300);
    } finally {
      await h.close();
    }
  });
});
