import { describe, expect, it } from 'vitest';
import { ROUTES } from '@kenekanko/contracts';
import { EXIT, runSetupCommand } from './setup-command.ts';
import type { SetupIo } from './setup-command.ts';
import { parseSetupArgs, passwordFromText } from './setup-args.ts';

const PASSWORD = 'une phrase de passe très longue';
const BASE = ['--url', 'http://localhost:8080', '--token', 'token-0123456789abcdefghij', '--organisation', 'COSCLCCP', '--login', 'coordinator'];

type Run = { code: number; out: string; err: string; requests: { path: string; body: string }[] };

async function run(argv: readonly string[], answer: (path: string) => Response | Promise<Response>, files: Record<string, string> = {}, stdin = ''): Promise<Run> {
  let out = '';
  let err = '';
  const requests: { path: string; body: string }[] = [];
  const io: SetupIo = {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    readFile: async (path) => {
      const content = files[path];
      if (content === undefined) throw new Error('ENOENT');
      return content;
    },
    readStdin: async () => stdin,
    fetch: async (input, init) => {
      const path = new URL(String(input)).pathname;
      requests.push({ path, body: typeof init?.body === 'string' ? init.body : '' });
      return answer(path);
    },
  };
  const code = await runSetupCommand(argv, io);
  return { code, out, err, requests };
}

const accept = async (path: string): Promise<Response> => {
  if (path !== ROUTES.setup) return new Response(null, { status: 404 });
  return new Response(JSON.stringify({ organisationId: 'OOOOOOOOOOOOOOOOOOOOOO', coordinatorId: 'UUUUUUUUUUUUUUUUUUUUUU' }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
};

describe('setup command', () => {
  it('sets up through the API and prints four recovery keys, never the password', async () => {
    const result = await run([...BASE, '--password-file', '/secret'], accept, { '/secret': `${PASSWORD}\n` });
    expect(result.code).toBe(EXIT.ok);
    expect(result.requests.map((r) => r.path)).toEqual([ROUTES.setup]);
    expect(result.out).toContain('RECOVERY KEYS');
    expect(result.out.match(/^ {5}[0-9A-Z]{4}(-[0-9A-Z]{4})+$/gm) ?? []).toHaveLength(4);
    for (const text of [result.out, result.err, ...result.requests.map((r) => r.body)]) expect(text).not.toContain(PASSWORD);
  });

  it('reads the password from stdin', async () => {
    const result = await run([...BASE, '--password-stdin'], accept, {}, `${PASSWORD}\r\n`);
    expect(result.code).toBe(EXIT.ok);
  });

  it('exits 2 on a missing argument, two password sources or an unreadable password file, without a request', async () => {
    const cases = [
      BASE.slice(2).concat('--password-stdin'),
      [...BASE, '--password-stdin', '--password-file', '/secret'],
      [...BASE, '--password-file', '/missing'],
      [...BASE, '--password-stdin', '--url', 'ftp://host'],
      [...BASE, '--password', PASSWORD],
    ];
    for (const argv of cases) {
      const result = await run(argv, accept, { '/secret': PASSWORD });
      expect(result.code).toBe(EXIT.usage);
      expect(result.requests).toHaveLength(0);
      expect(result.err).not.toContain(PASSWORD);
    }
  });

  it('exits 2 on a password too short to protect the keys', async () => {
    const result = await run([...BASE, '--password-stdin'], accept, {}, 'court\n');
    expect(result.code).toBe(EXIT.usage);
    expect(result.requests).toHaveLength(0);
    expect(result.err).toMatch(/^setup: Setup stopped \(bad-input\): /);
    expect(result.err).not.toContain('bad-input: bad-input');
    expect(result.err).not.toContain('(bad-input): bad-input');
  });

  it('exits 1 with the server message when the server refuses', async () => {
    const refuse = async () =>
      new Response(JSON.stringify({ error: { code: 'setup-token-invalid', message: 'The setup link is invalid or already used.' } }), { status: 403 });
    const result = await run([...BASE, '--password-stdin'], refuse, {}, PASSWORD);
    expect(result.code).toBe(EXIT.failed);
    expect(result.err).toContain('The setup link is invalid or already used.');
    expect(result.out).not.toContain('RECOVERY');
  });

  it('exits 1 when the server cannot be reached', async () => {
    const result = await run([...BASE, '--password-stdin'], () => Promise.reject(new TypeError('ECONNREFUSED')), {}, PASSWORD);
    expect(result.code).toBe(EXIT.failed);
    expect(result.err).toContain('Could not reach the server');
  });
});

describe('setup arguments', () => {
  it('keeps only the first line of a password file', () => {
    expect(passwordFromText('pass phrase  \nsecond line')).toBe('pass phrase  ');
    expect(passwordFromText('pass\r\n')).toBe('pass');
  });

  it('prints the usage for --help', () => {
    expect(parseSetupArgs(['--help'])).toEqual({ ok: false, help: true, problem: '' });
  });
});
