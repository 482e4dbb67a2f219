/**
 * Reporters' attachments and forwarded packages' files never address one another's files
 * (security tester, issue 3, HIGH): a package upload naming a reporter's blob id, or a
 * reporter's upload naming a package file's id, is refused, and neither the write nor any
 * clean-up of the other table can touch the file (blobs/blob-store.ts, one space per table).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORWARDING_ROUTES, ROUTES } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { newId } from '../../features/shared/ids.ts';
import { CHUNK, chunk, fileAlert, logIn, openSubmission, putChunk, setUp } from '../testing/flows.ts';
import type { Deployment } from '../testing/flows.ts';
import { createHarness, errorCode } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';

const DAY_S = 24 * 3600;

describe.each(DATABASE_KINDS)('blob spaces on %s', (kind) => {
  let h: Harness;
  let d: Deployment;
  let alertId: string;
  let attachmentId: string;
  let evidence: Uint8Array;

  beforeEach(async () => {
    h = await createHarness(kind);
    d = await setUp(h);
    evidence = chunk();
    const filed = await fileAlert(h, d, [[evidence]]);
    alertId = filed.alertId;
    attachmentId = filed.blobIds[0] ?? '';
    await h.db.updateTable('alerts').set({ state: 'verified' }).where('id', '=', alertId).execute();
  });
  afterEach(async () => {
    await h.close();
  });

  const coordinator = (): Promise<string> => logIn(h, d.login, d.loginKey);
  const openDraft = async (cookie: string): Promise<string> => {
    const forwardingId = newId();
    const response = await h.request('POST', FORWARDING_ROUTES.drafts, { cookie, json: { forwardingId, alertId, onwardOf: null } });
    expect(response.status).toBe(200);
    return forwardingId;
  };
  const putPackageChunk = (cookie: string, forwardingId: string, blobId: string, index: number, body: Uint8Array): Promise<Response> =>
    h.request('PUT', FORWARDING_ROUTES.fileChunk(forwardingId, blobId, index), { cookie, body, contentType: 'application/octet-stream' });
  const reporterEvidence = async (cookie: string): Promise<Uint8Array> => {
    const response = await h.request('GET', ROUTES.staffChunk(alertId, attachmentId, 0), { cookie });
    expect(response.status).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  };

  it('refuses a package chunk named by a reporter attachment id, and its draft expiry leaves the evidence alone', async () => {
    const cookie = await coordinator();
    const draft = await openDraft(cookie);
    const overwrite = await putPackageChunk(cookie, draft, attachmentId, 0, chunk());
    expect(overwrite.status).toBe(409);
    expect(await errorCode(overwrite)).toBe('conflict');
    expect(await putPackageChunk(cookie, draft, attachmentId, 1, chunk()).then((r) => r.status)).toBe(409);
    expect(await h.db.selectFrom('forwarding_files').select('id').where('id', '=', attachmentId).execute()).toEqual([]);
    expect(await reporterEvidence(cookie)).toEqual(evidence);

    // The abandoned draft expires; the clean-up (drafts and the orphan sweep) keeps the evidence.
    h.advance(8 * DAY_S);
    expect(await h.cleanup()).toMatchObject({ drafts: 1 });
    expect(await reporterEvidence(await coordinator())).toEqual(evidence);
  });

  it('refuses a reporter chunk named by a forwarded file id, and leaves the package file intact', async () => {
    const cookie = await coordinator();
    const draft = await openDraft(cookie);
    const fileId = newId();
    const packageBytes = chunk();
    expect((await putPackageChunk(cookie, draft, fileId, 0, packageBytes)).status).toBe(200);
    // The same chunk again is an idempotent retry; different bytes are refused.
    expect(await (await putPackageChunk(cookie, draft, fileId, 0, packageBytes)).json()).toEqual({ stored: false });
    expect(await errorCode(await putPackageChunk(cookie, draft, fileId, 0, chunk()))).toBe('conflict');

    const submission = await openSubmission(h, 2 * CHUNK);
    const overwrite = await putChunk(h, submission, fileId, 0, chunk());
    expect(overwrite.status).toBe(409);
    expect(await errorCode(overwrite)).toBe('conflict');
    expect(await errorCode(await putChunk(h, submission, fileId, 1, chunk()))).toBe('conflict');
    expect(await h.db.selectFrom('blobs').select('id').where('id', '=', fileId).execute()).toEqual([]);
    expect(await h.deps.blobs.forwardings.getChunk(fileId, 0)).toEqual(packageBytes);
  });

  it('stores the two tables in separate spaces: neither clean-up reaches the other space', async () => {
    const cookie = await coordinator();
    const draft = await openDraft(cookie);
    const fileId = newId();
    expect((await putPackageChunk(cookie, draft, fileId, 0, chunk())).status).toBe(200);
    await expect(h.deps.blobs.alerts.getChunk(fileId, 0)).rejects.toThrow();
    await expect(h.deps.blobs.forwardings.getChunk(attachmentId, 0)).rejects.toThrow();
    // Expiring the draft deletes its file in the package space only.
    h.advance(8 * DAY_S);
    expect(await h.cleanup()).toMatchObject({ drafts: 1, draftFiles: 1 });
    await expect(h.deps.blobs.forwardings.getChunk(fileId, 0)).rejects.toThrow();
    expect(await h.deps.blobs.alerts.getChunk(attachmentId, 0)).toEqual(evidence);
  });
});
