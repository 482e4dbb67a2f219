/**
 * The server's one structured logger (STYLE rule 7), on pino, writing JSON lines to stdout.
 *
 * SECURITY: nothing identifying a device or network is ever logged (DESIGN §2). Two lines of
 * defence:
 *  1. `LogFields` is a closed type with no field for an address, a user agent, headers, a body
 *     or a token, and `createLogger` copies only those fields at run time (a cast cannot smuggle
 *     another key through), with strings clipped and errors reduced to their name and code:
 *     an error's message may quote input (a query, a file name, a decrypted value).
 *  2. pino's redaction removes any key named like an address, header, cookie, token, receipt or
 *     password anywhere in the first three levels, should a future change bypass layer 1.
 * pino's `pid` and `hostname` are left out too, and `route` must be the route pattern
 * ('/api/staff/alerts/:alertId'), never the concrete URL.
 *
 * SECURITY: do not log `alertId` (or anything else naming an alert) on reporter routes: the
 * line's timestamp would pair the alert with an exact time, which the database deliberately
 * stores only to the day. Staff actions may carry it.
 */
import { pino, stdTimeFunctions, type DestinationStream, type LoggerOptions } from 'pino';
import type { LogLevel } from '../config/config.ts';

export type LogFields = {
  readonly code?: string;
  readonly route?: string;
  readonly method?: string;
  readonly status?: number;
  readonly durationMs?: number;
  readonly alertId?: string;
  readonly count?: number;
  readonly job?: string;
  readonly port?: number;
  readonly database?: 'sqlite' | 'postgres';
  readonly err?: unknown;
};

export type Logger = {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
};

const STRING_FIELDS = ['code', 'route', 'method', 'alertId', 'job', 'database'] as const;
const NUMBER_FIELDS = ['status', 'durationMs', 'count', 'port'] as const;
const MAX_STRING_CHARS = 200;

/** Keys that must never reach a log line, whatever object they hide in. */
const FORBIDDEN_KEYS = [
  'ip',
  'ips',
  'ipAddress',
  'remoteAddress',
  'remote_address',
  'address',
  'x-forwarded-for',
  'x-real-ip',
  'forwarded',
  'userAgent',
  'user_agent',
  'user-agent',
  'headers',
  'header',
  'cookie',
  'cookies',
  'set-cookie',
  'authorization',
  'lookupToken',
  'lookup_token',
  'token',
  'receipt',
  'password',
  'loginKey',
  'login_key',
  'body',
  'req',
  'request',
] as const;

function pathsFor(key: string): string[] {
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  const top = segment.startsWith('.') ? segment.slice(1) : segment;
  return [top, `*${segment}`, `*.*${segment}`];
}

export const REDACT_PATHS: readonly string[] = FORBIDDEN_KEYS.flatMap(pathsFor);

/** The pino options; exported so a test can check the second line of defence on its own. */
export function pinoOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    base: null,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...REDACT_PATHS], remove: true },
  };
}

function clip(value: string): string {
  return value.length > MAX_STRING_CHARS ? `${value.slice(0, MAX_STRING_CHARS)}…` : value;
}

/** An error as a name and a code only: its message may carry content of unknown origin. */
export function reduceError(err: unknown): { readonly name: string; readonly code?: string } {
  if (!(err instanceof Error)) return { name: typeof err };
  const code: unknown = (err as { readonly code?: unknown }).code;
  const name = clip(err.name);
  return typeof code === 'string' || typeof code === 'number' ? { name, code: clip(String(code)) } : { name };
}

/** Copies only the known fields, with the expected types, from whatever the caller passed. */
export function sanitiseFields(fields: LogFields | undefined): Record<string, unknown> {
  if (fields === undefined) return {};
  const out: Record<string, unknown> = {};
  for (const key of STRING_FIELDS) {
    const value: unknown = fields[key];
    if (typeof value === 'string') out[key] = clip(value);
  }
  for (const key of NUMBER_FIELDS) {
    const value: unknown = fields[key];
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  if (fields.err !== undefined) out['err'] = reduceError(fields.err);
  return out;
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const base = destination === undefined ? pino(pinoOptions(level)) : pino(pinoOptions(level), destination);
  return {
    debug: (msg, fields) => base.debug(sanitiseFields(fields), msg),
    info: (msg, fields) => base.info(sanitiseFields(fields), msg),
    warn: (msg, fields) => base.warn(sanitiseFields(fields), msg),
    error: (msg, fields) => base.error(sanitiseFields(fields), msg),
  };
}

/** A logger that drops everything, for tests. */
export function createSilentLogger(): Logger {
  const ignore = (): void => undefined;
  return { debug: ignore, info: ignore, warn: ignore, error: ignore };
}
