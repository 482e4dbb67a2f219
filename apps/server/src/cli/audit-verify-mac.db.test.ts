/**
 * `npm run audit:verify` against the attacks the security tester ran on a database copy: with
 * no signed checkpoint, an entry edited and every later hash recomputed must now fail on its
 * MAC; entries from before migration 0008 are counted, not failed; and what no checkpoint
 * covers is reported, failing only under --require-checkpoint-within.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CUSTODY_ROUTES } from '@kenekanko/contracts';
import { PURPOSES, signStatement, toBase64Url } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { appendAudit, auditHash, auditMac, deriveAuditMacKey } from '../audit/index.ts';
import type { Config } from '../config/config.ts';
import { createHarness } from '../http/testing/harness.ts';
import type { Harness } from '../http/testing/harness.ts';
import { createWorld } from '../http/testing/world.ts';
import { SecretsError } from '../secrets/index.ts';
import { EXIT_BROKEN, EXIT_FAILED, EXIT_OK, EXIT_UNCOVERED, auditVerifyMain, parseAuditVerifyArgs, runAuditVerify } from './audit-verify-command.ts';

function configOf(h: Harness): Config {
  const database = h.kind === 'sqlite' ? ({ kind: 'sqlite', file: h.databaseLocation } as const) : ({ kind: 'postgres', url: h.databaseLocation } as const);
  return { ...h.config, database };
}

async function verify(h: Harness, requireCheckpointWithinDays: number | null = null, maxEntriesWithoutMac: number | null = null): Promise<{ code: number; lines: readonly string[] }> {
  const lines: string[] = [];
  const code = await runAuditVerify(configOf(h), (line) => lines.push(line), { requireCheckpointWithinDays, maxEntriesWithoutMac, now: h.now() });
  return { code, lines };
}

async function appendSome(h: Harness, count: number): Promise<void> {
  const key = deriveAuditMacKey(h.secrets.serverSecret);
  for (let i = 0; i < count; i++) await appendAudit(h.db, { actorId: null, action: 'view-alert', objectType: 'alert', objectId: `a-${i}`, details: { i } }, h.now(), key);
}

/** What a database-only attacker can do: edit entry `seq`, recompute every hash after it, and
 * (optionally) put MACs under a key of their own choosing, since they lack the server secret. */
async function rewriteAndRehash(h: Harness, seq: number, macKeyOfAttacker: Uint8Array | null): Promise<void> {
  const rows = await h.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  let prev = rows[0]?.prev_hash ?? '';
  for (const row of rows) {
    const fields = { ...row, details: row.seq === seq ? '{"forged":true}' : row.details, prev_hash: prev };
    const hash = auditHash(fields);
    const mac = macKeyOfAttacker === null ? row.mac : auditMac(deriveAuditMacKey(macKeyOfAttacker), hash);
    await h.db.updateTable('audit_log').set({ details: fields.details, prev_hash: prev, hash, mac }).where('seq', '=', row.seq).execute();
    prev = hash;
  }
}

describe('parseAuditVerifyArgs', () => {
  it('takes no argument, or --require-checkpoint-within and a whole number of days', () => {
    expect(parseAuditVerifyArgs([])).toEqual({ requireCheckpointWithinDays: null, maxEntriesWithoutMac: null });
    expect(parseAuditVerifyArgs(['--require-checkpoint-within', '30'])).toEqual({ requireCheckpointWithinDays: 30, maxEntriesWithoutMac: null });
    expect(parseAuditVerifyArgs(['--max-entries-without-mac', '0', '--require-checkpoint-within', '7'])).toEqual({ requireCheckpointWithinDays: 7, maxEntriesWithoutMac: 0 });
  });
  it.each([[['--require-checkpoint-within']], [['--require-checkpoint-within', '0']], [['--require-checkpoint-within', '2.5']], [['--frobnicate']], [['--require-checkpoint-within', '3', 'x']], [['--max-entries-without-mac', '-1']], [['--require-checkpoint-within', '3', '--require-checkpoint-within', '4']]])(
    'refuses %j with a message',
    (args) => {
      expect(typeof parseAuditVerifyArgs(args)).toBe('string');
    },
  );
  it('exits 2 with the usage on a bad argument, before touching any database', async () => {
    const errors: string[] = [];
    expect(await auditVerifyMain({}, ['--require-checkpoint-within', 'soon'], () => undefined, (line) => errors.push(line))).toBe(EXIT_FAILED);
    expect(errors).toEqual(['--require-checkpoint-within takes a whole number of days from 1 to 36500']);
  });
});

describe.each(DATABASE_KINDS)('audit:verify with MACs on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(kind);
    await appendSome(h, 6);
  });
  afterEach(async () => {
    await h.close();
  });

  it('gives every new entry a MAC under a key derived from the server secret', async () => {
    const rows = await h.db.selectFrom('audit_log').select(['hash', 'mac']).execute();
    const key = deriveAuditMacKey(h.secrets.serverSecret);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.mac).toBe(auditMac(key, row.hash));
    expect(auditMac(key, rows[0]?.hash ?? '')).not.toBe(auditMac(deriveAuditMacKey(new Uint8Array(32)), rows[0]?.hash ?? ''));
  });

  it('catches an entry edited and re-hashed with no checkpoint, naming it by its MAC', async () => {
    await rewriteAndRehash(h, 3, null);
    const { code, lines } = await verify(h);
    expect(code).toBe(EXIT_BROKEN);
    expect(lines).toEqual(['audit trail BROKEN: entry #3 is altered (its MAC does not match: it was rewritten and re-hashed without the server secret)']);
  });

  it('catches MACs recomputed under a key that is not the server secret', async () => {
    await rewriteAndRehash(h, 2, new Uint8Array(32).fill(9));
    expect((await verify(h)).lines[0]).toContain('entry #1 is altered (its MAC does not match');
  });

  it('catches a MAC removed after MACed entries', async () => {
    await rewriteAndRehash(h, 5, null);
    await h.db.updateTable('audit_log').set({ mac: null }).where('seq', '>=', 5).execute();
    expect((await verify(h)).lines).toEqual(['audit trail BROKEN: entry #5 is altered (it has no MAC although earlier entries have one: its MAC was removed)']);
  });

  it('counts entries from before migration 0008 (no MAC) without failing them', async () => {
    const before = (await h.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    await h.db.updateTable('audit_log').set({ mac: null }).where('seq', '<=', 4).execute();
    const { code, lines } = await verify(h);
    expect(code).toBe(EXIT_OK);
    expect(lines[0]).toMatch(/^audit trail OK: \d+ entries intact, 0 signed checkpoints verified \(none yet\)$/);
    expect(lines[1]).toBe(`MACs: ${Number(before) - 4} entries carry a valid MAC; 4 predate MACs (written before migration 0008, chain-checked only)`);
    expect((await verify(h, null, 4)).code).toBe(EXIT_OK);
  });

  it('catches every MAC stripped and the trail re-hashed once the operator pins the pre-MAC count', async () => {
    await h.db.updateTable('audit_log').set({ mac: null }).where('seq', '<=', 2).execute();
    // The attacker strips the rest too and edits entry 4: every entry now "predates MACs".
    await h.db.updateTable('audit_log').set({ mac: null }).execute();
    await rewriteAndRehash(h, 4, null);
    expect((await verify(h)).code).toBe(EXIT_OK); // the limit, stated in the docs
    expect(await verify(h, null, 2)).toEqual({
      code: EXIT_BROKEN,
      lines: [expect.stringMatching(/^audit trail BROKEN: entry #3 is altered \(\d+ entries have no MAC, more than the 2 written before MACs: MACs were stripped\)$/)],
    });
  });

  it('warns, without failing, when no checkpoint covers anything; a cut-off tail is then undetectable (documented)', async () => {
    await h.db.deleteFrom('audit_log').where('seq', '>=', 5).execute();
    const { code, lines } = await verify(h);
    expect(code).toBe(EXIT_OK);
    expect(lines).toContainEqual(expect.stringMatching(/^WARNING: no signed checkpoint yet: none of the 4 entries is covered/));
  });

  it('fails under --require-checkpoint-within only when an uncovered entry is older than the limit', async () => {
    expect((await verify(h, 7)).code).toBe(EXIT_OK);
    h.advance(8 * 86_400);
    const { code, lines } = await verify(h, 7);
    expect(code).toBe(EXIT_UNCOVERED);
    expect(lines.at(-1)).toMatch(/^audit trail NOT COVERED: entry #1 of \d{4}-\d{2}-\d{2} is older than 7 days and no signed checkpoint covers it$/);
  });

  it('reports how many entries follow the last checkpoint and its day, and passes once it is recent', async () => {
    const world = await createWorld(h);
    const coordinator = await world.addMember(world.coalition, 'coordinator');
    const cookie = await coordinator.logIn();
    const head = await h.db.selectFrom('audit_log').select(['seq', 'hash', 'at']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const statement = { v: 1, seq: head.seq, hash: head.hash, orgId: world.coalition.id, orgKeyVersion: 1 } as const;
    const signature = toBase64Url(signStatement(PURPOSES.auditCheckpoint, statement, world.coalition.keys.ed25519.privateKey));
    const response = await h.request('POST', CUSTODY_ROUTES.auditCheckpoints, { cookie, json: { seq: head.seq, hash: head.hash, orgId: world.coalition.id, orgKeyVersion: 1, signature } });
    expect(response.status).toBe(201);
    await appendSome(h, 2);
    const recent = await verify(h, 7);
    expect(recent.code).toBe(EXIT_OK);
    // The checkpoint's own audit entry and the two after it.
    expect(recent.lines).toContainEqual(`not covered by a signed checkpoint: 3 entries after #${head.seq} (the last checkpoint signs an entry of ${head.at.slice(0, 10)})`);
    h.advance(8 * 86_400);
    const stale = await verify(h, 7);
    expect(stale.code).toBe(EXIT_UNCOVERED);
    expect(stale.lines.at(-1)).toMatch(new RegExp(`^audit trail NOT COVERED: entry #${head.seq + 1} of `));
  });

  it('refuses to run without the server secret rather than create a new one', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'kk-nosecret-'));
    try {
      await expect(runAuditVerify({ ...configOf(h), secretsDir: empty }, () => undefined)).rejects.toThrow(SecretsError);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
