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

export function apiErrorMessages(language: 'fr' | 'en'): Readonly<Record<ApiErrorKey, string>> {
  // Object.entries loses the key type; every key of ERROR_CODES is an ErrorCode.
  const entries = Object.entries(ERROR_CODES).map(([code, texts]) => [apiErrorKey(code as ErrorCode), texts[language]] as const);
  return Object.fromEntries(entries) as Record<ApiErrorKey, string>;
}
