import { describe, expect, it } from 'vitest';
import { ApiError, ClientError, CLIENT_ERROR_CODES, NetworkError } from '@kenekanko/client';
import { CryptoError } from '@kenekanko/crypto';
import { PUBLIC_CATALOGUES } from '../i18n/all-catalogues.ts';
import { describeError } from './describe-error.ts';

describe('describeError', () => {
  it('translates server errors from their code, in every language, ignoring the server’s text', () => {
    const key = describeError(new ApiError('receipt-not-found', 404, 'whatever the server said'));
    expect(key).toBe('api.receipt-not-found');
    expect(PUBLIC_CATALOGUES.fr.messages[key]).toBe('Aucune alerte ne correspond à ce reçu.');
    expect(PUBLIC_CATALOGUES.en.messages[key]).toBe('No alert matches this receipt.');
    expect(PUBLIC_CATALOGUES.bm.messages[key]).toMatch(/rusu nimɔrɔ/);
  });

  it('tells a network failure from a security failure', () => {
    expect(describeError(new NetworkError('GET', '/api/intake'))).toBe('error.network');
    expect(describeError(new ClientError('untrusted-directory', 'pin mismatch'))).toBe('error.security');
    expect(describeError(new CryptoError('bad-signature'))).toBe('error.security');
  });

  it('says a file is too large in the words the server would use', () => {
    expect(describeError(new ClientError('too-large', 'x'))).toBe('api.payload-too-large');
  });

  it('has words for every client error code, a new one included', () => {
    const keys = CLIENT_ERROR_CODES.map((code) => describeError(new ClientError(code, 'x')));
    // untrusted-directory, unsafe-questionnaire, bad-conversation, bad-attachment, bad-package: all tampering.
    expect(keys.filter((key) => key === 'error.security')).toHaveLength(5);
  });

  it('never shows the message of an unknown error', () => {
    expect(describeError(new Error('secret 1234 5678'))).toBe('error.unexpected');
    expect(describeError('boom')).toBe('error.unexpected');
  });
});
