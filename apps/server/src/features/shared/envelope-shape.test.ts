import { describe, expect, it } from 'vitest';
import { IDENTITY_PADDED_SIZE, PURPOSES, randomBytes, sealEnvelope, toBase64Url } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { assertEnvelopeShape } from './envelope-shape.ts';

const key = randomBytes(32);
const context = { alertId: 'AAAAAAAAAAAAAAAAAAAAAA', objectKind: 'message', field: '1' };
const real = (purpose: (typeof PURPOSES)[keyof typeof PURPOSES], size = 10): string => toBase64Url(sealEnvelope(key, purpose, context, randomBytes(size)));

function verdict(value: string, purpose: (typeof PURPOSES)[keyof typeof PURPOSES], frame?: number): string {
  try {
    assertEnvelopeShape(value, purpose, 'field', frame);
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return `${error.code}:${error.issues.join(',')}`;
    throw error;
  }
}

describe('assertEnvelopeShape', () => {
  it('accepts real envelopes of the expected purpose, small and padded to a larger bucket', () => {
    expect(verdict(real(PURPOSES.message), PURPOSES.message)).toBe('ok');
    expect(verdict(real(PURPOSES.answers, 5000), PURPOSES.answers)).toBe('ok');
    expect(verdict(real(PURPOSES.identity), PURPOSES.identity, IDENTITY_PADDED_SIZE)).toBe('ok');
  });

  it('refuses garbage, another purpose, a truncated or lengthened envelope, another version', () => {
    const message = real(PURPOSES.message);
    const bytes = Buffer.from(message, 'base64url');
    expect(verdict(toBase64Url(randomBytes(bytes.length)), PURPOSES.message)).toBe('validation-failed:field');
    expect(verdict(message, PURPOSES.note)).toBe('validation-failed:field');
    expect(verdict(toBase64Url(bytes.subarray(0, bytes.length - 1)), PURPOSES.message)).toBe('validation-failed:field');
    expect(verdict(toBase64Url(Buffer.concat([bytes, Buffer.from([0])])), PURPOSES.message)).toBe('validation-failed:field');
    expect(verdict(toBase64Url(Buffer.concat([Buffer.from([2]), bytes.subarray(1)])), PURPOSES.message)).toBe('validation-failed:field');
    expect(verdict(toBase64Url(bytes.subarray(0, 5)), PURPOSES.message)).toBe('validation-failed:field');
  });

  it('refuses an identity envelope of any other padded size', () => {
    expect(verdict(real(PURPOSES.answers, 2000), PURPOSES.answers, IDENTITY_PADDED_SIZE)).toBe('validation-failed:field');
  });
});
