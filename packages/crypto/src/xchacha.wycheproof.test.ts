import { describe, expect, it } from 'vitest';
import { CryptoError, concatBytes, toHex, xchachaOpen, xchachaSeal } from './index.ts';
import { countCases, hexField, label, loadWycheproof } from '../test/wycheproof.ts';
import type { WycheproofCase } from '../test/wycheproof.ts';

const file = loadWycheproof('xchacha20_poly1305_test.json');

function check(t: WycheproofCase): string | null {
  const key = hexField(t.raw, 'key');
  const nonce = hexField(t.raw, 'iv');
  const aad = hexField(t.raw, 'aad');
  const msg = hexField(t.raw, 'msg');
  const sealed = concatBytes(hexField(t.raw, 'ct'), hexField(t.raw, 'tag'));
  if (t.result === 'valid') {
    if (toHex(xchachaSeal(key, nonce, msg, aad)) !== toHex(sealed)) return `tcId ${t.tcId}: seal differs`;
    if (toHex(xchachaOpen(key, nonce, sealed, aad)) !== toHex(msg)) return `tcId ${t.tcId}: open differs`;
    return null;
  }
  // No `acceptable` cases in this file; invalid ones (modified tags, wrong nonce sizes) must throw.
  try {
    xchachaOpen(key, nonce, sealed, aad);
    return `tcId ${t.tcId}: opened`;
  } catch (err) {
    if (!(err instanceof CryptoError)) return `tcId ${t.tcId}: not a CryptoError`;
    const expected = nonce.length === 24 ? 'decrypt-failed' : 'bad-input';
    return err.code === expected ? null : `tcId ${t.tcId}: code ${err.code}, expected ${expected}`;
  }
}

function checkSealRefusesBadNonce(t: WycheproofCase): string | null {
  const nonce = hexField(t.raw, 'iv');
  if (nonce.length === 24) return null;
  try {
    xchachaSeal(hexField(t.raw, 'key'), nonce, hexField(t.raw, 'msg'), hexField(t.raw, 'aad'));
    return `tcId ${t.tcId}: sealed with a ${nonce.length}-byte nonce`;
  } catch (err) {
    return err instanceof CryptoError && err.code === 'bad-input' ? null : `tcId ${t.tcId}: wrong error`;
  }
}

describe('Wycheproof XChaCha20-Poly1305 through xchachaSeal / xchachaOpen', () => {
  it('has cases, and runs all of them', () => {
    expect(file.algorithm).toBe('XCHACHA20-POLY1305');
    expect(countCases(file)).toBeGreaterThan(0);
    expect(countCases(file)).toBe(file.numberOfTests);
    expect(file.groups.flatMap((g) => g.tests).filter((t) => t.result === 'acceptable')).toEqual([]);
  });

  for (const group of file.groups) {
    it(`${label(group)}: valid cases round trip exactly, invalid ones throw`, () => {
      expect(group.tests.length).toBeGreaterThan(0);
      expect(group.tests.map(check).filter((f) => f !== null)).toEqual([]);
      expect(group.tests.map(checkSealRefusesBadNonce).filter((f) => f !== null)).toEqual([]);
    });
  }
});
