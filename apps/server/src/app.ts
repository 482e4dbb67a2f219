/**
 * The HTTP application: middleware with secure defaults, the API routes, the web pages, and
 * one error handler. `createApp` builds everything from its dependencies and keeps no state
 * of its own, so several processes can serve one database (DESIGN §6) and tests can build as
 * many apps as they like.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { ROUTES, STATS_ROUTES } from '@kenekanko/contracts';
import { createExpiryRepo } from './adapters/expiry-repo.ts';
import { createKyselyStorage } from './adapters/kysely-storage.ts';
import { createPowLedger, createThrottle } from './adapters/support-repos.ts';
import { deriveAuditMacKey } from './audit/audit-mac.ts';
import type { BlobStores } from './blobs/index.ts';
import type { Config } from './config/config.ts';
import type { Database } from './db/schema.ts';
import { createPowService, derivePowKey } from './features/pow/index.ts';
import { deriveTotpKey } from './features/security/index.ts';
import { SETTING_KEYS } from './features/shared/records.ts';
import { deriveBucketKey } from './features/shared/throttle.ts';
import type { Peppers } from './features/submissions/index.ts';
import { bodyLimits } from './http/body-limits.ts';
import { compressPublicAnswers, createCompressor } from './http/compression.ts';
import { csrfGuard } from './http/csrf.ts';
import { createErrorHandler, errorResponse, notFoundHandler } from './http/error-handler.ts';
import { requestLog } from './http/request-log.ts';
import { registerAuthRoutes } from './http/routes/auth-routes.ts';
import { registerPublicRoutes } from './http/routes/public-routes.ts';
import { registerReporterRoutes } from './http/routes/reporter-routes.ts';
import { registerStaffRoutes } from './http/routes/staff-routes.ts';
import { registerOrgRoutes } from './http/routes/org-routes.ts';
import { registerSecurityRoutes } from './http/routes/security-routes.ts';
import { registerCaseRoutes } from './http/routes/case-routes.ts';
import { registerForwardingRoutes } from './http/routes/forwarding-routes.ts';
import { registerCustodyRoutes } from './http/routes/custody-routes.ts';
import { registerStatsRoutes } from './http/routes/stats-routes.ts';
import { registerSubmissionRoutes } from './http/routes/submission-routes.ts';
import { securityHeaders } from './http/security-headers.ts';
import type { AppServices } from './http/services.ts';
import type { StaffEnv } from './http/staff-session.ts';
import { createWebPages } from './http/web-pages.ts';
import { runCleanup } from './jobs/index.ts';
import type { CleanupResult } from './jobs/index.ts';
import type { Logger } from './logging/logger.ts';
import type { Secrets } from './secrets/index.ts';

export type AppDeps = {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
  readonly blobs: BlobStores;
  readonly secrets: Secrets;
  readonly logger: Logger;
  readonly clock: () => Date;
};

/** The pepper versions actually held (files may skip a version), newest first. */
export function peppersFrom(secrets: Secrets): Peppers {
  const versions: number[] = [];
  for (let version = secrets.pepperVersion; version >= 1; version--) {
    try {
      secrets.pepper(version);
      versions.push(version);
    } catch {
      // Not held: receipts made under it were never issued by this deployment.
    }
  }
  return { pepperVersion: secrets.pepperVersion, versions, pepper: (version) => secrets.pepper(version) };
}

function buildServices(deps: AppDeps): AppServices {
  const { config, db, secrets } = deps;
  const throttle = createThrottle(db);
  const bucketKey = deriveBucketKey(secrets.serverSecret);
  const peppers = peppersFrom(secrets);
  const pow = createPowService(derivePowKey(secrets.serverSecret), config.powBaseBits, createPowLedger(db));
  return {
    config,
    dialect: deps.dialect,
    storage: createKyselyStorage(db, deriveAuditMacKey(secrets.serverSecret)),
    files: deps.blobs.alerts,
    forwardingFiles: deps.blobs.forwardings,
    pow,
    peppers,
    reporter: { throttle, bucketKey, peppers, pow },
    accounts: { throttle, bucketKey, pow, serverSecret: secrets.serverSecret, sessionIdleMinutes: config.sessionIdleMinutes },
    security: { throttle, bucketKey, pow, serverSecret: secrets.serverSecret, totpKey: deriveTotpKey(secrets.serverSecret), requireSecondFactor: config.requireSecondFactor },
    logger: deps.logger,
    clock: deps.clock,
  };
}

/**
 * L3: a known path asked with a method it does not take answers 405 with an Allow header
 * and the usual JSON error body, instead of a misleading 404. Registered after every route, so
 * a matching method always wins.
 */
function answerWrongMethods(app: Hono<StaffEnv>): void {
  const methods = new Map<string, Set<string>>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || route.path.includes('*')) continue;
    const known = methods.get(route.path) ?? new Set<string>();
    known.add(route.method);
    if (route.method === 'GET') known.add('HEAD');
    methods.set(route.path, known);
  }
  for (const [routePath, allowed] of methods) {
    const allow = [...allowed].sort().join(', ');
    app.all(routePath, (c) => {
      c.header('Allow', allow);
      return errorResponse(c, 'method-not-allowed');
    });
  }
}

export function createApp(deps: AppDeps): Hono<StaffEnv> {
  const services = buildServices(deps);
  const app = new Hono<StaffEnv>();

  app.use('*', securityHeaders());
  app.use('*', requestLog(deps.logger));
  app.use('/api/*', bodyLimits());
  // What a reporter's phone loads first goes out compressed; both answers are public (compression.ts).
  const compressor = createCompressor();
  app.use(ROUTES.places, compressPublicAnswers(compressor, { cached: true }));
  // The outline the reporter's form opens with (issue 4); its communes come from the whole list above.
  app.use(ROUTES.placeOutline, compressPublicAnswers(compressor, { cached: true }));
  app.use(ROUTES.intake, compressPublicAnswers(compressor, { cached: false }));
  app.use(STATS_ROUTES.publicStats, compressPublicAnswers(compressor, { cached: true }));
  const csrf = csrfGuard(deps.config.publicUrl);
  // Asking for a salt changes nothing; every other auth and staff request that can change state is checked.
  app.use('/api/auth/*', (c, next) => (c.req.path === ROUTES.authSalt ? next() : csrf(c, next)));
  app.use('/api/staff/*', csrf);

  registerPublicRoutes(app, services);
  registerSubmissionRoutes(app, services);
  registerReporterRoutes(app, services);
  registerAuthRoutes(app, services);
  registerStaffRoutes(app, services);
  registerOrgRoutes(app, services);
  registerSecurityRoutes(app, services);
  registerCaseRoutes(app, services);
  registerForwardingRoutes(app, services);
  registerCustodyRoutes(app, services);
  registerStatsRoutes(app, services);
  answerWrongMethods(app);

  // The coalition key never changes once set, so it is cached after the first hit.
  let pinned: string | undefined;
  const coalitionKey = async (): Promise<string | undefined> => {
    pinned ??= await services.storage.read.directory.setting(SETTING_KEYS.coalitionSigningPublic);
    return pinned;
  };
  app.get('*', createWebPages({ distDir: deps.config.webDistDir, coalitionKey, compressor }));

  app.notFound(notFoundHandler);
  app.onError(createErrorHandler(deps.logger));
  return app;
}

/** The periodic clean-up, bound to its adapters (main.ts schedules it; tests call it directly). */
export function createCleanup(deps: Pick<AppDeps, 'db' | 'blobs' | 'config' | 'clock'>): () => Promise<CleanupResult> {
  const repo = createExpiryRepo(deps.db);
  return () => runCleanup(repo, deps.blobs, deps.config.sessionIdleMinutes, deps.clock());
}
