/**
 * The server's configuration, read from the environment in one place (DESIGN §5: only this
 * module reads process.env). Every variable is parsed with valibot; a bad value stops the
 * start-up with a ConfigError naming the variable and what was expected.
 *
 * SECURITY: error messages name variables, never their values: DATABASE_URL may carry a
 * password, and start-up errors end up in service logs.
 *
 * HOST defaults to 127.0.0.1, not 0.0.0.0: the server speaks plain HTTP and must sit behind a
 * TLS reverse proxy (or an onion service) on the same machine, so that no reporter ever reaches
 * it unencrypted by accident. Set HOST=0.0.0.0 in a container whose port is published only to
 * the proxy.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string };

export type Config = {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly blobDir: string;
  readonly secretsDir: string;
  readonly maxFileBytes: number;
  readonly maxAlertBytes: number;
  readonly storageQuotaBytesPerDay: number;
  readonly sessionIdleMinutes: number;
  readonly publicUrl: string;
  readonly webDistDir: string;
  readonly logLevel: LogLevel;
  readonly powBaseBits: number;
  /** REQUIRE_SECOND_FACTOR (default true): staff without a second factor reach only /api/me and enrolment. */
  readonly requireSecondFactor: boolean;
  /** SMTP_URL + MAIL_FROM (case desk): content-free reminders to staff who opted in; null (off) when unset. */
  readonly mail: MailConfig | null;
  /** STATS_SUPPRESSION_THRESHOLD (default 5): released statistics show any count under it as "< N" (features/stats). */
  readonly statsSuppressionThreshold: number;
  /** REPORT_FONT_DIR (default Debian's fonts-dejavu-core folder): holds DejaVuSans.ttf and DejaVuSans-Bold.ttf for the PDF report. */
  readonly reportFontDir: string;
};

export type MailConfig = { readonly smtpUrl: string; readonly from: string };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super(`Invalid configuration: ${issues.join('; ')}`);
    this.issues = issues;
  }
}

const MIB = 1024 * 1024;

/** An optional integer variable within bounds, with a default. */
function integerVar(defaultValue: number, min: number, max: number) {
  return v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,9}$/, `a whole number between ${min} and ${max}`),
      v.transform(Number),
      v.minValue(min, `a whole number between ${min} and ${max}`),
      v.maxValue(max, `a whole number between ${min} and ${max}`),
    ),
    String(defaultValue),
  );
}

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'a non-empty value'));

const EnvSchema = v.object({
  PORT: integerVar(8080, 0, 65_535),
  HOST: v.optional(nonEmpty, '127.0.0.1'),
  DATA_DIR: v.optional(nonEmpty, './data'),
  DATABASE_URL: v.optional(
    v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\/\S+$/, 'a postgres:// or postgresql:// URL')),
  ),
  SECRETS_DIR: v.optional(nonEmpty),
  MAX_FILE_MB: integerVar(50, 1, 10_000),
  MAX_ALERT_MB: integerVar(200, 1, 100_000),
  STORAGE_QUOTA_MB_PER_DAY: integerVar(5000, 1, 100_000_000),
  SESSION_IDLE_MINUTES: integerVar(30, 1, 24 * 60),
  PUBLIC_URL: v.optional(v.pipe(v.string(), v.trim(), v.url('an http:// or https:// URL'))),
  WEB_DIST_DIR: v.optional(nonEmpty),
  LOG_LEVEL: v.optional(v.picklist(LOG_LEVELS, `one of ${LOG_LEVELS.join(', ')}`), 'info'),
  POW_BITS: integerVar(16, 0, 32),
  SMTP_URL: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^smtps?:\/\/\S+$/, 'an smtp:// or smtps:// URL'))),
  MAIL_FROM: v.optional(v.pipe(v.string(), v.trim(), v.email('an e-mail address'))),
  STATS_SUPPRESSION_THRESHOLD: integerVar(5, 2, 1000),
  REPORT_FONT_DIR: v.optional(nonEmpty, '/usr/share/fonts/truetype/dejavu'),
  REQUIRE_SECOND_FACTOR: v.optional(v.pipe(v.picklist(['true', 'false', '1', '0'], 'true or false'), v.transform((s) => s === 'true' || s === '1')), 'true'),
});

/** apps/web/dist, found from this file so that the server starts from any working directory. */
function defaultWebDistDir(): string {
  return fileURLToPath(new URL('../../../web/dist', import.meta.url));
}

/** The public URL without a trailing slash (the Origin check compares against it), or the issue. */
function normalisePublicUrl(raw: string | undefined, port: number): { url: string } | { issue: string } {
  if (raw === undefined) return { url: `http://localhost:${port}` };
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { issue: 'PUBLIC_URL: an http:// or https:// URL' };
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return { issue: 'PUBLIC_URL: a URL without credentials, query or fragment' };
  }
  return { url: url.href.replace(/\/+$/, '') };
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const key = issue.path?.map((item) => String(item.key)).join('.') ?? 'environment';
    // SECURITY: issue.message only; issue.input (the value itself) is never shown.
    return `${key}: ${issue.message}`;
  });
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as they do for most tools reading the environment.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = v.safeParse(EnvSchema, present);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.issues));
  const e = parsed.output;

  const issues: string[] = [];
  const maxFileBytes = e.MAX_FILE_MB * MIB;
  const maxAlertBytes = e.MAX_ALERT_MB * MIB;
  if (maxFileBytes > maxAlertBytes) issues.push('MAX_FILE_MB: at most MAX_ALERT_MB');
  const publicUrl = normalisePublicUrl(e.PUBLIC_URL, e.PORT);
  if ('issue' in publicUrl) issues.push(publicUrl.issue);
  if ((e.SMTP_URL === undefined) !== (e.MAIL_FROM === undefined)) issues.push('SMTP_URL: set together with MAIL_FROM, or neither');
  if (issues.length > 0 || 'issue' in publicUrl) throw new ConfigError(issues);

  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database:
      e.DATABASE_URL === undefined
        ? { kind: 'sqlite', file: path.join(dataDir, 'kenekanko.sqlite') }
        : { kind: 'postgres', url: e.DATABASE_URL },
    blobDir: path.join(dataDir, 'blobs'),
    secretsDir: e.SECRETS_DIR === undefined ? path.join(dataDir, 'secrets') : path.resolve(e.SECRETS_DIR),
    maxFileBytes,
    maxAlertBytes,
    storageQuotaBytesPerDay: e.STORAGE_QUOTA_MB_PER_DAY * MIB,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    publicUrl: publicUrl.url,
    webDistDir: e.WEB_DIST_DIR === undefined ? defaultWebDistDir() : path.resolve(e.WEB_DIST_DIR),
    logLevel: e.LOG_LEVEL,
    powBaseBits: e.POW_BITS,
    requireSecondFactor: e.REQUIRE_SECOND_FACTOR,
    mail: e.SMTP_URL === undefined || e.MAIL_FROM === undefined ? null : { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    statsSuppressionThreshold: e.STATS_SUPPRESSION_THRESHOLD,
    reportFontDir: path.resolve(e.REPORT_FONT_DIR),
  };
}
