import { describe, expect, it } from 'vitest';
import { USER_SALT_LENGTH, deriveFakeUserSalt, derivePasswordKeys, hashLoginKey, randomBytes, toHex } from './index.ts';
import { codeOf } from '../test/error-code.ts';


describe('derivePasswordKeys (Argon2id, about a second each)', () => {
  const salt = randomBytes(USER_SALT_LENGTH);

  it('splits into two independent keys, stable under NFC, different per salt', async () => {
    // 'ɛ' has no decomposition; use 'é' to check composed and decomposed forms agree.
    const composed = 'Bamakɔ-é-2024';
    const decomposed = 'Bamakɔ-e\u0301-2024';
    const a = await derivePasswordKeys(composed, salt);
    const b = await derivePasswordKeys(decomposed, salt);
    expect(toHex(b.loginKey)).toBe(toHex(a.loginKey));
    expect(toHex(b.wrappingKey)).toBe(toHex(a.wrappingKey));
    expect(a.loginKey.length).toBe(32);
    expect(a.wrappingKey.length).toBe(32);
    expect(toHex(a.loginKey)).not.toBe(toHex(a.wrappingKey));
    const other = await derivePasswordKeys(composed, randomBytes(USER_SALT_LENGTH));
    expect(toHex(other.loginKey)).not.toBe(toHex(a.loginKey));
    expect(toHex(other.wrappingKey)).not.toBe(toHex(a.wrappingKey));
  });

  it('refuses empty passwords and salts of the wrong size', async () => {
    await expect(derivePasswordKeys('', salt)).rejects.toThrow(/bad-input/);
    await expect(derivePasswordKeys('x', randomBytes(8))).rejects.toThrow(/bad-input/);
    await expect(derivePasswordKeys('x'.repeat(1025), salt)).rejects.toThrow(/bad-input/);
  });
});

describe('server-side password helpers', () => {
  it('hashLoginKey is a purpose-prefixed SHA-256, not the key itself', () => {
    const loginKey = randomBytes(32);
    expect(hashLoginKey(loginKey)).toEqual(hashLoginKey(loginKey));
    expect(hashLoginKey(loginKey)).not.toEqual(loginKey);
    expect(hashLoginKey(randomBytes(32))).not.toEqual(hashLoginKey(loginKey));
    expect(codeOf(() => hashLoginKey(randomBytes(16)))).toBe('bad-input');
  });

  it('deriveFakeUserSalt is stable per login, differs per login and per secret, and has the real salt size', () => {
    const secret = randomBytes(32);
    const s = deriveFakeUserSalt(secret, 'awa.traore');
    expect(s.length).toBe(USER_SALT_LENGTH);
    expect(deriveFakeUserSalt(secret, 'awa.traore')).toEqual(s);
    expect(deriveFakeUserSalt(secret, 'moussa.keita')).not.toEqual(s);
    expect(deriveFakeUserSalt(randomBytes(32), 'awa.traore')).not.toEqual(s);
    expect(codeOf(() => deriveFakeUserSalt(randomBytes(16), 'awa.traore'))).toBe('bad-input');
  });
});
