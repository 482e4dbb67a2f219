import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CUSTODY_ROUTES } from '@kenekanko/contracts';
import { PURPOSES, signStatement, toBase64Url } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { appendAudit, auditHash, auditMac, deriveAuditMacKey } from '../audit/index.ts';
import type { Config } from '../config/config.ts';
import { createHarness } from '../http/testing/harness.ts';
import type { Harness } from '../http/testing/harness.ts';
import { createWorld } from '../http/testing/world.ts';
import type { World, WorldMember } from '../http/testing/world.ts';
import { EXIT_BROKEN, EXIT_OK, runAuditVerify } from './audit-verify-command.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

/** The harness's own database (its config points at an unused data folder). */
function configOf(h: Harness): Config {
  const database = h.kind === 'sqlite' ? ({ kind: 'sqlite', file: h.databaseLocation } as const) : ({ kind: 'postgres', url: h.databaseLocation } as const);
  return { ...h.config, database };
}

/** The verdict, the first line; a broken trail prints nothing else (details follow an intact one). */
async function verify(h: Harness): Promise<{ code: number; line: string }> {
  const lines: string[] = [];
  const code = await runAuditVerify(configOf(h), (line) => lines.push(line), { requireCheckpointWithinDays: null, now: h.now() });
  if (code !== EXIT_OK) expect(lines).toHaveLength(1);
  return { code, line: lines[0] ?? '' };
}

async function appendSome(h: Harness, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await appendAudit(h.db, { actorId: null, action: 'view-alert', objectType: 'alert', objectId: `alert-${i}`, details: { i } }, h.now(), deriveAuditMacKey(h.secrets.serverSecret));
  }
}

/** Signs the current head with the coalition key, as a coordinator's browser does, and posts it. */
async function checkpoint(h: Harness, world: World, coordinator: WorldMember): Promise<number> {
  const head = await h.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  const statement = { v: 1, seq: head.seq, hash: head.hash, orgId: world.coalition.id, orgKeyVersion: 1 } as const;
  const signature = toBase64Url(signStatement(PURPOSES.auditCheckpoint, statement, world.coalition.keys.ed25519.privateKey));
  const cookie = await coordinator.logIn();
  const response = await h.request('POST', CUSTODY_ROUTES.auditCheckpoints, { cookie, json: { seq: head.seq, hash: head.hash, orgId: world.coalition.id, orgKeyVersion: 1, signature } });
  expect(response.status).toBe(201);
  return head.seq;
}

async function swap(h: Harness, a: number, b: number): Promise<void> {
  await h.db.updateTable('audit_log').set({ seq: -1 }).where('seq', '=', a).execute();
  await h.db.updateTable('audit_log').set({ seq: a }).where('seq', '=', b).execute();
  await h.db.updateTable('audit_log').set({ seq: b }).where('seq', '=', -1).execute();
}

describe.each(DATABASE_KINDS)('npm run audit:verify on %s', (kind) => {
  let h: Harness;
  let world: World;
  let coordinator: WorldMember;
  beforeEach(async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    coordinator = await world.addMember(world.coalition, 'coordinator');
    await appendSome(h, 6);
  });
  afterEach(async () => {
    await h.close();
  });

  it('passes an intact chain with a verified checkpoint, the verdict on the first line', async () => {
    const seq = await checkpoint(h, world, coordinator);
    const { code, line } = await verify(h);
    expect(code).toBe(EXIT_OK);
    expect(line).toMatch(new RegExp(`^audit trail OK: \\d+ entries intact, 1 signed checkpoints verified \\(last at #${seq}\\)$`));
  });

  it('names an edited entry', async () => {
    await h.db.updateTable('audit_log').set({ details: '{"i":99}' }).where('seq', '=', 4).execute();
    expect(await verify(h)).toEqual({ code: EXIT_BROKEN, line: expect.stringContaining('entry #4 is altered') });
  });

  it('names a deleted entry', async () => {
    await h.db.deleteFrom('audit_log').where('seq', '=', 3).execute();
    expect(await verify(h)).toEqual({ code: EXIT_BROKEN, line: expect.stringContaining('entry #3 is missing') });
  });

  it('names reordered entries', async () => {
    await swap(h, 3, 5);
    expect(await verify(h)).toEqual({ code: EXIT_BROKEN, line: expect.stringContaining('entry #3 is reordered') });
  });

  it('catches entries cut off after a checkpoint, which leave a valid shorter chain', async () => {
    const seq = await checkpoint(h, world, coordinator);
    await h.db.deleteFrom('audit_log').where('seq', '>=', seq - 1).execute();
    expect(await verify(h)).toEqual({ code: EXIT_BROKEN, line: expect.stringContaining(`entry #${seq - 1} is missing`) });
  });

  it('catches a checkpoint whose signature was forged in the database', async () => {
    const seq = await checkpoint(h, world, coordinator);
    await h.db.updateTable('audit_checkpoints').set({ signature: toBase64Url(new Uint8Array(64).fill(1)) }).where('seq', '=', seq).execute();
    expect(await verify(h)).toEqual({ code: EXIT_BROKEN, line: `audit trail BROKEN: the checkpoint at entry #${seq} has a signature that does not verify` });
  });

  it('catches a rewritten entry whose whole chain after it was recomputed, thanks to the checkpoint', async () => {
    const seq = await checkpoint(h, world, coordinator);
    // Whoever controls the database AND the server secret edits entry 2 and recomputes every hash
    // and MAC after it: a valid chain again (without the secret the MAC alone catches it).
    const key = deriveAuditMacKey(h.secrets.serverSecret);
    const rows = await h.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    let prev = rows[0]?.prev_hash ?? '';
    for (const row of rows) {
      const fields = { ...row, details: row.seq === 2 ? '{"forged":true}' : row.details, prev_hash: prev };
      const hash = auditHash(fields);
      await h.db.updateTable('audit_log').set({ details: fields.details, prev_hash: prev, hash, mac: auditMac(key, hash) }).where('seq', '=', row.seq).execute();
      prev = hash;
    }
    expect(await verify(h)).toEqual({
      code: EXIT_BROKEN,
      line: `audit trail BROKEN: the checkpoint at entry #${seq} does not match the entry stored at its position (the entry was altered)`,
    });
  });

  it('exits non-zero as a real process, naming the entry, with the server configuration from the environment', async () => {
    await h.db.updateTable('audit_log').set({ action: 'note' }).where('seq', '=', 2).execute();
    const dir = await mkdtemp(path.join(tmpdir(), 'kk-verify-'));
    try {
      let env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, SECRETS_DIR: h.config.secretsDir };
      if (kind === 'sqlite') {
        // A copy of the harness database where the server's configuration looks for it.
        await sql`pragma wal_checkpoint(truncate)`.execute(h.db);
        await copyFile(h.databaseLocation, path.join(dir, 'kenekanko.sqlite'));
      } else {
        env = { ...env, DATABASE_URL: h.databaseLocation };
      }
      const result = await run(['tsx', 'apps/server/src/cli/audit-verify.ts'], env);
      expect(result.code).toBe(EXIT_BROKEN);
      expect(result.stdout.trim()).toBe('audit trail BROKEN: entry #2 is altered (its content or hash no longer matches)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

function run(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}
