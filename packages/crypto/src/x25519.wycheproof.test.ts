import { describe, expect, it } from 'vitest';
import { CryptoError, toHex, x25519SharedSecret } from './index.ts';
import { countCases, hexField, label, loadWycheproof } from '../test/wycheproof.ts';
import type { WycheproofCase } from '../test/wycheproof.ts';

const file = loadWycheproof('x25519_test.json');

const isAllZero = (b: Uint8Array): boolean => b.every((x) => x === 0);

/** Runs one case through our wrapper; returns a description of the failure, or null. */
function check(t: WycheproofCase): string | null {
  const priv = hexField(t.raw, 'private');
  const pub = hexField(t.raw, 'public');
  const expected = hexField(t.raw, 'shared');
  // Policy (docs/crypto.md): an all-zero shared secret is refused whatever Wycheproof calls it;
  // every other `acceptable` case (twist points, non-canonical u, top bit set) is computed as
  // RFC 7748 says and must match.
  const mustReject = t.result === 'invalid' || isAllZero(expected);
  try {
    const shared = x25519SharedSecret(priv, pub);
    if (mustReject) return `tcId ${t.tcId}: accepted`;
    return toHex(shared) === toHex(expected) ? null : `tcId ${t.tcId}: wrong shared secret`;
  } catch (err) {
    if (!mustReject) return `tcId ${t.tcId}: threw ${String(err)}`;
    return err instanceof CryptoError && err.code === 'low-order-point' ? null : `tcId ${t.tcId}: wrong error ${String(err)}`;
  }
}

describe('Wycheproof X25519 through x25519SharedSecret', () => {
  it('has cases, and runs all of them', () => {
    expect(file.algorithm).toBe('XDH');
    expect(countCases(file)).toBeGreaterThan(0);
    expect(countCases(file)).toBe(file.numberOfTests);
  });

  for (const group of file.groups) {
    it(`${label(group)}: valid cases give the expected secret`, () => {
      const cases = group.tests.filter((t) => t.result === 'valid');
      expect(cases.length).toBeGreaterThan(0);
      expect(cases.map(check).filter((f) => f !== null)).toEqual([]);
    });

    it(`${label(group)}: acceptable cases with an all-zero secret are refused (low-order-point)`, () => {
      const cases = group.tests.filter((t) => t.result === 'acceptable' && isAllZero(hexField(t.raw, 'shared')));
      expect(cases.length).toBeGreaterThan(0);
      expect(cases.map(check).filter((f) => f !== null)).toEqual([]);
    });

    it(`${label(group)}: other acceptable cases are computed per RFC 7748`, () => {
      const cases = group.tests.filter((t) => t.result === 'acceptable' && !isAllZero(hexField(t.raw, 'shared')));
      expect(cases.length).toBeGreaterThan(0);
      expect(cases.map(check).filter((f) => f !== null)).toEqual([]);
    });

    it(`${label(group)}: invalid cases (if any) are refused`, () => {
      const cases = group.tests.filter((t) => t.result === 'invalid');
      expect(cases.map(check).filter((f) => f !== null)).toEqual([]);
    });
  }

  it('refuses keys of the wrong length as bad-input', () => {
    expect(() => x25519SharedSecret(new Uint8Array(31), new Uint8Array(32))).toThrow(/bad-input/);
    expect(() => x25519SharedSecret(new Uint8Array(32), new Uint8Array(33))).toThrow(/bad-input/);
  });
});
