/**
 * Test harness for route tests: a fresh database of either dialect, temporary folders for
 * blobs, secrets and a tiny web build, a controllable clock, and a request helper that speaks
 * to `createApp` in memory. Only tests import this.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@kenekanko/contracts';
import { createTestDatabase } from '../../../test/databases.ts';
import type { DatabaseKind } from '../../../test/databases.ts';
import { createApp, createCleanup } from '../../app.ts';
import type { AppDeps } from '../../app.ts';
import { createLocalBlobStores } from '../../blobs/index.ts';
import { loadConfig } from '../../config/config.ts';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import { createSilentLogger } from '../../logging/logger.ts';
import { loadOrCreateSecrets } from '../../secrets/index.ts';
import type { Secrets } from '../../secrets/index.ts';

export const PUBLIC_URL = 'https://kenekanko.test';
export const START = new Date('2025-03-01T10:00:00.000Z');

export type RequestOptions = {
  readonly json?: unknown;
  readonly body?: string | Uint8Array;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Adds the CSRF header (on by default for staff and auth routes). */
  readonly csrf?: boolean;
  readonly cookie?: string;
};

export type Harness = {
  readonly kind: DatabaseKind;
  readonly db: Db;
  readonly config: Config;
  readonly secrets: Secrets;
  readonly blobDir: string;
  /** The SQLite file, or the PostgreSQL URL. */
  readonly databaseLocation: string;
  readonly deps: AppDeps;
  now(): Date;
  advance(seconds: number): void;
  request(method: string, urlPath: string, options?: RequestOptions): Promise<Response>;
  /** `fetch` answered by the app in memory (for @kenekanko/client), base URL PUBLIC_URL. */
  readonly fetch: typeof fetch;
  cleanup(): Promise<unknown>;
  close(): Promise<void>;
};

export const WEB_INDEX = '<!doctype html><html><head><meta name="kenekanko-pins" content=""><script type="module" src="/assets/app-abc123.js"></script></head><body>reporter</body></html>';
export const WEB_DESK = '<!doctype html><html><head><meta name="kenekanko-pins" content=""></head><body>desk</body></html>';

async function writeWebBuild(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), WEB_INDEX);
  await writeFile(path.join(dir, 'desk.html'), WEB_DESK);
  await writeFile(path.join(dir, 'assets', 'app-abc123.js'), 'export const x = 1;\n');
  await writeFile(path.join(dir, 'assets', 'style-abc123.css'), 'body{}\n');
  await writeFile(path.join(dir, 'manifest.webmanifest'), '{}');
}

export async function createHarness(kind: DatabaseKind, overrides: Partial<Config> = {}, options: { readonly webBuild?: boolean } = {}): Promise<Harness> {
  const handle = await createTestDatabase(kind);
  const dir = await mkdtemp(path.join(tmpdir(), 'kk-app-'));
  const webDistDir = path.join(dir, 'web');
  if (options.webBuild ?? true) await writeWebBuild(webDistDir);
  const base = loadConfig({ DATA_DIR: dir, WEB_DIST_DIR: webDistDir, POW_BITS: '4', PUBLIC_URL });
  // Route tests sign in without TOTP unless they ask for the real default (second-factor tests do).
  const config: Config = { ...base, requireSecondFactor: false, ...overrides };
  const secrets = await loadOrCreateSecrets(config.secretsDir);
  let now = START;
  const clock = (): Date => now;
  const deps: AppDeps = { config, db: handle.db, dialect: handle.dialect, blobs: createLocalBlobStores(config.blobDir, clock), secrets, logger: createSilentLogger(), clock };
  const app = createApp(deps);

  const request: Harness['request'] = async (method, urlPath, opts = {}) => {
    const headers = new Headers(opts.headers);
    const staffish = urlPath.startsWith('/api/staff/') || urlPath.startsWith('/api/auth/');
    if (opts.csrf ?? staffish) headers.set(CSRF_HEADER, CSRF_HEADER_VALUE);
    if (opts.cookie !== undefined) headers.set('cookie', opts.cookie);
    let body: string | Uint8Array | undefined = opts.body;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    if (opts.contentType !== undefined) headers.set('content-type', opts.contentType);
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = typeof body === 'string' ? body : new Uint8Array(body);
    return app.request(`http://kenekanko.test${urlPath}`, init);
  };

  return {
    kind,
    db: handle.db,
    config,
    secrets,
    blobDir: config.blobDir,
    databaseLocation: handle.location,
    deps,
    now: clock,
    advance: (seconds) => {
      now = new Date(now.getTime() + seconds * 1000);
    },
    request,
    fetch: async (input, init) => app.request(input instanceof Request ? input : String(input), init),
    cleanup: createCleanup(deps),
    close: async () => {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The error code of a JSON error answer. */
export async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { readonly error?: { readonly code?: unknown } };
  return String(body.error?.code);
}
