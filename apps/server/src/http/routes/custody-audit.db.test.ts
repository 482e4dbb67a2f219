import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntryHash, createApiClient, fetchAuditHead, signAuditCheckpoint, staffLogin } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { CUSTODY_ROUTES } from '@kenekanko/contracts';
import { PURPOSES, signStatement, toBase64Url } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { appendAudit, auditHash, deriveAuditMacKey } from '../../audit/index.ts';
import { createHarness, errorCode, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember } from '../testing/world.ts';

const PASSWORD = 'une phrase de passe assez longue';

describe.each(DATABASE_KINDS)('audit checkpoints on %s', (kind) => {
  let h: Harness;
  let world: World;
  let coordinator: WorldMember;
  let session: StaffSession;

  beforeAll(async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    coordinator = await world.addMember(world.coalition, 'coordinator', { password: PASSWORD });
    session = await staffLogin(createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch }), coordinator.login, PASSWORD);
    for (let i = 0; i < 3; i++) await appendAudit(h.db, { actorId: null, action: 'view-alert', objectType: 'alert', objectId: `a${i}`, details: { i, ok: true } }, h.now(), deriveAuditMacKey(h.secrets.serverSecret));
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('hashes entries in the browser exactly as the server does', async () => {
    const rows = await h.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    for (const row of rows) {
      const entry = { seq: row.seq, at: row.at, actorId: row.actor_id, action: row.action, objectType: row.object_type, objectId: row.object_id, details: row.details, prevHash: row.prev_hash };
      expect(auditEntryHash(entry)).toBe(auditHash(row));
    }
  });

  it('signs the head after checking the chain, and counts entries since the last checkpoint', async () => {
    const first = await signAuditCheckpoint(session, world.coalition.id);
    const head = await fetchAuditHead(session);
    expect(head.lastCheckpoint).toMatchObject({ seq: first.seq, orgId: world.coalition.id, signerLogin: coordinator.login });
    // The checkpoint itself is audited: one entry since.
    expect(head.sinceLastCheckpoint).toBe(1);
    await appendAudit(h.db, { actorId: null, action: 'note', objectType: 'alert', objectId: 'b', details: {} }, h.now(), deriveAuditMacKey(h.secrets.serverSecret));
    const second = await signAuditCheckpoint(session, world.coalition.id);
    expect(second.checkedEntries).toBe(2);
  });

  it('refuses to sign a chain rewritten since the last checkpoint', async () => {
    await appendAudit(h.db, { actorId: null, action: 'note', objectType: 'alert', objectId: 'c', details: {} }, h.now(), deriveAuditMacKey(h.secrets.serverSecret));
    const head = await h.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await h.db.updateTable('audit_log').set({ object_id: 'forged' }).where('seq', '=', head.seq).execute();
    await expect(signAuditCheckpoint(session, world.coalition.id)).rejects.toMatchObject({ code: 'bad-response' });
    await h.db.updateTable('audit_log').set({ object_id: 'c' }).where('seq', '=', head.seq).execute();
  });

  it('refuses a checkpoint whose hash or signature does not fit, and other organisations', async () => {
    const cookie = await coordinator.logIn();
    const head = await h.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const sign = (hash: string) => toBase64Url(signStatement(PURPOSES.auditCheckpoint, { v: 1, seq: head.seq, hash, orgId: world.coalition.id, orgKeyVersion: 1 }, world.coalition.keys.ed25519.privateKey));
    const wrongHash = 'a'.repeat(64);
    const mismatch = await h.request('POST', CUSTODY_ROUTES.auditCheckpoints, { cookie, json: { seq: head.seq, hash: wrongHash, orgId: world.coalition.id, orgKeyVersion: 1, signature: sign(wrongHash) } });
    expect(await errorCode(mismatch)).toBe('checkpoint-mismatch');
    const forged = await h.request('POST', CUSTODY_ROUTES.auditCheckpoints, { cookie, json: { seq: head.seq, hash: head.hash, orgId: world.coalition.id, orgKeyVersion: 1, signature: sign(wrongHash) } });
    expect(await errorCode(forged)).toBe('checkpoint-signature-invalid');
    const cso = await world.addOrg('cso', 'Another CSO');
    const csoCoordinator = await world.addMember(cso, 'coordinator');
    expect(await errorCode(await h.request('GET', CUSTODY_ROUTES.auditHead, { cookie: await csoCoordinator.logIn() }))).toBe('forbidden');
    expect(await errorCode(await h.request('GET', CUSTODY_ROUTES.auditEntries, { cookie: await csoCoordinator.logIn() }))).toBe('forbidden');
  });
});
