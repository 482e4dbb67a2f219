import { describe, expect, it } from 'vitest';
import { ed25519Verify } from './index.ts';
import { countCases, hexField, label, loadWycheproof, objectField } from '../test/wycheproof.ts';
import type { WycheproofCase } from '../test/wycheproof.ts';

const file = loadWycheproof('ed25519_test.json');

function check(publicKey: Uint8Array, t: WycheproofCase): string | null {
  // ed25519Verify never throws on a bad signature (wrong length included): it returns false.
  const ok = ed25519Verify(hexField(t.raw, 'sig'), hexField(t.raw, 'msg'), publicKey);
  // No `acceptable` cases in this file: valid must verify, invalid must not.
  const want = t.result === 'valid';
  return ok === want ? null : `tcId ${t.tcId} (${t.flags.join(',')}): got ${ok}`;
}

describe('Wycheproof Ed25519 through ed25519Verify (strict RFC 8032)', () => {
  it('has cases, and runs all of them', () => {
    expect(file.algorithm).toBe('EDDSA');
    expect(countCases(file)).toBeGreaterThan(0);
    expect(countCases(file)).toBe(file.numberOfTests);
    expect(file.groups.flatMap((g) => g.tests).filter((t) => t.result === 'acceptable')).toEqual([]);
  });

  for (const group of file.groups) {
    it(`${label(group)}: valid verify, invalid do not`, () => {
      const publicKey = hexField(objectField(group.raw, 'publicKey'), 'pk');
      expect(group.tests.length).toBeGreaterThan(0);
      expect(group.tests.map((t) => check(publicKey, t)).filter((f) => f !== null)).toEqual([]);
    });
  }
});
