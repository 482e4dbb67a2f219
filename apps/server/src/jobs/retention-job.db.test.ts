import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CUSTODY_ROUTES } from '@kenekanko/contracts';
import { PURPOSES } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createKyselyStorage } from '../adapters/kysely-storage.ts';
import { deriveAuditMacKey } from '../audit/audit-mac.ts';
import { newId } from '../features/shared/ids.ts';
import { chunk, fileAlert, shapedEnvelope } from '../http/testing/flows.ts';
import { createHarness, errorCode } from '../http/testing/harness.ts';
import type { Harness } from '../http/testing/harness.ts';
import { createWorld } from '../http/testing/world.ts';
import type { World, WorldMember } from '../http/testing/world.ts';
import { runRetention } from './retention-job.ts';

const DAY = 24 * 3600;

async function closeAlert(h: Harness, alertId: string, to: 'closed' | 'unfounded'): Promise<void> {
  await h.db.updateTable('alerts').set({ state: to }).where('id', '=', alertId).execute();
  await h.db
    .insertInto('state_changes')
    .values({ id: newId(), alert_id: alertId, seq: 2, from_state: 'received', to_state: to, actor_type: 'user', actor_id: null, reason_envelope: shapedEnvelope(PURPOSES.reason), created_at: h.now().toISOString() })
    .execute();
}

async function fileWithEverything(h: Harness, world: World, author: WorldMember): Promise<{ alertId: string; blobIds: string[] }> {
  const filed = await fileAlert(h, world.deployment, [[chunk(), chunk()]]);
  await h.db.insertInto('notes').values({ id: newId(), alert_id: filed.alertId, author_id: author.userId, envelope: shapedEnvelope(PURPOSES.note), created_at: h.now().toISOString() }).execute();
  return { alertId: filed.alertId, blobIds: filed.blobIds };
}

type Sent = { readonly forwardingId: string; readonly fileId: string };

/** A forwarding of the alert to an authority with its event, one package file (rows, chunk file) and its package key grant. */
async function forwardTo(h: Harness, alertId: string, from: string, to: string, by: string): Promise<Sent> {
  const forwardingId = newId();
  const fileId = newId();
  const at = h.now().toISOString();
  await h.db
    .insertInto('forwardings')
    .values({ id: forwardingId, alert_id: alertId, from_org_id: from, to_org_id: to, to_key_version: 1, state: 'acknowledged', sent_at: at, acknowledged_at: at, concluded_at: null, created_by: by, onward_of: null, includes_identity: 0, package_envelope: shapedEnvelope(PURPOSES.note), package_sha256: 'x', signature: 'x', attachment_files: JSON.stringify([{ blobId: fileId, chunkCount: 1 }]) })
    .execute();
  await h.db.insertInto('forwarding_events').values({ id: newId(), forwarding_id: forwardingId, seq: 1, kind: 'acknowledged', action: null, actor_id: by, details_envelope: shapedEnvelope(PURPOSES.note), created_at: at }).execute();
  await h.db.insertInto('forwarding_files').values({ id: fileId, forwarding_id: forwardingId, chunk_count: 1, total_bytes: 0, state: 'complete' }).execute();
  await h.db.insertInto('forwarding_file_chunks').values({ file_id: fileId, chunk_index: 0, size: 1, sha256: 'x' }).execute();
  await h.deps.blobs.forwardings.putChunk(fileId, 0, chunk());
  await h.db
    .insertInto('key_grants')
    .values({ id: newId(), object_type: 'forwarding', object_id: forwardingId, key_kind: 'package', key_version: 1, recipient_type: 'organisation', recipient_id: to, recipient_key_version: 1, sealed_key: 'x', created_at: at })
    .execute();
  return { forwardingId, fileId };
}

async function forwardingRemains(h: Harness, sent: Sent) {
  const row = await h.db.selectFrom('forwardings').select(['state', 'sent_at', 'acknowledged_at', 'package_envelope', 'attachment_files']).where('id', '=', sent.forwardingId).executeTakeFirstOrThrow();
  const events = await h.db.selectFrom('forwarding_events').select(['kind', 'details_envelope']).where('forwarding_id', '=', sent.forwardingId).execute();
  const files = await h.db.selectFrom('forwarding_files').select('id').where('forwarding_id', '=', sent.forwardingId).execute();
  const chunks = await h.db.selectFrom('forwarding_file_chunks').select('file_id').where('file_id', '=', sent.fileId).execute();
  const grants = await h.db.selectFrom('key_grants').select('id').where('object_type', '=', 'forwarding').where('object_id', '=', sent.forwardingId).execute();
  const onDisk = await h.deps.blobs.forwardings.getChunk(sent.fileId, 0).then(() => true, () => false);
  return { row, events, files: files.length, chunks: chunks.length, grants: grants.length, onDisk };
}

async function remains(h: Harness, alertId: string, blobIds: readonly string[]) {
  const alert = await h.db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirstOrThrow();
  const blobs = await h.db.selectFrom('blobs').select('id').where('alert_id', '=', alertId).execute();
  const notes = await h.db.selectFrom('notes').select('id').where('alert_id', '=', alertId).execute();
  const grants = await h.db.selectFrom('key_grants').select('id').where('object_id', '=', alertId).execute();
  const files = await Promise.all(blobIds.map((id) => h.deps.blobs.alerts.getChunk(id, 0).then(() => true, () => false)));
  return { alert, blobs: blobs.length, notes: notes.length, grants: grants.length, files };
}

describe.each(DATABASE_KINDS)('the retention job on %s', (kind) => {
  let h: Harness;
  let world: World;
  let coordinator: WorldMember;
  let closed: { alertId: string; blobIds: string[] };
  let held: { alertId: string; blobIds: string[] };
  let open: { alertId: string; blobIds: string[] };
  let sentOfClosed: Sent;
  let sentOfOpen: Sent;
  const run = () => runRetention(createKyselyStorage(h.db, deriveAuditMacKey(h.secrets.serverSecret)), h.deps.blobs, h.now());

  beforeEach(async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    const admin = await world.addMember(world.coalition, 'administrator');
    coordinator = await world.addMember(world.coalition, 'coordinator');
    closed = await fileWithEverything(h, world, coordinator);
    held = await fileWithEverything(h, world, coordinator);
    open = await fileWithEverything(h, world, coordinator);
    const authority = await world.addOrg('authority', 'OCLEI');
    sentOfClosed = await forwardTo(h, closed.alertId, world.coalition.id, authority.id, coordinator.userId);
    sentOfOpen = await forwardTo(h, open.alertId, world.coalition.id, authority.id, coordinator.userId);
    await closeAlert(h, closed.alertId, 'closed');
    await closeAlert(h, held.alertId, 'unfounded');
    const policy = await h.request('PUT', CUSTODY_ROUTES.orgRetention(world.coalition.id), { cookie: await admin.logIn(), json: { months: 6 } });
    expect(policy.status).toBe(200);
    const hold = await h.request('PUT', CUSTODY_ROUTES.alertRetentionHold(held.alertId), { cookie: await coordinator.logIn(), json: { holdId: newId(), reasonEnvelope: shapedEnvelope(PURPOSES.retentionHold) } });
    expect(hold.status).toBe(200);
  });
  afterEach(async () => {
    await h.close();
  });

  it('keeps everything before the months have passed', async () => {
    h.advance(150 * DAY);
    expect(await run()).toEqual({ deleted: 0, failedFileDeletions: 0 });
    expect((await remains(h, closed.alertId, closed.blobIds)).files).toEqual([true]);
  });

  it('empties a closed alert past its months (rows and files), keeps its workflow and statistics, and audits it', async () => {
    const before = await remains(h, closed.alertId, closed.blobIds);
    h.advance(200 * DAY);
    expect(await run()).toEqual({ deleted: 1, failedFileDeletions: 0 });
    const audited = await h.db.selectFrom('audit_log').select('details').where('action', '=', 'retention-delete').executeTakeFirstOrThrow();
    expect(JSON.parse(audited.details)).toMatchObject({ files: 2 });
    const after = await remains(h, closed.alertId, closed.blobIds);
    expect(after).toMatchObject({ blobs: 0, notes: 0, grants: 0, files: [false] });
    const forwarded = await forwardingRemains(h, sentOfClosed);
    // The forwarding's states and days stay for monitoring; its package, details, files and key go.
    expect(forwarded).toMatchObject({ row: { state: 'acknowledged', package_envelope: '', attachment_files: '[]' }, events: [{ kind: 'acknowledged', details_envelope: null }], files: 0, chunks: 0, grants: 0, onDisk: false });
    expect(forwarded.row.acknowledged_at).not.toBeNull();
    expect(await forwardingRemains(h, sentOfOpen)).toMatchObject({ files: 1, chunks: 1, grants: 1, onDisk: true, events: [{ details_envelope: expect.any(String) }] });
    expect(after.alert).toMatchObject({ answers_envelope: '', identity_envelope: '', state: 'closed', kind: before.alert.kind, region_id: before.alert.region_id, received_day: before.alert.received_day });
    const reasons = await h.db.selectFrom('state_changes').select(['to_state', 'reason_envelope']).where('alert_id', '=', closed.alertId).orderBy('seq').execute();
    expect(reasons).toEqual([{ to_state: 'received', reason_envelope: null }, { to_state: 'closed', reason_envelope: null }]);
    const audit = await h.db.selectFrom('audit_log').select(['action', 'object_id']).where('action', '=', 'retention-delete').execute();
    expect(audit).toEqual([{ action: 'retention-delete', object_id: closed.alertId }]);
    expect(await run()).toEqual({ deleted: 0, failedFileDeletions: 0 });
  });

  it('leaves a held alert and an open one untouched, and deletes the held one once released', async () => {
    h.advance(200 * DAY);
    await run();
    for (const kept of [held, open]) {
      const left = await remains(h, kept.alertId, kept.blobIds);
      expect(left).toMatchObject({ blobs: 1, notes: 1, files: [true] });
      expect(left.alert.answers_envelope).not.toBe('');
    }
    const release = await h.request('DELETE', CUSTODY_ROUTES.alertRetentionHold(held.alertId), { cookie: await coordinator.logIn() });
    expect(release.status).toBe(200);
    expect(await run()).toEqual({ deleted: 1, failedFileDeletions: 0 });
    expect((await remains(h, held.alertId, held.blobIds)).files).toEqual([false]);
    const actions = (await h.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
    for (const action of ['retention-policy', 'retention-hold', 'retention-release']) expect(actions).toContain(action);
  });

  it('lets only administrators set the policy and only coordinators hold', async () => {
    const analyst = await world.addMember(world.coalition, 'analyst');
    const cookie = await analyst.logIn();
    expect(await errorCode(await h.request('PUT', CUSTODY_ROUTES.orgRetention(world.coalition.id), { cookie, json: { months: 1 } }))).toBe('forbidden');
    const hold = { holdId: newId(), reasonEnvelope: shapedEnvelope(PURPOSES.retentionHold) };
    expect(await errorCode(await h.request('PUT', CUSTODY_ROUTES.alertRetentionHold(open.alertId), { cookie, json: hold }))).toBe('forbidden');
    const view = await h.request('GET', CUSTODY_ROUTES.alertRetention(closed.alertId), { cookie });
    expect(await view.json()).toMatchObject({ months: 6, hold: null, deletedAt: null, dueDay: expect.stringMatching(/^2025-09-01$/) });
  });
});
