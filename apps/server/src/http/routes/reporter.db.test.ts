/** The reporter's follow-up: lookups by token, signed messages in order, files, throttles. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PURPOSES, ed25519KeyPair, fromBase64Url, randomBytes, sha256, signStatement, toBase64Url } from '@kenekanko/crypto';
import { ROUTES } from '@kenekanko/contracts';
import type { ReporterAlertView } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { newId } from '../../features/shared/ids.ts';
import { REPORTER_THROTTLES } from '../../features/reporter/index.ts';
import { createHarness, errorCode } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { CHUNK, chunk, fakeEnvelope, fileAlert, openSubmission, putChunk, setUp, shapedEnvelope, signedMessage } from '../testing/flows.ts';
import type { Deployment } from '../testing/flows.ts';

describe.each(DATABASE_KINDS)('reporter follow-up on %s', (kind) => {
  let h: Harness;
  let d: Deployment;
  beforeEach(async () => {
    h = await createHarness(kind);
    d = await setUp(h);
  });
  afterEach(async () => {
    await h.close();
  });

  const lookup = (lookupToken: string) => h.request('POST', ROUTES.reporterAlert, { json: { lookupToken } });
  const post = (lookupToken: string, message: unknown) => h.request('POST', ROUTES.reporterMessages, { json: { lookupToken, message } });

  it('finds the alert by its lookup token and hands the content key sealed to the reporter', async () => {
    const { alertId, keys } = await fileAlert(h, d);
    const response = await lookup(keys.lookupToken);
    expect(response.status).toBe(200);
    const view = (await response.json()) as ReporterAlertView;
    expect(view).toMatchObject({ alertId, state: 'received', receivedDay: '2025-03-01', organisation: { id: d.orgId, name: 'COSCLCCP' }, messages: [] });
    expect(view.contentGrant).toMatchObject({ objectId: alertId, keyKind: 'content', recipientType: 'reporter', recipientId: alertId });
    expect(JSON.stringify(view)).not.toContain('"desk"');
  });

  it('answers an unknown token with receipt-not-found', async () => {
    await fileAlert(h, d);
    const response = await lookup(toBase64Url(randomBytes(32)));
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('receipt-not-found');
  });

  it('throttles lookups per token, never blocking another token', async () => {
    const { keys } = await fileAlert(h, d);
    const guessed = toBase64Url(randomBytes(32));
    for (let i = 0; i < REPORTER_THROTTLES.lookupPerToken.limit; i++) expect((await lookup(guessed)).status).toBe(404);
    const blocked = await lookup(guessed);
    expect(blocked.status).toBe(429);
    expect(await errorCode(blocked)).toBe('throttled');
    expect((await lookup(keys.lookupToken)).status).toBe(200);
    h.advance(REPORTER_THROTTLES.lookupPerToken.windowSeconds);
    expect((await lookup(guessed)).status).toBe(404);
  });

  it('takes signed messages in sequence, refuses gaps, forgeries and replays with other content', async () => {
    const { alertId, keys } = await fileAlert(h, d);
    const first = { ...signedMessage(alertId, 1, 'reporter', keys.reporter), attachments: null };
    expect(await (await post(keys.lookupToken, first)).json()).toEqual({ seq: 1 });
    // The same message again (a retry) is answered, not stored twice.
    expect(await (await post(keys.lookupToken, first)).json()).toEqual({ seq: 1 });

    const gap = { ...signedMessage(alertId, 3, 'reporter', keys.reporter), attachments: null };
    expect(await errorCode(await post(keys.lookupToken, gap))).toBe('conflict');
    const other = { ...signedMessage(alertId, 1, 'reporter', keys.reporter), attachments: null };
    expect(await errorCode(await post(keys.lookupToken, other))).toBe('conflict');
    const forged = { ...signedMessage(alertId, 2, 'reporter', ed25519KeyPair()), attachments: null };
    expect(await errorCode(await post(keys.lookupToken, forged))).toBe('validation-failed');
    const asOrganisation = { ...signedMessage(alertId, 2, 'organisation', keys.reporter), attachments: null };
    expect(await errorCode(await post(keys.lookupToken, asOrganisation))).toBe('validation-failed');

    const view = (await (await lookup(keys.lookupToken)).json()) as ReporterAlertView;
    expect(view.messages.map((m) => [m.seq, m.senderType, m.envelope])).toEqual([[1, 'reporter', first.envelope]]);
  });

  it('attaches files from a reporter-files upload, which it closes', async () => {
    const { alertId, keys } = await fileAlert(h, d);
    const files = await openSubmission(h, 3 * CHUNK, 'reporter-files');
    const blobId = newId();
    await putChunk(h, files, blobId, 0, chunk());
    await putChunk(h, files, blobId, 1, chunk());
    const incomplete = { ...signedMessage(alertId, 1, 'reporter', keys.reporter, [blobId]), attachments: { submissionId: files, blobs: [{ blobId, chunkCount: 3 }] } };
    expect(await errorCode(await post(keys.lookupToken, incomplete))).toBe('upload-incomplete');

    const message = { ...signedMessage(alertId, 1, 'reporter', keys.reporter, [blobId]), attachments: { submissionId: files, blobs: [{ blobId, chunkCount: 2 }] } };
    expect(await (await post(keys.lookupToken, message)).json()).toEqual({ seq: 1 });
    expect(await h.db.selectFrom('blobs').select(['alert_id', 'state', 'chunk_count']).where('id', '=', blobId).executeTakeFirstOrThrow()).toEqual({ alert_id: alertId, state: 'complete', chunk_count: 2 });
    const view = (await (await lookup(keys.lookupToken)).json()) as ReporterAlertView;
    expect(view.messages[0]?.attachmentBlobIds).toEqual([blobId]);
    const sub = await h.db.selectFrom('submissions').select(['state', 'created_at']).where('id', '=', files).executeTakeFirstOrThrow();
    expect(sub).toEqual({ state: 'finalized', created_at: '2025-03-01' });
  });

  it('refuses a message for an unknown token', async () => {
    const message = { ...signedMessage(newId(), 1, 'reporter', ed25519KeyPair()), attachments: null };
    expect(await errorCode(await post(toBase64Url(randomBytes(32)), message))).toBe('receipt-not-found');
  });
  it('refuses a signed message whose envelope is not a v1 message envelope, and stores nothing', async () => {
    const { alertId, keys } = await fileAlert(h, d);
    const signedWith = (envelope: string) => {
      const statement = { alertId, seq: 1, senderType: 'reporter', envelopeSha256: toBase64Url(sha256(fromBase64Url(envelope))), attachmentBlobIds: [] };
      return { seq: 1, envelope, signature: toBase64Url(signStatement(PURPOSES.messageSignature, statement, keys.reporter.privateKey)), attachments: null };
    };
    for (const envelope of [fakeEnvelope(296), shapedEnvelope(PURPOSES.note)]) {
      expect(await errorCode(await post(keys.lookupToken, signedWith(envelope)))).toBe('validation-failed');
    }
    expect(await h.db.selectFrom('messages').select('seq').execute()).toEqual([]);
    expect(await (await post(keys.lookupToken, signedWith(shapedEnvelope(PURPOSES.message)))).json()).toEqual({ seq: 1 });
  });
});
