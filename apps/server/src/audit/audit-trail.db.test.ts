import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase } from '../../test/databases.ts';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { deriveAuditMacKey } from './audit-mac.ts';
import { GENESIS_HASH, appendAudit, auditHash, canonicalDetails, verifyAuditChain } from './audit-trail.ts';

const T0 = Date.parse('2025-02-01T09:00:00.000Z');
const at = (minute: number): Date => new Date(T0 + minute * 60_000);
const KEY = deriveAuditMacKey(new Uint8Array(32).fill(7));

async function appendFive(db: Db): Promise<void> {
  for (let i = 1; i <= 5; i++) {
    await appendAudit(
      db,
      { actorId: `user-${i % 2}`, action: 'alert.transition', objectType: 'alert', objectId: `alert-${i}`, details: { to: 'acknowledged', n: i, urgent: i === 3, note: null } },
      at(i),
      KEY,
    );
  }
}

/** Exchanges the positions (seq) of two entries, leaving their content as it was. */
async function swap(db: Db, a: number, b: number): Promise<void> {
  await db.updateTable('audit_log').set({ seq: -1 }).where('seq', '=', a).execute();
  await db.updateTable('audit_log').set({ seq: a }).where('seq', '=', b).execute();
  await db.updateTable('audit_log').set({ seq: b }).where('seq', '=', -1).execute();
}

describe('canonicalDetails', () => {
  it('sorts keys so that equal details always hash alike', () => {
    expect(canonicalDetails({ b: 1, a: 'x', c: null, d: true })).toBe('{"a":"x","b":1,"c":null,"d":true}');
  });
  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalDetails({ n: Number.NaN })).toThrow(RangeError);
    expect(() => canonicalDetails({ n: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

describe.each(DATABASE_KINDS)('audit trail on %s', (kind) => {
  let handle: DatabaseHandle;
  let db: Db;
  beforeEach(async () => {
    handle = await createTestDatabase(kind, { seed: false });
    db = handle.db;
  });
  afterEach(async () => {
    await handle.close();
  });

  it('verifies an empty trail', async () => {
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 0 });
  });

  it('chains each entry to the one before, from the genesis hash', async () => {
    await appendFive(db);
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    for (const row of rows) expect(row.hash).toBe(auditHash(row));
    expect(rows[2]).toMatchObject({
      at: '2025-02-01T09:03:00.000Z',
      actor_id: 'user-1',
      action: 'alert.transition',
      object_type: 'alert',
      object_id: 'alert-3',
      details: '{"n":3,"note":null,"to":"acknowledged","urgent":true}',
    });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 5 });
  });

  it('names an edited entry', async () => {
    await appendFive(db);
    await db.updateTable('audit_log').set({ details: '{"n":3,"note":null,"to":"spam","urgent":true}' }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, badSeq: 3, reason: 'altered' });
  });

  it('names an edited entry whose hash was recomputed to hide the edit', async () => {
    await appendFive(db);
    const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const forged = { ...row, actor_id: 'someone-else' };
    await db.updateTable('audit_log').set({ actor_id: forged.actor_id, hash: auditHash(forged) }).where('seq', '=', 2).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, badSeq: 2, reason: 'altered' });
  });

  it('names a deleted entry', async () => {
    await appendFive(db);
    await db.deleteFrom('audit_log').where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, badSeq: 3, reason: 'missing' });
  });

  it('names a deleted first entry', async () => {
    await appendFive(db);
    await db.deleteFrom('audit_log').where('seq', '=', 1).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, badSeq: 1, reason: 'missing' });
  });

  it.each([
    [2, 4],
    [2, 3],
    [1, 5],
  ])('names swapped entries %i and %i', async (a, b) => {
    await appendFive(db);
    await swap(db, a, b);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, badSeq: a, reason: 'reordered' });
  });

  it('keeps appending after the trail is verified, across many pages', async () => {
    for (let i = 0; i < 1203; i++) {
      await db.insertInto('audit_log').values(await nextRow(db, i)).execute();
    }
    await appendAudit(db, { actorId: null, action: 'system.check', objectType: 'audit', objectId: null, details: {} }, at(9999), KEY);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 1204 });
    await db.updateTable('audit_log').set({ action: 'x' }).where('seq', '=', 1100).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, badSeq: 1100, reason: 'altered' });
  });

  it('does not fork the chain under concurrent appends', async () => {
    // Separate transactions racing for the next seq; only serialisation keeps them in one chain.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await appendAudit(trx, { actorId: 'u', action: 'note.add', objectType: 'alert', objectId: `a${i}`, details: { i } }, at(i), KEY);
        }),
      ),
    );
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 20 });
  });

  it('rolls the entry back with the action it audits', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, { actorId: 'u', action: 'alert.assign', objectType: 'alert', objectId: 'a', details: {} }, at(1), KEY);
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 0 });
  });
});

/** A valid next entry built directly, to fill a long chain quickly. */
async function nextRow(db: Db, i: number) {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    at: at(i).toISOString(),
    actor_id: null,
    action: 'bulk',
    object_type: 'test',
    object_id: String(i),
    details: '{}',
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  return { ...fields, hash: auditHash(fields) };
}
