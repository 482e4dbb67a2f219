/**
 * Start-up (`npm start -w @kenekanko/server`): configuration, database and migrations, places,
 * secrets, blob store, the clean-up job, then the HTTP server. On a fresh deployment it prints
 * a one-time setup link whose token travels in the URL fragment, which browsers never send in
 * a request line, so no proxy log can capture it.
 *
 * SECURITY: the link goes to the operator's terminal, not to the structured log, whose lines
 * may be shipped elsewhere; the database keeps only the token's hash, replaced at every start.
 */
import { serve } from '@hono/node-server';
import { randomBytes, toBase64Url } from '@kenekanko/crypto';
import { createKyselyStorage } from './adapters/kysely-storage.ts';
import { reportFontsProblem } from './adapters/report-fonts.ts';
import { deriveAuditMacKey } from './audit/audit-mac.ts';
import { createApp, createCleanup } from './app.ts';
import { createLocalBlobStores } from './blobs/index.ts';
import { ConfigError, loadConfig } from './config/config.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import { issueSetupToken, needsSetup } from './features/setup/index.ts';
import { startPeriodicJob } from './jobs/index.ts';
import { startCaseJobs } from './jobs/case-jobs.ts';
import { RETENTION_INTERVAL_MS, runRetention } from './jobs/retention-job.ts';
import { createLogger } from './logging/logger.ts';
import { answerClientErrors, siteHeaders } from './http/client-error.ts';
import { seedPlaces } from './places/index.ts';
import { loadOrCreateSecrets, SecretsError } from './secrets/index.ts';

const SETUP_TOKEN_BYTES = 32;

function tellOperator(lines: readonly string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function offerSetup(storage: ReturnType<typeof createKyselyStorage>, publicUrl: string): Promise<void> {
  if (!(await needsSetup(storage.read.directory))) return;
  const token = toBase64Url(randomBytes(SETUP_TOKEN_BYTES));
  await issueSetupToken(storage, token);
  tellOperator([
    '',
    'Kenekanko is not set up yet. Open this one-time link in a browser to set it up:',
    `  ${publicUrl}/setup#token=${token}`,
    'Or, from a shell on this machine:',
    `  npm run setup -- --url ${publicUrl} --token ${token} --organisation "NAME" --login LOGIN --password-file FILE`,
    'The link works once and is replaced at every start until setup is done.',
    '',
  ]);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const missingFonts = await reportFontsProblem(config.reportFontDir);
  // Not fatal: only the PDF report needs them (it then answers 'stats-report-unavailable').
  if (missingFonts !== null) logger.warn(`REPORT_FONT_DIR lacks ${missingFonts} (Debian: fonts-dejavu-core): the PDF report is unavailable`);
  const clock = (): Date => new Date();
  const database = await openDatabase(config.database);
  await migrateToLatest(database.db);
  await seedPlaces(database.db, clock());
  const secrets = await loadOrCreateSecrets(config.secretsDir);
  const blobs = createLocalBlobStores(config.blobDir);

  const deps = { config, db: database.db, dialect: database.dialect, blobs, secrets, logger, clock };
  const app = createApp(deps);
  const auditMacKey = deriveAuditMacKey(secrets.serverSecret);
  await offerSetup(createKyselyStorage(database.db, auditMacKey), config.publicUrl);
  const cleanup = startPeriodicJob('cleanup', createCleanup(deps), logger);
  const retentionStorage = createKyselyStorage(database.db, auditMacKey);
  const retention = startPeriodicJob('retention', () => runRetention(retentionStorage, blobs, clock()), logger, RETENTION_INTERVAL_MS);
  const caseJobs = startCaseJobs(deps);
  const headers = await siteHeaders(app.fetch);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    logger.info('listening', { port: info.port, database: database.dialect });
  });
  answerClientErrors(server, headers);

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down');
    server.close(() => {
      void Promise.all([cleanup.stop(), retention.stop(), ...caseJobs.map((job) => job.stop())])
        .then(() => database.close())
        .then(() => process.exit(0), () => process.exit(1));
    });
    // Keep-alive connections would hold close() open; give them a moment, then leave.
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  // ConfigError and SecretsError messages name variables and files, never values; others may quote input.
  const detail = error instanceof ConfigError || error instanceof SecretsError ? error.message : error instanceof Error ? error.name : 'unknown error';
  process.stderr.write(`Kenekanko could not start: ${detail}\n`);
  process.exit(1);
});
