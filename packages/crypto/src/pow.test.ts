import { describe, expect, it } from 'vitest';
import { CryptoError, assertPow, randomBytes, sha256, solvePow, verifyPow, concatBytes } from './index.ts';

describe('proof of work', () => {
  it('solves and verifies at low difficulty, reporting progress', async () => {
    const challenge = randomBytes(32);
    const seen: number[] = [];
    const nonce = await solvePow(challenge, 12, (tries) => seen.push(tries));
    expect(nonce.length).toBe(8);
    expect(verifyPow(challenge, nonce, 12)).toBe(true);
    const hash = sha256(concatBytes(challenge, nonce));
    expect(hash[0]).toBe(0);
    expect((hash[1] ?? 0xff) >> 4).toBe(0);
    expect(() => assertPow(challenge, nonce, 12)).not.toThrow();
    expect(seen.every((n, i) => i === 0 || n > (seen[i - 1] ?? 0))).toBe(true);
  });

  it('zero bits accepts any nonce; a wrong nonce or challenge fails', async () => {
    const challenge = randomBytes(16);
    expect(verifyPow(challenge, new Uint8Array(8), 0)).toBe(true);
    const nonce = await solvePow(challenge, 16);
    expect(verifyPow(randomBytes(16), nonce, 16)).toBe(false);
    expect(verifyPow(challenge, nonce.subarray(0, 7), 16)).toBe(false);
    let code = 'did not throw';
    try {
      assertPow(randomBytes(16), nonce, 16);
    } catch (err) {
      code = err instanceof CryptoError ? err.code : 'not a CryptoError';
    }
    expect(code).toBe('pow-invalid');
  });

  it('refuses bad settings', async () => {
    await expect(solvePow(randomBytes(8), 8)).rejects.toThrow(/bad-input/);
    await expect(solvePow(randomBytes(16), 41)).rejects.toThrow(/bad-input/);
    expect(() => verifyPow(randomBytes(16), new Uint8Array(8), -1)).toThrow(/bad-input/);
  });
});
