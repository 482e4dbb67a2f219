import { describe, expect, it } from 'vitest';
import { CryptoError, hkdfSha256, toHex } from './index.ts';
import { countCases, hexField, label, loadWycheproof, numberField } from '../test/wycheproof.ts';
import type { WycheproofCase } from '../test/wycheproof.ts';

const file = loadWycheproof('hkdf_sha256_test.json');

function check(t: WycheproofCase): string | null {
  const ikm = hexField(t.raw, 'ikm');
  const salt = hexField(t.raw, 'salt');
  const info = hexField(t.raw, 'info');
  const size = numberField(t.raw, 'size');
  if (t.result === 'valid') {
    return toHex(hkdfSha256(ikm, salt, info, size)) === toHex(hexField(t.raw, 'okm')) ? null : `tcId ${t.tcId}: okm differs`;
  }
  // Invalid cases ask for more than 255 * 32 bytes; no `acceptable` cases in this file.
  try {
    hkdfSha256(ikm, salt, info, size);
    return `tcId ${t.tcId}: derived`;
  } catch (err) {
    return err instanceof CryptoError && err.code === 'bad-input' ? null : `tcId ${t.tcId}: wrong error`;
  }
}

describe('Wycheproof HKDF-SHA-256 through hkdfSha256', () => {
  it('has cases, and runs all of them', () => {
    expect(file.algorithm).toBe('HKDF-SHA-256');
    expect(countCases(file)).toBeGreaterThan(0);
    expect(countCases(file)).toBe(file.numberOfTests);
    expect(file.groups.flatMap((g) => g.tests).filter((t) => t.result === 'acceptable')).toEqual([]);
  });

  for (const group of file.groups) {
    it(`${label(group)}: valid cases give the expected output, invalid ones throw`, () => {
      expect(group.tests.length).toBeGreaterThan(0);
      expect(group.tests.map(check).filter((f) => f !== null)).toEqual([]);
    });
  }

  it('refuses a zero length', () => {
    expect(() => hkdfSha256(new Uint8Array(32), new Uint8Array(0), new Uint8Array(0), 0)).toThrow(/bad-input/);
  });
});
