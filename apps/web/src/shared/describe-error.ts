/**
 * Turns any failure into the catalogue message for the person in front of the screen. Server
 * errors carry a code from the closed set, which has a message 'api.<code>' in every
 * catalogue (so a language switch re-translates it, Bambara included); the rest map to a few
 * plain messages.
 *
 * SECURITY: an error's own message is never shown: it is written for developers and could in
 * principle quote a value. Only codes cross into the UI.
 */
import { isApiError, isClientError, isNetworkError } from '@kenekanko/client';
import type { ClientErrorCode } from '@kenekanko/client';
import { isCryptoError } from '@kenekanko/crypto';
import { apiErrorKey } from '../i18n/api-errors.ts';
import type { PublicKey } from '../i18n/languages/fr.ts';
import { assertNever } from './assert-never.ts';

function clientErrorKey(code: ClientErrorCode): PublicKey {
  switch (code) {
    // Something the server handed us does not check out: possibly an attack, never retry blindly.
    case 'untrusted-directory':
    case 'unsafe-questionnaire':
    case 'bad-conversation':
    case 'bad-attachment':
    case 'bad-package':
      return 'error.security';
    case 'too-large':
      return apiErrorKey('payload-too-large');
    case 'upload-failed':
      return 'error.network';
    case 'bad-input':
    case 'bad-response':
    case 'bad-plaintext':
    case 'invalid-draft':
    case 'missing-key':
      return 'error.unexpected';
    default:
      return assertNever(code);
  }
}

export function describeError(error: unknown): PublicKey {
  if (isApiError(error)) return apiErrorKey(error.code);
  if (isNetworkError(error)) return 'error.network';
  if (isClientError(error)) return clientErrorKey(error.code);
  if (isCryptoError(error) && (error.code === 'bad-signature' || error.code === 'decrypt-failed')) return 'error.security';
  return 'error.unexpected';
}
