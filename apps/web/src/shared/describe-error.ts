/**
 * Turns any failure into words for the person in front of the screen. Server errors carry a
 * code from the closed set, translated here from @kenekanko/contracts (so a language switch
 * re-translates them); the rest map to a few plain messages.
 *
 * SECURITY: an error's own message is never shown: it is written for developers and could in
 * principle quote a value. Only codes cross into the UI.
 */
import { errorMessage } from '@kenekanko/contracts';
import type { Language } from '@kenekanko/contracts';
import { isApiError, isClientError, isNetworkError } from '@kenekanko/client';
import type { ClientErrorCode } from '@kenekanko/client';
import { isCryptoError } from '@kenekanko/crypto';
import type { PublicKey } from '../i18n/fr.ts';
import { assertNever } from './assert-never.ts';

export type ErrorText = { readonly key: PublicKey } | { readonly text: string };

function clientErrorText(code: ClientErrorCode, language: Language): ErrorText {
  switch (code) {
    // Something the server handed us does not check out: possibly an attack, never retry blindly.
    case 'untrusted-directory':
    case 'unsafe-questionnaire':
    case 'bad-conversation':
    case 'bad-attachment':
      return { key: 'error.security' };
    case 'too-large':
      return { text: errorMessage('payload-too-large', language) };
    case 'upload-failed':
      return { key: 'error.network' };
    case 'bad-input':
    case 'bad-response':
    case 'bad-plaintext':
    case 'invalid-draft':
    case 'missing-key':
      return { key: 'error.unexpected' };
    default:
      return assertNever(code);
  }
}

export function describeError(error: unknown, language: Language): ErrorText {
  if (isApiError(error)) return { text: errorMessage(error.code, language) };
  if (isNetworkError(error)) return { key: 'error.network' };
  if (isClientError(error)) return clientErrorText(error.code, language);
  if (isCryptoError(error) && (error.code === 'bad-signature' || error.code === 'decrypt-failed')) return { key: 'error.security' };
  return { key: 'error.unexpected' };
}
