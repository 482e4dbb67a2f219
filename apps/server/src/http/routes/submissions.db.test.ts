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
import { CHUNK, chunk, fileAlert, finalizeRequest, openSubmission, putChunk, setUp, solvedPow } from '../testing/flows.ts';
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
    const id = await openSubmission(h, 3 * CHUNK);
    const blobId = newId();
    await putChunk(h, id, blobId, 0, chunk());
    await putChunk(h, id, blobId, 2, chunk());
    const again = await open(id, { challenge: '', nonce: '' }, 3 * CHUNK);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ submissionId: id, state: 'open', receivedChunks: { [blobId]: [0, 2] } });
  });

  it('refuses to open more than the alert size cap', async () => {
    expect(await errorCode(await open(newId(), await solvedPow(h), h.config.maxAlertBytes + 1))).toBe('payload-too-large');
  });

  it('serialises concurrent retries: one chunk stored, one alert made', async () => {
    const id = await openSubmission(h, CHUNK);
    const blobId = newId();
    const bytes = chunk();
    const puts = await Promise.all(Array.from({ length: 6 }, () => putChunk(h, id, blobId, 0, bytes)));
    const stored = await Promise.all(puts.map(async (r) => ((await r.json()) as { stored: boolean }).stored));
    expect(stored.filter(Boolean)).toHaveLength(1);

    const { request } = await finalizeRequest(h, d, id, [{ blobId, chunkCount: 1 }]);
    const finals = await Promise.all(Array.from({ length: 4 }, () => h.request('POST', ROUTES.finalize(id), { json: request })));
    expect(finals.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await h.db.selectFrom('alerts').select('id').execute()).toHaveLength(1);
  });

  it('stores a chunk once: same bytes again are not stored, different bytes conflict', async () => {
    const id = await openSubmission(h, 2 * CHUNK);
    const blobId = newId();
    const bytes = chunk();
    const first = await putChunk(h, id, blobId, 0, bytes);
    expect(await first.json()).toEqual({ stored: true });
    const same = await putChunk(h, id, blobId, 0, bytes);
    expect(await same.json()).toEqual({ stored: false });
    const different = await putChunk(h, id, blobId, 0, chunk());
    expect(different.status).toBe(409);
    expect(await errorCode(different)).toBe('conflict');
    const sub = await h.db.selectFrom('submissions').select('received_bytes').where('id', '=', id).executeTakeFirstOrThrow();
    expect(Number(sub.received_bytes)).toBe(CHUNK);
  });

  it('refuses chunks beyond the declared size, too large, of another submission, or untyped', async () => {
    const id = await openSubmission(h, Math.floor(1.5 * CHUNK));
    const blobId = newId();
    expect((await putChunk(h, id, blobId, 0, chunk())).status).toBe(200);
    expect(await errorCode(await putChunk(h, id, blobId, 1, chunk()))).toBe('payload-too-large');
    expect(await errorCode(await putChunk(h, id, newId(), 0, randomBytes(MAX_CHUNK_ENVELOPE_BYTES + 1)))).toBe('payload-too-large');

    const other = await openSubmission(h, CHUNK);
    expect(await errorCode(await putChunk(h, other, blobId, 1, chunk()))).toBe('conflict');
    expect(await errorCode(await putChunk(h, newId(), newId(), 0, chunk()))).toBe('not-found');
    const untyped = await h.request('PUT', ROUTES.chunk(id, newId(), 0), { body: randomBytes(10), contentType: 'text/plain' });
    expect(await errorCode(untyped)).toBe('unsupported-media-type');
  });

  it('finalizes once: a retry gets the same answer and there is one alert', async () => {
    const id = await openSubmission(h, 2 * CHUNK);
    const blobId = newId();
    await putChunk(h, id, blobId, 0, chunk());
    await putChunk(h, id, blobId, 1, chunk());
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
    const id = await openSubmission(h, 3 * CHUNK);
    const blobId = newId();
    await putChunk(h, id, blobId, 0, chunk());
    await putChunk(h, id, blobId, 2, chunk());
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
    const id = await openSubmission(h, 2 * CHUNK);
    const kept = newId();
    const stray = newId();
    await putChunk(h, id, kept, 0, chunk());
    await putChunk(h, id, stray, 0, chunk());
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

  it('refuses reporter public keys that do not decode to usable points', async () => {
    const smallOrderEd = toBase64Url(Uint8Array.from([1, ...new Array<number>(31).fill(0)]));
    const cases: readonly [string, string][] = [
      ['reporterX25519Public', toBase64Url(new Uint8Array(32).fill(0xff))],
      ['reporterX25519Public', toBase64Url(new Uint8Array(32))],
      ['reporterEd25519Public', toBase64Url(new Uint8Array(32).fill(0xff))],
      ['reporterEd25519Public', smallOrderEd],
    ];
    for (const [field, value] of cases) {
      const id = await openSubmission(h, 0);
      const { request } = await finalizeRequest(h, d, id);
      const answer = await h.request('POST', ROUTES.finalize(id), { json: { ...request, [field]: value } });
      expect(((await answer.json()) as { error: { code: string; issues: string[] } }).error).toMatchObject({ code: 'validation-failed', issues: [field] });
    }
    expect(await h.db.selectFrom('alerts').select('id').execute()).toEqual([]);
  });

  it('refuses an identity envelope that is not of the one padded size', async () => {
    const id = await openSubmission(h, 0);
    const { request } = await finalizeRequest(h, d, id);
    const answer = await h.request('POST', ROUTES.finalize(id), { json: { ...request, identityEnvelope: toBase64Url(randomBytes(500)) } });
    expect(((await answer.json()) as { error: { issues: string[] } }).error.issues).toEqual(['identityEnvelope']);
  });
});

describe.each(DATABASE_KINDS)('the daily storage quota on %s', (kind) => {
  it('charges bytes received, not declared: hoarded opens do not block a real alert with a file', async () => {
    const h = await createHarness(kind, { storageQuotaBytesPerDay: 2 * CHUNK });
    try {
      const d = await setUp(h);
      for (let i = 0; i < 5; i++) await openSubmission(h, h.config.maxAlertBytes);
      const { alertId } = await fileAlert(h, d, [[chunk()]]);
      expect((await h.db.selectFrom('alerts').select('id').where('id', '=', alertId).execute()).length).toBe(1);
    } finally {
      await h.close();
    }
  });

  it('refuses chunks and then opens past the day quota, and frees it the next day', async () => {
    const h = await createHarness(kind, { storageQuotaBytesPerDay: 3 * CHUNK });
    try {
      await setUp(h);
      const first = await openSubmission(h, 4 * CHUNK);
      const blob = newId();
      expect((await putChunk(h, first, blob, 0, chunk())).status).toBe(200);
      expect((await putChunk(h, first, blob, 1, chunk())).status).toBe(200);
      const second = await openSubmission(h, 4 * CHUNK);
      const other = newId();
      expect((await putChunk(h, second, other, 0, chunk())).status).toBe(200);
      const over = await putChunk(h, second, other, 1, chunk());
      expect(over.status).toBe(503);
      expect(await errorCode(over)).toBe('quota-exceeded');
      const full = await h.request('POST', ROUTES.submissions, { json: { submissionId: newId(), purpose: 'alert', declaredBytes: 10, pow: await solvedPow(h) } });
      expect(await errorCode(full)).toBe('quota-exceeded');
      h.advance(24 * 3600);
      const next = await openSubmission(h, CHUNK);
      expect((await putChunk(h, next, newId(), 0, chunk())).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});
