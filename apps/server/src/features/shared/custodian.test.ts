import { describe, expect, it } from 'vitest';
import { custodianId } from '@kenekanko/client';
import { toBase64Url, x25519KeyPair } from '@kenekanko/crypto';
import { custodianIdOf } from './custodian.ts';

describe('custodianIdOf', () => {
  it('agrees with the client, which addresses identity grants with it', () => {
    for (let i = 0; i < 5; i++) {
      const { publicKey } = x25519KeyPair();
      expect(custodianIdOf(toBase64Url(publicKey))).toBe(custodianId(publicKey));
    }
  });

  it('is an id: 22 base64url characters, different per key', () => {
    const a = custodianIdOf(toBase64Url(x25519KeyPair().publicKey));
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(custodianIdOf(toBase64Url(x25519KeyPair().publicKey))).not.toBe(a);
  });
});
