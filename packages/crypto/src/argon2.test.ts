import { describe, expect, it } from 'vitest';
import { ARGON2_MIN_MEMORY_KIB, ARGON2_MIN_PASSES, ARGON2_PARAMS, CryptoError, argon2id, argon2idRaw, toHex } from './index.ts';

const fill = (n: number, byte: number): Uint8Array => new Uint8Array(n).fill(byte);

const codeOf = async (f: () => Promise<unknown>): Promise<string> => {
  try {
    await f();
  } catch (err) {
    return err instanceof CryptoError ? err.code : `not a CryptoError: ${String(err)}`;
  }
  return 'did not throw';
};

describe('Argon2id', () => {
  it('matches RFC 9106 §5.3 (with secret and associated data)', async () => {
    const tag = await argon2idRaw(fill(32, 0x01), fill(16, 0x02), {
      m: 32,
      t: 3,
      p: 4,
      dkLen: 32,
      secret: fill(8, 0x03),
      ad: fill(12, 0x04),
    });
    expect(toHex(tag)).toBe('0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659');
  });

  it('the protocol wrapper refuses parameters below the OWASP floor', async () => {
    const salt = fill(16, 2);
    expect(await codeOf(() => argon2id(fill(4, 1), salt, { m: 32, t: 3, p: 4, dkLen: 32 }))).toBe('bad-input');
    expect(await codeOf(() => argon2id(fill(4, 1), salt, { m: ARGON2_MIN_MEMORY_KIB, t: 1, p: 1, dkLen: 32 }))).toBe('bad-input');
    expect(await codeOf(() => argon2id(fill(4, 1), salt, { m: ARGON2_MIN_MEMORY_KIB - 1, t: 2, p: 1, dkLen: 32 }))).toBe('bad-input');
  });

  it('refuses malformed parameters and short salts', async () => {
    const base = { m: 64, t: 1, p: 1, dkLen: 32 };
    expect(await codeOf(() => argon2idRaw(fill(4, 1), fill(7, 2), base))).toBe('bad-input');
    expect(await codeOf(() => argon2idRaw(fill(4, 1), fill(16, 2), { ...base, m: 1.5 }))).toBe('bad-input');
    expect(await codeOf(() => argon2idRaw(fill(4, 1), fill(16, 2), { ...base, dkLen: 2 }))).toBe('bad-input');
    expect(await codeOf(() => argon2idRaw(fill(4, 1), fill(16, 2), { ...base, p: 0 }))).toBe('bad-input');
  });

  it('the parameter sets meet the floor, use one lane and 64 bytes of output', () => {
    for (const params of [ARGON2_PARAMS.receipt, ARGON2_PARAMS.password]) {
      expect(params.id).toBe(1);
      expect(params.m).toBeGreaterThanOrEqual(ARGON2_MIN_MEMORY_KIB);
      expect(params.t).toBeGreaterThanOrEqual(ARGON2_MIN_PASSES);
      expect(params.p).toBe(1);
      expect(params.dkLen).toBe(64);
    }
  });

  it('pins both parameter sets (changing one locks people out of their keys)', () => {
    // Protocol constants: a change needs a new id and a migration path, not an edit.
    expect(ARGON2_PARAMS).toEqual({
      receipt: { id: 1, m: 19_456, t: 2, p: 1, dkLen: 64 },
      password: { id: 1, m: 65_536, t: 2, p: 1, dkLen: 64 },
    });
  });
});
