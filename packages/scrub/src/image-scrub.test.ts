// Rule by rule, on hand-built GIF and WebP files.

import { describe, expect, it } from 'vitest';
import { riffChunk } from '../test-support/audio-fixtures.ts';
import { identifyingIccProfile, SECRET } from '../test-support/icc-fixtures.ts';
import { FAKE_VP8, gifExtension, netscape, tinyGif, vp8x, webp } from '../test-support/image-fixtures.ts';
import { ascii, concat, tiffBlock } from '../test-support/jpeg-fixtures.ts';
import { buildOrientationTiff } from './exif-summary.ts';
import { cleanGif } from './gif-scrub.ts';
import { parseRiff } from './riff-chunks.ts';
import { ScrubError } from './scrub-error.ts';
import { cleanWebp } from './webp-scrub.ts';

const has = (bytes: Uint8Array, text: string): boolean => Buffer.from(bytes).includes(text);

describe('GIF', () => {
  it('drops comments, plain text and application extensions, keeps the loop count and the images', () => {
    const xmp = gifExtension(0xff, ascii('XMP DataXMP'), ascii('<x:xmpmeta>Alice</x:xmpmeta>'));
    const text = gifExtension(0x01, new Uint8Array(12), ascii('hidden'));
    const out = cleanGif(tinyGif(gifExtension(0xfe, ascii('Alice was here')), netscape(0, true), xmp, text));
    expect(out.removed).toEqual(['comment', 'XMP', 'plain text extension']);
    expect(Buffer.from(out.bytes).equals(Buffer.from(tinyGif(netscape(0))))).toBe(true);
    expect(has(out.bytes, 'Alice') || has(out.bytes, 'hidden')).toBe(false);
  });

  it('drops what follows the trailer and is stable', () => {
    const out = cleanGif(concat(tinyGif(), ascii('appended secret')));
    expect(out.removed).toEqual(['trailing data']);
    expect(cleanGif(out.bytes)).toEqual({ bytes: out.bytes, removed: [] });
  });

  it('fails on truncated data and unknown blocks', () => {
    expect(() => cleanGif(tinyGif().subarray(0, 25))).toThrow(ScrubError);
    const bad = tinyGif();
    bad[19] = 0x99; // where the graphic control extension starts
    expect(() => cleanGif(bad)).toThrow(/unknown GIF block/);
  });
});

describe('WebP', () => {
  const exif = riffChunk('EXIF', tiffBlock({ make: 'Tecno', orientation: 6, gps: true }));

  it('drops EXIF and XMP, keeps a fresh Orientation, rebuilds the ICC profile, fixes the flags', () => {
    const file = webp(vp8x(0x20 | 0x08 | 0x04), riffChunk('ICCP', identifyingIccProfile()), FAKE_VP8, exif, riffChunk('XMP ', ascii('<x>Alice</x>')));
    const out = cleanWebp(file);
    expect(out.removed).toEqual(['ICC profile names and dates', 'EXIF (GPS, camera)', 'XMP']);
    expect(has(out.bytes, 'Alice') || has(out.bytes, 'Tecno') || has(out.bytes, SECRET)).toBe(false);
    const { chunks } = parseRiff(out.bytes, 'WEBP');
    expect(chunks.map((c) => c.id)).toEqual(['VP8X', 'ICCP', 'VP8 ', 'EXIF']);
    expect(chunks[0]?.data[0]).toBe(0x20 | 0x08);
    expect(chunks[3]?.data).toEqual(buildOrientationTiff(6));
    expect(cleanWebp(out.bytes).removed).toEqual([]);
  });

  it('clears the EXIF flag when the picture needs no turning', () => {
    const out = cleanWebp(webp(vp8x(0x08), FAKE_VP8, riffChunk('EXIF', tiffBlock({ make: 'Tecno' }))));
    expect(parseRiff(out.bytes, 'WEBP').chunks.map((c) => [c.id, c.data[0]])).toEqual([['VP8X', 0], ['VP8 ', 0x9d]]);
  });

  it('keeps a simple WebP as its one image chunk, and drops anything after it', () => {
    const out = cleanWebp(webp(FAKE_VP8, riffChunk('XMP ', ascii('Alice'))));
    expect(out.removed).toEqual(['XMP']);
    expect(Buffer.from(out.bytes).equals(Buffer.from(webp(FAKE_VP8)))).toBe(true);
  });

  it('filters the chunks inside animation frames', () => {
    const frame = riffChunk('ANMF', concat(new Uint8Array(16), FAKE_VP8, riffChunk('XYZW', ascii('Alice'))));
    const out = cleanWebp(webp(vp8x(0x02), riffChunk('ANIM', new Uint8Array(6)), frame));
    expect(out.removed).toEqual(['other metadata (XYZW)']);
    expect(has(out.bytes, 'Alice')).toBe(false);
  });

  it('fails without an image and on a bad RIFF size', () => {
    expect(() => cleanWebp(webp(vp8x(0), riffChunk('EXIF', new Uint8Array(4))))).toThrow(/no image data/);
    const cut = webp(FAKE_VP8).subarray(0, 30);
    expect(() => cleanWebp(cut)).toThrow(ScrubError);
  });
});
