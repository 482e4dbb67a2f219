import { describe, expect, it } from 'vitest';
import { tiffBlock } from '../test-support/jpeg-fixtures.ts';
import { buildOrientationTiff, exifLabel, readExifSummary } from './exif-summary.ts';

describe('readExifSummary', () => {
  it('reads Orientation in both byte orders', () => {
    expect(readExifSummary(tiffBlock({ order: 'II', orientation: 3 })).orientation).toBe(3);
    expect(readExifSummary(tiffBlock({ order: 'MM', orientation: 5 })).orientation).toBe(5);
  });

  it('names what the block holds', () => {
    const summary = readExifSummary(tiffBlock({ make: 'HMD Global', gps: true, thumbnail: true }));
    expect(exifLabel(summary, new Uint8Array())).toBe('EXIF (GPS, camera, thumbnail)');
  });

  it('gives up quietly on garbage', () => {
    for (const bytes of [new Uint8Array(0), Uint8Array.of(0x49, 0x49, 42, 0, 0xff, 0xff, 0xff, 0xff), tiffBlock({ make: 'x' }).subarray(0, 12)]) {
      expect(readExifSummary(bytes)).toEqual({ orientation: undefined, found: [] });
    }
  });
});

describe('buildOrientationTiff', () => {
  it('round-trips every orientation and rejects others', () => {
    for (let o = 1; o <= 8; o++) expect(readExifSummary(buildOrientationTiff(o))).toEqual({ orientation: o, found: [] });
    expect(() => buildOrientationTiff(0)).toThrow(RangeError);
    expect(() => buildOrientationTiff(9)).toThrow(RangeError);
  });
});
