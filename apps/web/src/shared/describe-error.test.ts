import { describe, expect, it } from 'vitest';
import { ApiError, ClientError, CLIENT_ERROR_CODES, NetworkError } from '@kenekanko/client';
import { CryptoError } from '@kenekanko/crypto';
import { describeError } from './describe-error.ts';

describe('describeError', () => {
  it('translates server errors from their code, in the current language, ignoring the server’s text', () => {
    const error = new ApiError('receipt-not-found', 404, 'whatever the server said');
    expect(describeError(error, 'fr')).toEqual({ text: 'Aucune alerte ne correspond à ce reçu.' });
    expect(describeError(error, 'en')).toEqual({ text: 'No alert matches this receipt.' });
  });

  it('tells a network failure from a security failure', () => {
    expect(describeError(new NetworkError('GET', '/api/intake'), 'fr')).toEqual({ key: 'error.network' });
    expect(describeError(new ClientError('untrusted-directory', 'pin mismatch'), 'fr')).toEqual({ key: 'error.security' });
    expect(describeError(new CryptoError('bad-signature'), 'fr')).toEqual({ key: 'error.security' });
  });

  it('says a file is too large in the words the server would use', () => {
    expect(describeError(new ClientError('too-large', 'x'), 'en')).toEqual({ text: 'The file or request is too large.' });
  });

  it('has words for every client error code, a new one included', () => {
    const texts = CLIENT_ERROR_CODES.map((code) => describeError(new ClientError(code, 'x'), 'fr'));
    expect(texts.filter((text) => 'key' in text && text.key === 'error.security')).toHaveLength(4);
  });

  it('never shows the message of an unknown error', () => {
    expect(describeError(new Error('secret 1234 5678'), 'fr')).toEqual({ key: 'error.unexpected' });
    expect(describeError('boom', 'en')).toEqual({ key: 'error.unexpected' });
  });
});
