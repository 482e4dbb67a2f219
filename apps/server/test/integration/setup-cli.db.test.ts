/**
 * `npm run setup` as an operator runs it: a separate process that talks HTTP to a running
 * server, reads the password from stdin, prints the recovery keys, and exits 0, 1 or 2.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../databases.ts';
import { startHarness } from './harness.ts';
import type { Harness, Listening } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const PASSWORD = 'mot de passe du coordinateur, assez long';

type Run = { readonly code: number | null; readonly out: string; readonly err: string };

function runSetup(args: readonly string[], stdin: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'setup', '--', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

describe.each(DATABASE_KINDS)('the setup CLI against a server on %s', (kind) => {
  let h: Harness;
  let server: Listening;
  const args = (token: string) => ['--url', server.url, '--token', token, '--organisation', 'COSCLCCP', '--login', 'Coordinator', '--password-stdin'];

  beforeAll(async () => {
    h = await startHarness(kind);
    server = await h.listen();
  });
  afterAll(async () => {
    await server?.close();
    await h?.close();
  });

  it('exits 2 on a usage error, before talking to the server', async () => {
    const run = await runSetup(['--url', server.url], PASSWORD);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Usage');
    expect(server.requests()).toBe(0);
  });

  it('sets the platform up and prints the recovery keys, never the password', async () => {
    const run = await runSetup(args(h.setupToken), `${PASSWORD}\n`);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('RECOVERY KEYS');
    expect(server.requests()).toBe(1);
    expect(`${run.out}${run.err}`).not.toContain(PASSWORD);
    const users = await h.database.db.selectFrom('users').select('login').execute();
    expect(users).toEqual([{ login: 'coordinator' }]);
  });

  it('exits 1 with the server message when the platform is already set up', async () => {
    const run = await runSetup(args(h.setupToken), PASSWORD);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/setup-done|setup-token-invalid/);
    expect(run.out).toBe('');
  });
});
