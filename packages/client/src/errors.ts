/**
 * The client's three failures, so a UI can tell them apart without parsing messages:
 * - ApiError: the server answered with an error body (a code from the closed set in
 *   @kenekanko/contracts and the server's translated message);
 * - NetworkError: no answer at all (offline, dropped connection): safe to retry later;
 * - ClientError: this browser refused to go on (an untrusted key directory, a questionnaire
 *   that would expose free text, a forged or missing message, a malformed answer).
 * Crypto failures (a bad tag, a bad signature, a mistyped receipt) stay CryptoError.
 *
 * SECURITY: no message or issue carries plaintext, a receipt, a key, a password or a personal
 * detail; issues name fields, never values.
 */
import type { ErrorCode } from '@kenekanko/contracts';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: readonly string[];

  constructor(code: ErrorCode, status: number, message: string, issues: readonly string[] = []) {
    super(message);
    this.code = code;
    this.status = status;
    this.issues = issues;
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor(method: string, path: string) {
    // The path holds ids only (never a secret, see api-client.ts), so it may be shown.
    super(`no answer from the server for ${method} ${path}`);
  }
}

export const isNetworkError = (value: unknown): value is NetworkError => value instanceof NetworkError;

export const CLIENT_ERROR_CODES = [
  /** A caller passed a malformed value (an id that is not an id). */
  'bad-input',
  /** The server's answer does not match its schema. */
  'bad-response',
  /** The coalition signing key differs from the pinned one, or a signed document does not verify. */
  'untrusted-directory',
  /** The questionnaire would send a field in clear that must stay encrypted. */
  'unsafe-questionnaire',
  /** A decrypted plaintext does not match its schema (authentic, but not what this build reads). */
  'bad-plaintext',
  /** The draft does not fit the answers schema. */
  'invalid-draft',
  /** A file or the whole alert is larger than the server accepts. */
  'too-large',
  /** A message is missing, repeated or out of order, or its signature does not verify. */
  'bad-conversation',
  /** A key the operation needs is not granted to this user, or does not match its public half. */
  'missing-key',
  /** A downloaded attachment does not match its reference. */
  'bad-attachment',
  /** Retries ran out while uploading. */
  'upload-failed',
  /** A forwarded package does not carry its sender's signature, or does not match what was signed. */
  'bad-package',
] as const;

export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export class ClientError extends Error {
  override readonly name = 'ClientError';
  readonly code: ClientErrorCode;
  readonly issues: readonly string[];

  constructor(code: ClientErrorCode, message: string, options: { readonly issues?: readonly string[]; readonly cause?: unknown } = {}) {
    super(`${code}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

export const isClientError = (value: unknown): value is ClientError => value instanceof ClientError;
