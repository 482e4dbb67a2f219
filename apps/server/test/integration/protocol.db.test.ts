/**
 * The whole protocol with real crypto against the real server and a real database, on both
 * database kinds: setup, filing with retries, staff login, the desk, the workflow, the
 * conversation in both directions, the receipt, the identity, and what is left at rest.
 * One setup per database: every Argon2id derivation costs a second or more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CryptoError, PURPOSES, equalBytes, formatReceipt, fromBase64Url, openEnvelope, parseRecoveryKey, randomBytes, utf8Decode } from '@kenekanko/crypto';
import {
  ApiError,
  createApiClient,
  identityContext,
  loadPlaces,
  openGrant,
  openReporterAlert,
  setupPlatform,
  staffLogin,
  submitAlert,
  unwrapGrant,
} from '@kenekanko/client';
import type { ApiClient, OpenedAlert, SetupResult, StaffSession, SubmitProgress, SubmitResult } from '@kenekanko/client';
import * as v from 'valibot';
import { IdentityPayloadSchema, KeyGrantSchema, PrivateKeysPayloadSchema, ROUTES } from '@kenekanko/contracts';
import type { KeyGrant } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../databases.ts';
import { BASE_URL, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import * as f from './fixtures.ts';
import { assertNothingInClear } from './at-rest.ts';

const grantOf = (row: Record<string, unknown>): KeyGrant =>
  v.parse(KeyGrantSchema, {
    objectType: row['object_type'],
    objectId: row['object_id'],
    keyKind: row['key_kind'],
    keyVersion: row['key_version'],
    recipientType: row['recipient_type'],
    recipientId: row['recipient_id'],
    recipientKeyVersion: row['recipient_key_version'],
    sealedKey: row['sealed_key'],
  });

const jsonOf = <S extends v.GenericSchema>(schema: S, bytes: Uint8Array): v.InferOutput<S> => v.parse(schema, JSON.parse(utf8Decode(bytes)));

describe.each(DATABASE_KINDS)('the encrypted API on %s', (kind) => {
  let h: Harness;
  let api: ApiClient;
  let setup: SetupResult;
  let pinned: string;
  let files: f.Attachments;
  let filed: SubmitResult;
  let staff: StaffSession;
  let staffApi: ApiClient;
  const progress: SubmitProgress['phase'][] = [];
  const replyBytes = randomBytes(5_000);

  beforeAll(async () => {
    h = await startHarness(kind);
    api = createApiClient({ baseUrl: BASE_URL, fetch: h.fetch, language: 'en' });
    setup = await setupPlatform(api, { token: h.setupToken, organisationName: f.ORGANISATION, login: f.LOGIN, password: f.PASSWORD });
    pinned = (await api.intake()).coalitionSigningPublic;
    files = await f.attachments();
  });
  afterAll(async () => h?.close());

  it('is set up', async () => {
    expect(await api.setupStatus()).toEqual({ needsSetup: false });
    expect(setup.organisationId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('files an alert, resuming after a lost chunk answer and retrying a lost finalize answer', async () => {
    const { regionId, cercleId } = f.pickPlaces(await loadPlaces(api));
    const isChunk1 = (r: { method: string; path: string }) => r.method === 'PUT' && r.path.endsWith('/chunks/1');
    let droppedChunk = false;
    let droppedFinalize = false;
    h.dropAnswer = (r) => {
      if (!droppedChunk && isChunk1(r)) return (droppedChunk = true);
      if (!droppedFinalize && r.path.endsWith('/finalize')) return (droppedFinalize = true);
      return false;
    };
    filed = await submitAlert(api, f.alertDraft(regionId, cercleId, files), {
      pinnedCoalitionKey: pinned,
      retryDelayMs: 5,
      onProgress: (p) => progress.push(p.phase),
    });
    h.dropAnswer = () => false;

    expect(filed.receipt).toMatch(/^\d{24}$/);
    expect([...new Set(progress)]).toEqual(['keys', 'encrypting', 'proof-of-work', 'uploading', 'finalizing']);
    // The chunk reached the server before its answer was lost: the client re-opened the
    // submission, learnt it was there, and did not send it again.
    expect(h.sent.filter((r) => r.path === ROUTES.submissions)).toHaveLength(2);
    expect(h.sent.filter(isChunk1)).toHaveLength(1);
    expect(h.sent.filter((r) => r.path === ROUTES.finalize(filed.alertId))).toHaveLength(2);
  });

  it('stores a retried chunk and a retried finalize once', async () => {
    const put = h.sent.find((r) => r.method === 'PUT' && r.path.endsWith('/chunks/1'));
    const [, submissionId = '', blobId = ''] = /\/api\/submissions\/([^/]+)\/blobs\/([^/]+)\//.exec(put?.path ?? '') ?? [];
    if (put?.bytes === null || put === undefined) throw new Error('chunk 1 was not sent');
    expect(await api.putChunk(submissionId, blobId, 1, put.bytes)).toEqual({ stored: false });
    const altered = Uint8Array.from(put.bytes);
    altered[100] = (altered[100] ?? 0) ^ 1;
    await expect(api.putChunk(submissionId, blobId, 1, altered)).rejects.toMatchObject({ code: 'conflict' });

    const db = h.database.db;
    expect(await db.selectFrom('alerts').select('id').execute()).toEqual([{ id: filed.alertId }]);
    expect(await db.selectFrom('receipt_lookups').select('alert_id').execute()).toHaveLength(1);
    expect(await db.selectFrom('state_changes').select('seq').execute()).toHaveLength(1);
    const chunks = await db.selectFrom('blob_chunks').select(['blob_id', 'chunk_index']).execute();
    // One chunk for the photo, three for the ledger.
    expect(chunks).toHaveLength(1 + 3);
    expect(new Set(chunks.map((c) => `${c.blob_id}:${c.chunk_index}`)).size).toBe(4);
  });

  it('refuses a wrong password, and gives an unknown login a stable salt', async () => {
    const other = createApiClient({ baseUrl: BASE_URL, fetch: h.fetch, language: 'en' });
    const wrong = await staffLogin(other, f.LOGIN, 'not the password at all').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ApiError);
    expect(wrong).toMatchObject({ code: 'invalid-credentials', status: 401 });
    const first = await other.salt('nobody-here');
    expect(await other.salt('nobody-here')).toEqual(first);
    expect(fromBase64Url(first.salt)).toHaveLength(16);
    expect((await other.salt('someone-else')).salt).not.toBe(first.salt);
  });

  it('logs staff in and opens the alert: answers, statistics and attachments', async () => {
    staffApi = createApiClient({ baseUrl: BASE_URL, fetch: h.fetch });
    staff = await staffLogin(staffApi, ' Coordinator ', f.PASSWORD);
    expect(staff.me.user.login).toBe(f.LOGIN);
    const inbox = await staff.listAlerts();
    expect(inbox.map((a) => [a.id, a.state])).toEqual([[filed.alertId, 'received']]);
    expect(await staff.listAlerts({ state: 'acknowledged' })).toEqual([]);

    const opened = await staff.openAlert(filed.alertId);
    expect(opened.answers).toMatchObject({ description: f.DESCRIPTION, institutionName: f.INSTITUTION, amountFcfa: 40_000 });
    expect(opened.statisticsMatch).toBe(true);
    expect(opened.summary.statistics).toMatchObject({ kind: 'extortion', institutionType: 'customs', amountBand: 'lt-100k' });
    const [photoRef, ledgerRef] = opened.answers?.attachments ?? [];
    expect(photoRef).toMatchObject({ name: f.PHOTO_NAME, scrub: files.photo.scrub, size: files.photo.bytes.length });
    expect(ledgerRef).toMatchObject({ name: f.LEDGER_NAME, chunkCount: 3 });
    if (photoRef === undefined || ledgerRef === undefined) throw new Error('attachments missing');
    // equalBytes, not toEqual: a deep comparison of 500 KB arrays takes seconds.
    expect(equalBytes(await opened.downloadAttachment(photoRef), files.photo.bytes)).toBe(true);
    expect(equalBytes(await opened.downloadAttachment(ledgerRef), files.ledger.bytes)).toBe(true);
  });

  it('moves the alert received → acknowledged → in verification → needs information, with reasons; refuses an illegal change', async () => {
    const opened = await staff.openAlert(filed.alertId);
    await opened.transition('acknowledged', f.REASONS[0]);
    await opened.transition('in-verification', f.REASONS[1]);
    await opened.transition('needs-information', f.REASONS[2]);
    await opened.addNote(f.NOTE_TEXT);

    const again: OpenedAlert = await staff.openAlert(filed.alertId);
    expect(again.history.map((c) => [c.fromState, c.toState, c.reason])).toEqual([
      [null, 'received', null],
      ['received', 'acknowledged', f.REASONS[0]],
      ['acknowledged', 'in-verification', f.REASONS[1]],
      ['in-verification', 'needs-information', f.REASONS[2]],
    ]);
    expect(again.notes.map((n) => [n.text, n.authorLogin])).toEqual([[f.NOTE_TEXT, f.LOGIN]]);
    expect(again.allowedTransitions).toContain('in-verification');
    expect(again.allowedTransitions).not.toContain('verified');
    await expect(again.transition('verified', 'trop tôt')).rejects.toMatchObject({ code: 'illegal-transition' });
    expect((await staff.openAlert(filed.alertId)).summary.state).toBe('needs-information');
  });

  it('carries a staff question to the reporter and the reply, with a file, back to the desk', async () => {
    await (await staff.openAlert(filed.alertId)).sendMessage(f.STAFF_MESSAGE);

    const reporterApi = createApiClient({ baseUrl: BASE_URL, fetch: h.fetch });
    const session = await openReporterAlert(reporterApi, formatReceipt(filed.receipt), { pinnedCoalitionKey: pinned });
    expect(session).toMatchObject({ alertId: filed.alertId, state: 'needs-information', organisationName: f.ORGANISATION });
    expect(session.answers?.description).toBe(f.DESCRIPTION);
    expect(session.messages).toEqual([{ seq: 1, senderType: 'organisation', text: f.STAFF_MESSAGE, attachments: [], createdDay: expect.any(String), verified: true }]);

    const replyFile = { name: f.REPLY_FILE_NAME, type: 'image/png', bytes: replyBytes, scrub: 'not-cleaned' as const };
    await session.reply(f.REPLY_TEXT, [replyFile]);
    const refreshed = await session.refresh();
    expect(refreshed.messages.map((m) => [m.seq, m.senderType, 'text' in m ? m.text : m.broken])).toEqual([
      [1, 'organisation', f.STAFF_MESSAGE],
      [2, 'reporter', f.REPLY_TEXT],
    ]);

    const desk = await staff.openAlert(filed.alertId);
    const reply = desk.messages[1];
    expect(reply).toMatchObject({ seq: 2, senderType: 'reporter', text: f.REPLY_TEXT, verified: true });
    const ref = reply?.verified === true ? reply.attachments[0] : undefined;
    expect(ref?.name).toBe(f.REPLY_FILE_NAME);
    if (ref === undefined) throw new Error('reply attachment missing');
    expect(equalBytes(await desk.downloadAttachment(ref), replyFile.bytes)).toBe(true);
  });

  it('throws on a mistyped receipt before any request', async () => {
    let requests = 0;
    const counting = createApiClient({ baseUrl: BASE_URL, fetch: h.fetch, onRequest: () => (requests += 1) });
    const digits = filed.receipt;
    const typo = `${digits.slice(0, 5)}${(Number(digits[5]) + 1) % 10}${digits.slice(6)}`;
    await expect(openReporterAlert(counting, typo)).rejects.toBeInstanceOf(CryptoError);
    expect(requests).toBe(0);
  });

  it("keeps the identity from the organisation's keys: only the custodian's recovery key opens it", async () => {
    const db = h.database.db;
    const grants = (await db.selectFrom('key_grants').selectAll().execute()).map(grantOf);
    const find = (where: (g: KeyGrant) => boolean): KeyGrant => {
      const grant = grants.find(where);
      if (grant === undefined) throw new Error('grant missing');
      return grant;
    };
    const alert = await db.selectFrom('alerts').select('identity_envelope').where('id', '=', filed.alertId).executeTakeFirstOrThrow();
    const identityGrant = find((g) => g.objectId === filed.alertId && g.keyKind === 'identity');
    expect(identityGrant.recipientType).toBe('custodian');
    // The desk is never handed the identity grant.
    expect((await staffApi.staffAlert(filed.alertId)).grants.map((g) => g.keyKind).sort()).toEqual(['content', 'desk']);

    const orgRecovery = find((g) => g.objectType === 'organisation' && g.recipientType === 'recovery');
    const orgKeys = jsonOf(PrivateKeysPayloadSchema, unwrapGrant(orgRecovery, parseRecoveryKey(setup.recoveryKeys.organisation)));
    const orgPrivate = fromBase64Url(orgKeys.x25519Private);
    expect(() => openGrant(identityGrant, orgPrivate)).toThrow(CryptoError);
    const contentKey = openGrant(find((g) => g.objectId === filed.alertId && g.keyKind === 'content' && g.recipientType === 'organisation'), orgPrivate);
    expect(() => openEnvelope(contentKey, PURPOSES.identity, identityContext(filed.alertId), fromBase64Url(alert.identity_envelope))).toThrow(CryptoError);

    const custodianPrivate = unwrapGrant(find((g) => g.objectType === 'custodian' && g.recipientType === 'recovery'), parseRecoveryKey(setup.recoveryKeys.custodian));
    const identityKey = openGrant(identityGrant, custodianPrivate);
    const identity = jsonOf(IdentityPayloadSchema, openEnvelope(identityKey, PURPOSES.identity, identityContext(filed.alertId), fromBase64Url(alert.identity_envelope)));
    expect(identity).toEqual({ v: 1, ...f.IDENTITY });
  });

  it('deletes the ciphertext, keys and receipt lookup of an alert closed as spam', async () => {
    const { regionId, cercleId } = f.pickPlaces(await loadPlaces(api));
    const junk = await submitAlert(api, { ...f.alertDraft(regionId, cercleId, files), files: [files.photo] }, { pinnedCoalitionKey: pinned, retryDelayMs: 5 });
    const opened = await staff.openAlert(junk.alertId);
    await opened.transition('spam', 'Envoi automatique sans rapport.');
    const db = h.database.db;
    const row = await db.selectFrom('alerts').select(['answers_envelope', 'identity_envelope', 'state']).where('id', '=', junk.alertId).executeTakeFirstOrThrow();
    expect(row).toEqual({ answers_envelope: '', identity_envelope: '', state: 'spam' });
    expect(await db.selectFrom('blobs').select('id').where('alert_id', '=', junk.alertId).execute()).toEqual([]);

    expect(await db.selectFrom('key_grants').select('id').where('object_id', '=', junk.alertId).execute()).toEqual([]);

    // SECURITY: nothing is left that finds the alert from its receipt (H2).
    const lookup = await openReporterAlert(api, junk.receipt, { pinnedCoalitionKey: pinned }).then(
      () => 'opened',
      (error: unknown) => (error instanceof ApiError ? error.code : 'other error'),
    );
    expect(lookup).toBe('receipt-not-found');
    const desk = await staff.openAlert(junk.alertId);
    expect([desk.summary.state, desk.answers, desk.answersProblem, desk.messages]).toEqual(['spam', null, null, []]);
  });

  it('leaves no plaintext, receipt, password or login key at rest', async () => {
    await assertNothingInClear(h, { receipt: filed.receipt, alertId: filed.alertId, files, replyBytes });
  });
});
