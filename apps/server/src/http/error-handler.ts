/**
 * The one place where errors become HTTP answers: an AppError's code gives the status and a
 * translated message ({ error: { code, message, issues? } }); anything else is a 500
 * 'internal' with no detail. SECURITY: no stack trace, no error message (it may quote input)
 * ever reaches a client; the log gets the error's name and code only.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import { ERROR_CODES, errorMessage } from '@kenekanko/contracts';
import type { ApiErrorBody, ErrorCode } from '@kenekanko/contracts';
import { isUniqueViolation } from '../db/db-errors.ts';
import type { Logger } from '../logging/logger.ts';
import { isAppError } from './app-error.ts';
import { preferredLanguage } from './language.ts';

export function errorBody(code: ErrorCode, acceptLanguage: string | undefined, issues: readonly string[] = []): ApiErrorBody {
  const message = errorMessage(code, preferredLanguage(acceptLanguage));
  return { error: issues.length > 0 ? { code, message, issues: [...issues] } : { code, message } };
}

export function errorResponse(c: Context, code: ErrorCode, issues: readonly string[] = []): Response {
  const status = ERROR_CODES[code].status;
  return c.json(errorBody(code, c.req.header('accept-language'), issues), status);
}

function codeForHttpStatus(status: number): ErrorCode {
  switch (status) {
    case 404:
      return 'not-found';
    case 413:
      return 'payload-too-large';
    case 415:
      return 'unsupported-media-type';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    default:
      return status >= 500 ? 'internal' : 'bad-request';
  }
}

const DISCONNECT_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ABORT_ERR']);

/** A client that went away mid-request (a phone losing signal): normal, not a fault. */
export function isClientDisconnect(err: unknown, c: Context): boolean {
  if (c.req.raw.signal.aborted) return true;
  if (!(err instanceof Error)) return false;
  const code = (err as { readonly code?: unknown }).code;
  return err.name === 'AbortError' || (typeof code === 'string' && DISCONNECT_CODES.has(code));
}

export function createErrorHandler(logger: Logger): (err: Error, c: Context) => Response {
  return (err, c) => {
    // SECURITY (M4): no line for a disconnect, not even with the route: a timestamped entry
    // for a reporter route would date a reporter's action. The answer is never delivered.
    if (isClientDisconnect(err, c)) return errorResponse(c, 'bad-request');
    if (isAppError(err)) {
      // 503s (not set up, quota) are expected states, not faults; only an internal AppError is logged.
      if (err.code === 'internal') logger.error('request failed', { code: err.code, route: routePath(c, -1), err });
      return errorResponse(c, err.code, err.issues);
    }
    if (err instanceof HTTPException) return errorResponse(c, codeForHttpStatus(err.status));
    // A lost race between two identical requests (both inserted the same row): the data is whole.
    if (isUniqueViolation(err)) return errorResponse(c, 'conflict');
    logger.error('unexpected error', { route: routePath(c, -1), method: c.req.method, err });
    return errorResponse(c, 'internal');
  };
}

export function notFoundHandler(c: Context): Response {
  return errorResponse(c, 'not-found');
}
