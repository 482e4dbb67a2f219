import { describe, expect, it } from 'vitest';
import { buildIccProfile, identifyingHeader, identifyingIccProfile, SECRET } from '../test-support/icc-fixtures.ts';
import { ascii } from '../test-support/jpeg-fixtures.ts';
import { latin1, u32be } from './bytes.ts';
import { sanitizeIccProfile } from './icc-profile.ts';

function tagTable(p: Uint8Array): Map<string, Uint8Array> {
  const tags = new Map<string, Uint8Array>();
  for (let i = 0; i < u32be(p, 128); i++) {
    const at = 132 + 12 * i;
    tags.set(latin1(p, at, at + 4), p.subarray(u32be(p, at + 4), u32be(p, at + 4) + u32be(p, at + 8)));
  }
  return tags;
}

describe('sanitizeIccProfile', () => {
  const original = identifyingIccProfile();
  const clean = sanitizeIccProfile(original) ?? new Uint8Array();

  it('keeps the colour tags byte for byte and drops text and vendor tags', () => {
    const before = tagTable(original);
    const after = tagTable(clean);
    expect([...after.keys()].sort()).toEqual(['bTRC', 'bXYZ', 'cprt', 'desc', 'gTRC', 'gXYZ', 'rTRC', 'rXYZ', 'wtpt']);
    for (const sig of ['wtpt', 'gXYZ', 'bXYZ', 'rTRC', 'gTRC', 'bTRC']) expect(after.get(sig)).toEqual(before.get(sig));
    expect(after.get('rXYZ')).toEqual(before.get('rXYZ')?.subarray(0, 20)); // padding cut
  });

  it('leaves no name, serial, vendor, date or creator anywhere', () => {
    expect(Buffer.from(clean).includes(Buffer.from(SECRET))).toBe(false);
    for (const range of [[4, 8], [24, 36], [40, 44], [48, 56], [80, 128]] as const) {
      expect(clean.subarray(...range).every((b) => b === 0)).toBe(true);
    }
    expect(u32be(clean, 44)).toBe(1); // "embedded" kept, vendor flag gone
    expect(latin1(clean, 36, 40)).toBe('acsp');
    expect(u32be(clean, 0)).toBe(clean.length);
  });

  it('is stable: a cleaned profile cleans to itself', () => {
    expect(sanitizeIccProfile(clean)).toEqual(clean);
  });

  it('writes v4 text tags as multiLocalizedUnicode', () => {
    const header = identifyingHeader();
    header[8] = 4;
    const v4 = buildIccProfile(header, [{ sig: 'wtpt', data: tagTable(original).get('wtpt') ?? new Uint8Array() }]);
    const out = sanitizeIccProfile(v4) ?? new Uint8Array();
    expect(latin1(tagTable(out).get('desc') ?? new Uint8Array(), 0, 4)).toBe('mluc');
  });

  it('refuses what is not a usable profile', () => {
    expect(sanitizeIccProfile(new Uint8Array(10))).toBeUndefined();
    expect(sanitizeIccProfile(original.subarray(0, 200))).toBeUndefined(); // declared size past the end
    const onlyText = buildIccProfile(identifyingHeader(), [{ sig: 'desc', data: ascii('desc\0\0\0\0') }]);
    expect(sanitizeIccProfile(onlyText)).toBeUndefined();
    const wrongType = buildIccProfile(identifyingHeader(), [{ sig: 'rXYZ', data: ascii(`text\0\0\0\0${SECRET}`) }]);
    expect(sanitizeIccProfile(wrongType)).toBeUndefined();
  });
});
