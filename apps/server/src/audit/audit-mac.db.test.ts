/**
 * Audit MACs over a real upgrade: entries written before migration 0008 keep a null MAC and are
 * counted, entries after it carry one, and a MAC stripped or forged after that point is named.
 */
import { Migrator, type Migration } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase } from '../../test/databases.ts';
import { migrateToLatest, type DatabaseHandle, type Db } from '../db/database.ts';
import * as m0001 from '../db/migrations/0001-initial.ts';
import * as m0002 from '../db/migrations/0002-organisations.ts';
import * as m0003 from '../db/migrations/0003-second-factor.ts';
import * as m0004 from '../db/migrations/0004-case-work.ts';
import * as m0005 from '../db/migrations/0005-forwarding.ts';
import * as m0006 from '../db/migrations/0006-custody-audit-retention.ts';
import * as m0007 from '../db/migrations/0007-stats.ts';
import { auditMac, deriveAuditMacKey, verifyAuditMacs } from './audit-mac.ts';
import { GENESIS_HASH, appendAudit, auditHash, verifyAuditChain } from './audit-trail.ts';

const BEFORE_MACS: Readonly<Record<string, Migration>> = {
  '0001-initial': m0001,
  '0002-organisations': m0002,
  '0003-second-factor': m0003,
  '0004-case-work': m0004,
  '0005-forwarding': m0005,
  '0006-custody-audit-retention': m0006,
  '0007-stats': m0007,
};
const KEY = deriveAuditMacKey(new Uint8Array(32).fill(3));
const at = (i: number): string => new Date(Date.parse('2025-01-10T08:00:00.000Z') + i * 60_000).toISOString();

/** What the server before 0008 wrote: chained entries with no mac column at all. */
async function writeOldEntries(db: Db, count: number): Promise<void> {
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const fields = { seq, at: at(seq), actor_id: null, action: 'view-alert', object_type: 'alert', object_id: `old-${seq}`, details: '{}', prev_hash: prev };
    prev = auditHash(fields);
    await db.insertInto('audit_log').values({ ...fields, hash: prev }).execute();
  }
}

describe.each(DATABASE_KINDS)('audit MACs across migration 0008 on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createTestDatabase(kind, { migrate: false });
    const { error } = await new Migrator({ db: handle.db, provider: { getMigrations: () => Promise.resolve({ ...BEFORE_MACS }) } }).migrateToLatest();
    expect(error).toBeUndefined();
    await writeOldEntries(handle.db, 3);
    // 0008 and every later migration (0009-stats-rollups, …) run now.
    expect(await migrateToLatest(handle.db)).toContain('0008-audit-mac');
    for (let i = 0; i < 2; i++) await appendAudit(handle.db, { actorId: 'u', action: 'note', objectType: 'alert', objectId: `new-${i}`, details: { i } }, new Date(at(10 + i)), KEY);
  });
  afterEach(async () => {
    await handle.close();
  });

  it('leaves the old entries without MAC, MACs the new ones, and counts the old ones without failing', async () => {
    const rows = await handle.db.selectFrom('audit_log').select(['seq', 'hash', 'mac']).orderBy('seq').execute();
    expect(rows.map((r) => r.mac === null)).toEqual([true, true, true, false, false]);
    expect(rows[3]?.mac).toBe(auditMac(KEY, rows[3]?.hash ?? ''));
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, count: 5 });
    expect(await verifyAuditMacs(handle.db, KEY)).toEqual({ ok: true, unmacked: 3 });
  });

  it('names a new entry whose MAC was stripped, and one whose MAC was made under another key', async () => {
    await handle.db.updateTable('audit_log').set({ mac: null }).where('seq', '=', 5).execute();
    expect(await verifyAuditMacs(handle.db, KEY)).toEqual({ ok: false, badSeq: 5, reason: 'missing-mac' });
    const row = await handle.db.selectFrom('audit_log').select('hash').where('seq', '=', 4).executeTakeFirstOrThrow();
    await handle.db.updateTable('audit_log').set({ mac: auditMac(deriveAuditMacKey(new Uint8Array(32).fill(4)), row.hash) }).where('seq', '=', 4).execute();
    expect(await verifyAuditMacs(handle.db, KEY)).toEqual({ ok: false, badSeq: 4, reason: 'bad-mac' });
  });

  it('refuses a MAC that is not base64url as not matching, rather than throwing', async () => {
    await handle.db.updateTable('audit_log').set({ mac: '***' }).where('seq', '=', 4).execute();
    expect(await verifyAuditMacs(handle.db, KEY)).toEqual({ ok: false, badSeq: 4, reason: 'bad-mac' });
  });
});
