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

export function createErrorHandler(logger: Logger): (err: Error, c: Context) => Response {
  return (err, c) => {
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
