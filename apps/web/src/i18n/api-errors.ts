/**
 * The server's error codes as catalogue messages ('api.<code>'), so that a reporter reads an
 * error in their own language. French and English take the texts @kenekanko/contracts
 * already holds; a language the contracts do not carry (Bambara) writes its own, and the type
 * checker makes it write one for every code.
 */
import { ERROR_CODES } from '@kenekanko/contracts';
import type { ErrorCode } from '@kenekanko/contracts';

export type ApiErrorKey = `api.${ErrorCode}`;

export function apiErrorKey(code: ErrorCode): ApiErrorKey {
  return `api.${code}`;
}

/**
 * The codes the reporter's routes (intake, uploads, follow-up) can answer. The reporter's build
 * folds only these into its catalogues (build/fold-api-errors.ts): the staff desk's codes (second
 * factor, invitations, forwarding…) would cost a phone bytes on every first load for messages
 * it can never be shown.
 */
export const REPORTER_ERROR_CODES: readonly ErrorCode[] = [
  'bad-request',
  'validation-failed',
  'payload-too-large',
  'unsupported-media-type',
  'not-found',
  'method-not-allowed',
  'unauthenticated',
  'forbidden',
  'csrf-rejected',
  'receipt-not-found',
  'throttled',
  'pow-required',
  'quota-exceeded',
  'upload-incomplete',
  'conflict',
  'not-set-up',
  'internal',
];

export function apiErrorMessages(language: 'fr' | 'en', only?: readonly ErrorCode[]): Readonly<Record<ApiErrorKey, string>> {
  // Object.entries loses the key type; every key of ERROR_CODES is an ErrorCode.
  const entries = Object.entries(ERROR_CODES)
    .filter(([code]) => only === undefined || only.includes(code as ErrorCode))
    .map(([code, texts]) => [apiErrorKey(code as ErrorCode), texts[language]] as const);
  return Object.fromEntries(entries) as Record<ApiErrorKey, string>;
}
