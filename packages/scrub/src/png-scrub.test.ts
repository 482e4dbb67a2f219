import { describe, expect, it } from 'vitest';
import { ascii, concat, tiffBlock } from '../test-support/jpeg-fixtures.ts';
import { chunk, idat, IEND, ihdr, png, text, tinyApng, tinyPng } from '../test-support/png-fixtures.ts';
import { readExifSummary } from './exif-summary.ts';
import { parsePng } from './png-chunks.ts';
import { scrub } from './index.ts';

function clean(bytes: Uint8Array): { readonly bytes: Uint8Array; readonly removed: readonly string[] } {
  const result = scrub(bytes);
  if (result.status !== 'cleaned') throw new Error(`expected cleaned, got ${JSON.stringify(result)}`);
  return result;
}

function failed(bytes: Uint8Array): { readonly code: string; readonly reason: string } {
  const result = scrub(bytes);
  if (result.status !== 'failed') throw new Error(`expected failed, got ${result.status}`);
  return result;
}

function types(bytes: Uint8Array): string[] {
  return parsePng(bytes).chunks.map((c) => c.type);
}

describe('PNG cleaning', () => {
  it('keeps a clean file byte for byte', () => {
    expect(clean(tinyPng()).bytes).toEqual(tinyPng());
    expect(clean(tinyPng()).removed).toEqual([]);
  });

  it('removes tEXt, zTXt and iTXt and names the well-known keywords', () => {
    const dirty = tinyPng(
      text('Comment', 'Alice took this'),
      text('Author', 'Alice'),
      chunk('zTXt', concat(ascii('Raw profile type exif\0\0'), Uint8Array.of(0x78, 0x9c, 3, 0, 0, 0, 0, 1))),
      chunk('iTXt', ascii('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>')),
      text('Location', 'Bamako'),
    );
    const out = clean(dirty);
    expect(out.removed).toEqual(['comment', 'author', 'EXIF', 'XMP', 'text']);
    expect(out.bytes).toEqual(tinyPng());
  });

  it('removes tIME, iCCP and unknown ancillary chunks', () => {
    const out = clean(tinyPng(chunk('tIME', Uint8Array.of(7, 0xe8, 1, 2, 3, 4, 5)), chunk('iCCP', ascii('x\0\0')), chunk('prVt', ascii('Alice'))));
    expect(out.removed).toEqual(['modification time', 'ICC profile', 'other metadata (prVt)']);
    expect(out.bytes).toEqual(tinyPng());
  });

  it('keeps rendering chunks and drops ones padded beyond their defined length', () => {
    const gama = chunk('gAMA', Uint8Array.of(0, 0, 0xb1, 0x8f));
    const phys = chunk('pHYs', Uint8Array.of(0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1));
    const srgb = chunk('sRGB', Uint8Array.of(0));
    const padded = chunk('cHRM', concat(new Uint8Array(32), ascii('Alice')));
    const out = clean(tinyPng(gama, phys, srgb, padded));
    expect(out.removed).toEqual(['malformed chunk (cHRM)']);
    expect(out.bytes).toEqual(tinyPng(gama, phys, srgb));
  });

  it('removes bytes after IEND', () => {
    const out = clean(concat(tinyPng(), ascii('hidden GPS 12.6N')));
    expect(out.removed).toEqual(['trailing data']);
    expect(out.bytes).toEqual(tinyPng());
  });

  it('fails on a bad CRC in any chunk, even one it would drop', () => {
    const bad = text('Comment', 'x');
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 1;
    expect(failed(tinyPng(bad)).code).toBe('bad-checksum');
  });

  it('writes a minimal eXIf with only Orientation when it was not 1', () => {
    const exif = chunk('eXIf', tiffBlock({ order: 'II', make: 'Samsung', orientation: 8, gps: true }));
    const out = clean(tinyPng(exif));
    expect(out.removed).toEqual(['EXIF (GPS, camera)']);
    expect(types(out.bytes)).toEqual(['IHDR', 'eXIf', 'IDAT', 'IEND']);
    const written = parsePng(out.bytes).chunks[1]?.data ?? new Uint8Array();
    expect(written).toHaveLength(26);
    expect(readExifSummary(written)).toEqual({ orientation: 8, found: [] });
  });

  it('removes eXIf entirely when Orientation is 1', () => {
    const out = clean(tinyPng(chunk('eXIf', tiffBlock({ make: 'Samsung', orientation: 1 }))));
    expect(out.bytes).toEqual(tinyPng());
  });

  it('keeps APNG animation chunks in order', () => {
    const apng = tinyApng();
    const out = clean(tinyApng(text('Software', 'ezgif')));
    expect(out.removed).toEqual(['software']);
    expect(out.bytes).toEqual(apng);
    expect(types(out.bytes)).toEqual(['IHDR', 'acTL', 'fcTL', 'IDAT', 'fcTL', 'fdAT', 'IEND']);
  });

  it('fails an unknown critical chunk (a decoder must refuse it, so we cannot drop it)', () => {
    expect(failed(tinyPng(chunk('ABCD', new Uint8Array(1)))).code).toBe('unsupported-feature');
  });

  it('fails truncated or structurally broken files', () => {
    const whole = tinyPng();
    expect(failed(whole.subarray(0, whole.length - 12)).code).toBe('truncated');
    expect(failed(whole.subarray(0, whole.length - 3)).code).toBe('truncated');
    expect(failed(png(ihdr(2, 2), IEND)).code).toBe('malformed');
    expect(failed(png(chunk('IDAT', idat(2, 2, [0, 0, 0])), IEND)).code).toBe('malformed');
    expect(failed(png(ihdr(2, 2, 3), chunk('IDAT', idat(2, 2, [0, 0, 0])), IEND)).code).toBe('malformed');
  });
});

describe('PNG eXIf after the image data', () => {
  it('is removed without its Orientation being used (decoders ignore it there)', () => {
    const late = png(ihdr(2, 2), chunk('IDAT', idat(2, 2, [1, 2, 3])), chunk('eXIf', tiffBlock({ orientation: 6 })), IEND);
    expect(clean(late).bytes).toEqual(png(ihdr(2, 2), chunk('IDAT', idat(2, 2, [1, 2, 3])), IEND));
  });
});
