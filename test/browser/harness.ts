/**
 * End-to-end harness: the real server started the way an administrator starts it (its own
 * process, `apps/server/src/main.ts`, SQLite under a temporary DATA_DIR), Debian's Chromium
 * driven by playwright-core, a recorder of every request the pages make, and a scanner that
 * reads every database row and every stored file for words that must never be at rest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { chromium, type Browser, type BrowserContext, type Request } from 'playwright-core';
import { freePort } from '../../apps/server/test/free-port.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MEDIA_DIR = path.resolve(REPO_ROOT, '../shared/data/media');
const CHROMIUM = '/usr/bin/chromium';

export type RunningServer = {
  readonly origin: string;
  readonly dataDir: string;
  readonly setupLink: string;
  readonly output: () => string;
  stop(): Promise<void>;
};


function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** A web build elsewhere than apps/web/dist (E2E_WEB_DIST_DIR), so a test run can use its own build while others build. */
const webDistFromEnv = (): Record<string, string> => {
  const dist = process.env['E2E_WEB_DIST_DIR'];
  return dist === undefined ? {} : { WEB_DIST_DIR: dist };
};

/** Starts the server as `npm start` would (after the web build), and waits for its setup link. `env` adds settings (WEB_DIST_DIR, …). */
export async function startServer(env: Readonly<Record<string, string>> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kk-e2e-'));
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: origin, POW_BITS: '8', ...webDistFromEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));

  const setupLink = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print a setup link:\n${output}`)), 60_000);
    const poll = setInterval(() => {
      const match = /(https?:\/\/\S+\/setup#token=[A-Za-z0-9_-]+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[1]);
      } else if (child.exitCode !== null) {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`server exited (${child.exitCode}):\n${output}`));
      }
    }, 100);
  });

  return {
    origin,
    dataDir,
    setupLink,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await waitForExit(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless; `extraArgs` add flags (a fake microphone for the voice tests). */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export type RecordedRequest = {
  readonly url: string;
  readonly method: string;
  readonly body: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
};

/** Records every request any page of the context makes (including ones that fail). */
export function recordRequests(context: BrowserContext): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  context.on('request', (request: Request) => {
    requests.push({ url: request.url(), method: request.method(), body: request.postDataBuffer(), headers: request.headers() });
  });
  return requests;
}

/** Requests to anything but the platform's own origin (data: and blob: URLs are local). */
export function foreignRequests(requests: readonly RecordedRequest[], origin: string): string[] {
  return requests
    .map((request) => request.url)
    .filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every row of every table, as JSON text, plus the raw bytes of every file under DATA_DIR. */
export function readEverythingAtRest(dataDir: string): { readonly rows: string; readonly files: readonly { path: string; bytes: Buffer }[] } {
  const db = new Database(path.join(dataDir, 'kenekanko.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    const rows = tables.map(({ name }) => JSON.stringify(db.prepare(`select * from "${name}"`).all())).join('\n');
    const files = filesUnder(dataDir).map((file) => ({ path: file, bytes: readFileSync(file) }));
    return { rows, files };
  } finally {
    db.close();
  }
}

/** Where each needle appears at rest (rows or file bytes, in UTF-8 and as raw bytes). */
export function findAtRest(dataDir: string, needles: readonly (string | Buffer)[]): string[] {
  const { rows, files } = readEverythingAtRest(dataDir);
  const hits: string[] = [];
  for (const needle of needles) {
    const bytes = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle;
    const label = typeof needle === 'string' ? JSON.stringify(needle) : `<${needle.length} bytes>`;
    if (typeof needle === 'string' && rows.includes(needle)) hits.push(`${label} in a database row`);
    for (const file of files) if (file.bytes.includes(bytes)) hits.push(`${label} in ${path.relative(dataDir, file.path)}`);
  }
  return hits;
}

export function readMedia(name: string): Buffer {
  return readFileSync(path.join(MEDIA_DIR, name));
}
