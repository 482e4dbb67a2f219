/**
 * A whole server for the encrypted-API integration tests: createApp over a fresh database of
 * either kind, a temp blob folder and fresh secrets, reached in-process through app.request.
 * The fetch it hands to the client records every request (method, path and body), so tests
 * can count requests and read what the browser actually sent.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes, toBase64Url } from '@kenekanko/crypto';
import { createApp } from '../../src/app.ts';
import { createKyselyStorage } from '../../src/adapters/kysely-storage.ts';
import { deriveAuditMacKey } from '../../src/audit/audit-mac.ts';
import { createLocalBlobStores } from '../../src/blobs/index.ts';
import type { Config } from '../../src/config/config.ts';
import { TABLES_CHILDREN_FIRST } from '../../src/db/migrations/0001-initial.ts';
import { issueSetupToken } from '../../src/features/setup/index.ts';
import { createLogger, createSilentLogger } from '../../src/logging/logger.ts';
import { loadOrCreateSecrets } from '../../src/secrets/index.ts';
import { createTestDatabase } from '../databases.ts';
import type { DatabaseKind, TestDatabase } from '../databases.ts';

export const BASE_URL = 'http://localhost';
const MIB = 1024 * 1024;

export type SentRequest = { readonly method: string; readonly path: string; readonly body: string; readonly bytes: Uint8Array | null };

/** Makes the next matching requests reach the server but lose their answer, as a dropped connection does. */
export type Dropper = (request: SentRequest) => boolean;

export type Listening = { readonly url: string; readonly requests: () => number; readonly close: () => Promise<void> };

export type Harness = {
  readonly kind: DatabaseKind;
  readonly database: TestDatabase;
  readonly blobDir: string;
  readonly setupToken: string;
  /** The app on a real HTTP port on 127.0.0.1, for clients in another process (the setup CLI). */
  readonly listen: () => Promise<Listening>;
  readonly fetch: typeof fetch;
  readonly sent: SentRequest[];
  /** Answers of requests this returns true for are replaced by a network error (after the server handled them). */
  dropAnswer: Dropper;
  readonly close: () => Promise<void>;
};

function testConfig(root: string, kind: DatabaseKind, location: string): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: root,
    database: kind === 'sqlite' ? { kind, file: location } : { kind, url: location },
    blobDir: path.join(root, 'blobs'),
    secretsDir: path.join(root, 'secrets'),
    maxFileBytes: 4 * MIB,
    maxAlertBytes: 16 * MIB,
    storageQuotaBytesPerDay: 256 * MIB,
    sessionIdleMinutes: 30,
    publicUrl: BASE_URL,
    webDistDir: path.join(root, 'no-web-build'),
    logLevel: 'error',
    powBaseBits: 4,
    // These flows sign in without TOTP; the second factor has its own tests (features/security).
    requireSecondFactor: false,
    mail: null,
    statsSuppressionThreshold: 5,
    reportFontDir: '/usr/share/fonts/truetype/dejavu',
  };
}

const bodyText = (body: RequestInit['body']): string => (typeof body === 'string' ? body : '');

export async function startHarness(kind: DatabaseKind): Promise<Harness> {
  const root = await mkdtemp(path.join(tmpdir(), 'kk-integration-'));
  const database = await createTestDatabase(kind);
  const config = testConfig(root, kind, database.location);
  const secrets = await loadOrCreateSecrets(config.secretsDir);
  const app = createApp({
    config,
    db: database.db,
    dialect: database.dialect,
    blobs: createLocalBlobStores(config.blobDir),
    secrets,
    // KENEKANKO_TEST_LOG=1 shows the server's error log while debugging a failing test.
    logger: process.env['KENEKANKO_TEST_LOG'] === '1' ? createLogger('error') : createSilentLogger(),
    clock: () => new Date(),
  });
  const setupToken = toBase64Url(randomBytes(24));
  await issueSetupToken(createKyselyStorage(database.db, deriveAuditMacKey(secrets.serverSecret)), setupToken);

  const sent: SentRequest[] = [];
  const harness: Harness = {
    kind,
    database,
    blobDir: config.blobDir,
    setupToken,
    listen: () =>
      new Promise((resolve) => {
        let requests = 0;
        const counted = (request: Request): Response | Promise<Response> => {
          requests += 1;
          return app.fetch(request);
        };
        const server = serve({ fetch: counted, hostname: '127.0.0.1', port: 0 }, (info) => {
          resolve({ url: `http://127.0.0.1:${info.port}`, requests: () => requests, close: () => new Promise<void>((done) => server.close(() => done())) });
        });
      }),
    sent,
    dropAnswer: () => false,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const bytes = init?.body instanceof Uint8Array ? init.body : null;
      const request: SentRequest = { method: init?.method ?? 'GET', path: url.pathname + url.search, body: bodyText(init?.body), bytes };
      sent.push(request);
      const response = await app.request(url.href, init);
      if (harness.dropAnswer(request)) throw new TypeError('fetch failed: connection reset');
      return response;
    },
    close: async () => {
      await database.close();
      await rm(root, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Every row of every table, as JSON text, for the plaintext-at-rest check. */
export async function dumpDatabase(database: TestDatabase): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of TABLES_CHILDREN_FIRST) tables[table] = await database.db.selectFrom(table).selectAll().execute();
  return JSON.stringify(tables);
}

/** Every file under `dir` (the blob store), with its bytes. */
export async function dumpFiles(dir: string): Promise<{ readonly file: string; readonly bytes: Uint8Array }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file) => ({ file, bytes: new Uint8Array(await readFile(file)) })));
}
