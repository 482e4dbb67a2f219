/**
 * The one application error type. Features throw it with a code from the closed set in
 * @kenekanko/contracts; the HTTP layer maps it to a status and a translated message in one
 * place (error-handler.ts). SECURITY: never put plaintext, receipts, keys or personal data
 * in `issues` or `cause`; they may be logged.
 */
import type { ErrorCode } from '@kenekanko/contracts';

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly issues: readonly string[];

  constructor(code: ErrorCode, options: { readonly issues?: readonly string[]; readonly cause?: unknown } = {}) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
