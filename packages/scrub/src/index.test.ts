import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exifPayload, segment, tiffBlock, TINY_BASELINE_JPEG, TINY_PROGRESSIVE_JPEG, withSegments } from '../test-support/jpeg-fixtures.ts';
import { chunk, text, tinyApng, tinyPng } from '../test-support/png-fixtures.ts';
import { detectKind, scrub } from './index.ts';

const SAMPLES = [
  TINY_BASELINE_JPEG,
  TINY_PROGRESSIVE_JPEG,
  withSegments(TINY_BASELINE_JPEG, segment(0xe1, exifPayload({ make: 'Nokia', orientation: 6, gps: true }))),
  tinyPng(text('Comment', 'hello')),
  tinyPng(chunk('eXIf', tiffBlock({ make: 'Tecno', orientation: 6 }))),
  tinyApng(),
];

describe('detectKind', () => {
  it('goes by magic bytes only', () => {
    expect(detectKind(TINY_BASELINE_JPEG)).toBe('jpeg');
    expect(detectKind(tinyPng())).toBe('png');
    expect(detectKind(new TextEncoder().encode('GIF89a'))).toBeUndefined();
    expect(detectKind(new Uint8Array(0))).toBeUndefined();
    expect(detectKind(Uint8Array.of(0xff, 0xd8))).toBeUndefined();
  });
});

describe('scrub', () => {
  it('reports other kinds as unsupported', () => {
    expect(scrub(new TextEncoder().encode('%PDF-1.7'))).toMatchObject({ status: 'unsupported' });
  });

  it('never throws, on random bytes or on damaged samples', () => {
    const damaged = fc.tuple(fc.constantFrom(...SAMPLES), fc.nat(), fc.nat(255), fc.nat()).map(([s, at, value, cut]) => {
      const copy = s.slice(0, Math.max(4, s.length - (cut % 32)));
      copy[at % copy.length] = value;
      return copy;
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), damaged), (bytes) => {
        const result = scrub(bytes);
        expect(['cleaned', 'failed', 'unsupported']).toContain(result.status);
        if (result.status === 'failed') expect(result.code).not.toBe('internal');
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent: cleaning a cleaned file changes nothing and removes nothing', () => {
    for (const sample of SAMPLES) {
      const once = scrub(sample);
      if (once.status !== 'cleaned') throw new Error('sample did not clean');
      expect(scrub(once.bytes)).toEqual({ ...once, removed: [] });
    }
  });

  it('returns a new array, never a view of the input', () => {
    const result = scrub(TINY_BASELINE_JPEG);
    expect(result.status === 'cleaned' && result.bytes.buffer !== TINY_BASELINE_JPEG.buffer).toBe(true);
  });
});
