import { describe, expect, it } from 'vitest';
import { CryptoError, utf8Encode } from '@kenekanko/crypto';
import { acceptedStep, base32Of, deriveTotpKey, openTotpSecret, sealTotpSecret, totpCode, totpStep, totpUri } from './totp.ts';

// RFC 6238 appendix B, SHA-1 secret; the 8-digit values' last six digits are the 6-digit codes.
const RFC_SECRET = utf8Encode('12345678901234567890');
const RFC_VECTORS: readonly (readonly [number, string])[] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

describe('totp', () => {
  it.each(RFC_VECTORS)('gives the RFC 6238 code at %i s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(code);
  });

  it('accepts one step of drift either side, and only steps after the last accepted one', () => {
    const now = new Date(1234567890 * 1000);
    const step = totpStep(now);
    expect(acceptedStep(RFC_SECRET, '005924', now, 0)).toBe(step);
    expect(acceptedStep(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() - 30_000)), now, 0)).toBe(step - 1);
    expect(acceptedStep(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() + 30_000)), now, 0)).toBe(step + 1);
    expect(acceptedStep(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() - 90_000)), now, 0)).toBeUndefined();
    expect(acceptedStep(RFC_SECRET, '005924', now, step)).toBeUndefined();
    expect(acceptedStep(RFC_SECRET, '000000', now, 0)).toBeUndefined();
  });

  it('speaks the authenticator apps’ URI and base32', () => {
    expect(base32Of(RFC_SECRET)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(totpUri(RFC_SECRET, 'awa@cso.ml')).toBe('otpauth://totp/Kenekanko:awa%40cso.ml?issuer=Kenekanko&secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA1&digits=6&period=30');
  });

  it('keeps the secret under a server-secret key, bound to its user', () => {
    const key = deriveTotpKey(new Uint8Array(32).fill(1));
    const sealed = sealTotpSecret(key, 'user-a', RFC_SECRET);
    expect(openTotpSecret(key, 'user-a', sealed)).toEqual(RFC_SECRET);
    expect(() => openTotpSecret(key, 'user-b', sealed)).toThrow(CryptoError);
    expect(() => openTotpSecret(deriveTotpKey(new Uint8Array(32).fill(2)), 'user-a', sealed)).toThrow(CryptoError);
  });
});
