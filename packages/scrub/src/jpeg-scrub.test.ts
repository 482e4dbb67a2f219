import { describe, expect, it } from 'vitest';
import { identifyingIccProfile, SECRET } from '../test-support/icc-fixtures.ts';
import {
  ascii, concat, exifPayload, iccPayloads, jfifPayload, markerOffset, segment, TINY_BASELINE_JPEG,
  TINY_PROGRESSIVE_JPEG, withSegments,
} from '../test-support/jpeg-fixtures.ts';
import { scanData } from '../test-support/jpeg-scan-bytes.ts';
import { readExifSummary } from './exif-summary.ts';
import { parseJpeg } from './jpeg-parse.ts';
import { scrub } from './index.ts';

function clean(bytes: Uint8Array): { readonly bytes: Uint8Array; readonly removed: readonly string[] } {
  const result = scrub(bytes);
  if (result.status !== 'cleaned') throw new Error(`expected cleaned, got ${JSON.stringify(result)}`);
  return result;
}

function markers(jpeg: Uint8Array): string[] {
  return parseJpeg(jpeg).segments.map((s) => s.marker.toString(16));
}

function contains(haystack: Uint8Array, needle: string): boolean {
  return Buffer.from(haystack).includes(Buffer.from(needle, 'latin1'));
}

function failed(bytes: Uint8Array): { readonly code: string; readonly reason: string } {
  const result = scrub(bytes);
  if (result.status !== 'failed') throw new Error(`expected failed, got ${result.status}`);
  return result;
}

describe('JPEG cleaning', () => {
  it('keeps a clean baseline file byte for byte', () => {
    const out = clean(TINY_BASELINE_JPEG);
    expect(out.removed).toEqual([]);
    expect(out.bytes).toEqual(TINY_BASELINE_JPEG);
  });

  it('keeps every scan of a progressive file with restart markers byte for byte', () => {
    const out = clean(TINY_PROGRESSIVE_JPEG);
    expect(scanData(out.bytes)).toEqual(scanData(TINY_PROGRESSIVE_JPEG));
    expect(scanData(out.bytes)).toHaveLength(10);
    expect(out.bytes).toEqual(TINY_PROGRESSIVE_JPEG);
  });

  it('removes a COM comment', () => {
    const out = clean(withSegments(TINY_BASELINE_JPEG, segment(0xfe, ascii('Taken by Alice'))));
    expect(out.removed).toEqual(['comment']);
    expect(contains(out.bytes, 'Alice')).toBe(false);
    expect(out.bytes).toEqual(TINY_BASELINE_JPEG);
  });

  it('removes bytes after EOI (appended images, depth maps)', () => {
    const out = clean(concat(TINY_BASELINE_JPEG, TINY_BASELINE_JPEG, ascii('GPS 12.65N 8.0W')));
    expect(out.removed).toEqual(['trailing data']);
    expect(out.bytes).toEqual(TINY_BASELINE_JPEG);
  });

  it('keeps JFIF but drops its thumbnail', () => {
    const jpeg = withSegments(TINY_BASELINE_JPEG.subarray(0, 2), segment(0xe0, jfifPayload(2, 2)));
    const withThumb = concat(jpeg, TINY_BASELINE_JPEG.subarray(2 + 18)); // replace the original JFIF
    const out = clean(withThumb);
    expect(out.removed).toEqual(['JFIF thumbnail']);
    const jfif = parseJpeg(out.bytes).segments[0];
    expect(jfif?.marker).toBe(0xe0);
    expect(jfif?.payload).toEqual(jfifPayload(0, 0));
    expect(scanData(out.bytes)).toEqual(scanData(TINY_BASELINE_JPEG));
  });

  it('removes EXIF and names what it held', () => {
    const exif = segment(0xe1, exifPayload({ order: 'II', make: 'NIKON', gps: true, thumbnail: true }));
    const out = clean(withSegments(TINY_BASELINE_JPEG, exif));
    expect(out.removed).toEqual(['EXIF (GPS, camera, thumbnail)']);
    expect(contains(out.bytes, 'NIKON')).toBe(false);
    expect(out.bytes).toEqual(TINY_BASELINE_JPEG);
  });

  it.each(['II', 'MM'] as const)('writes a fresh EXIF with only Orientation when it was not 1 (%s)', (order) => {
    const exif = segment(0xe1, exifPayload({ order, make: 'Apple', orientation: 6, gps: true }));
    const out = clean(withSegments(TINY_BASELINE_JPEG, exif));
    expect(contains(out.bytes, 'Apple')).toBe(false);
    const app1 = parseJpeg(out.bytes).segments.find((s) => s.marker === 0xe1);
    expect(app1?.payload.length).toBe(6 + 26);
    const summary = readExifSummary(app1?.payload.subarray(6) ?? new Uint8Array());
    expect(summary).toEqual({ orientation: 6, found: [] });
    expect(markers(out.bytes).slice(0, 2)).toEqual(['e0', 'e1']); // JFIF first, then EXIF
  });

  it('writes no EXIF when Orientation is 1, invalid, or not a SHORT', () => {
    for (const o of [{ orientation: 1 }, { orientation: 9 }, { orientation: 6, orientationType: 4 }]) {
      const out = clean(withSegments(TINY_BASELINE_JPEG, segment(0xe1, exifPayload(o))));
      expect(out.bytes).toEqual(TINY_BASELINE_JPEG);
    }
  });

  it('removes XMP, extended XMP, IPTC/Photoshop, MPF and unknown APPn', () => {
    const out = clean(
      withSegments(
        TINY_BASELINE_JPEG,
        segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Alice</x:xmpmeta>')),
        segment(0xe1, ascii('http://ns.adobe.com/xmp/extension/\0ABCDEF')),
        segment(0xed, ascii('Photoshop 3.0\x008BIM\x04\x04Alice')),
        segment(0xe2, ascii('MPF\0MM\0*')),
        segment(0xec, ascii('Ducky\0Alice')),
      ),
    );
    expect(out.removed).toEqual(['XMP', 'IPTC/Photoshop', 'MPF (multi-picture index)', 'other metadata (APP12)']);
    expect(out.bytes).toEqual(TINY_BASELINE_JPEG);
  });

  it('keeps a rebuilt Adobe APP14 (it tells decoders the colour transform)', () => {
    const adobe = concat(ascii('Adobe'), Uint8Array.of(0, 100, 0, 0, 0, 0, 1), ascii('extra'));
    const out = clean(withSegments(TINY_BASELINE_JPEG, segment(0xee, adobe)));
    const app14 = parseJpeg(out.bytes).segments.find((s) => s.marker === 0xee);
    expect(app14?.payload).toEqual(adobe.subarray(0, 12));
  });

  it('rebuilds a chunked ICC profile without its names, dates or padding', () => {
    const chunks = iccPayloads(identifyingIccProfile(), 200).map((p) => segment(0xe2, p));
    expect(chunks.length).toBeGreaterThan(2);
    const out = clean(withSegments(TINY_BASELINE_JPEG, ...chunks.reverse()));
    expect(out.removed).toEqual(['ICC profile names and dates']);
    expect(contains(out.bytes, SECRET)).toBe(false);
    expect(contains(out.bytes, 'DELL')).toBe(false);
    expect(markers(out.bytes).filter((m) => m === 'e2')).toHaveLength(1);
  });

  it('drops an ICC profile whose chunks are incomplete', () => {
    const [first] = iccPayloads(identifyingIccProfile(), 200);
    const out = clean(withSegments(TINY_BASELINE_JPEG, segment(0xe2, first ?? new Uint8Array())));
    expect(out.removed).toEqual(['ICC profile']);
    expect(out.bytes).toEqual(TINY_BASELINE_JPEG);
  });

  it('drops fill bytes before markers and keeps the scan', () => {
    const sof = markerOffset(TINY_BASELINE_JPEG, 0xc0);
    const padded = concat(TINY_BASELINE_JPEG.subarray(0, sof), Uint8Array.of(0xff, 0xff, 0xff), TINY_BASELINE_JPEG.subarray(sof));
    const end = padded.length - 2;
    const filled = concat(padded.subarray(0, end), Uint8Array.of(0xff, 0xff), padded.subarray(end));
    expect(clean(filled).bytes).toEqual(TINY_BASELINE_JPEG);
  });

  it('copies damaged scan data (0xFF followed by a reserved byte) verbatim, as decoders show it', () => {
    const end = TINY_BASELINE_JPEG.length - 2;
    const damaged = concat(TINY_BASELINE_JPEG.subarray(0, end - 4), Uint8Array.of(0xff, 0xff, 0xff, 0x9f), TINY_BASELINE_JPEG.subarray(end));
    const out = clean(damaged);
    expect(parseJpeg(damaged).damagedScan).toBe(true);
    expect(scanData(out.bytes)).toEqual(scanData(damaged));
  });

  it('fails a truncated file', () => {
    expect(failed(TINY_BASELINE_JPEG.subarray(0, TINY_BASELINE_JPEG.length - 2)).code).toBe('truncated');
    expect(failed(TINY_BASELINE_JPEG.subarray(0, 100)).code).toBe('truncated');
    expect(failed(TINY_BASELINE_JPEG.subarray(0, 3)).code).toBe('malformed');
  });

  it('fails a segment that runs past the end', () => {
    const broken = concat(TINY_BASELINE_JPEG.subarray(0, 2), Uint8Array.of(0xff, 0xe1, 0xff, 0xf0), ascii('Exif\0\0'));
    expect(failed(broken).code).toBe('truncated');
  });

  it('fails a decoding segment with hidden padding', () => {
    const dht = markerOffset(TINY_BASELINE_JPEG, 0xc4);
    const length = ((TINY_BASELINE_JPEG[dht + 2] ?? 0) << 8) | (TINY_BASELINE_JPEG[dht + 3] ?? 0);
    const payload = concat(TINY_BASELINE_JPEG.subarray(dht + 4, dht + 2 + length), ascii(SECRET));
    const padded = concat(TINY_BASELINE_JPEG.subarray(0, dht), segment(0xc4, payload), TINY_BASELINE_JPEG.subarray(dht + 2 + length));
    expect(failed(padded)).toMatchObject({ code: 'malformed' });
  });

  it('fails markers it cannot classify (JPEG-LS SOF55) rather than keep or drop them', () => {
    expect(failed(withSegments(TINY_BASELINE_JPEG, segment(0xf7, new Uint8Array(11)))).code).toBe('unsupported-feature');
  });

  it('fails a file without a frame header or without a scan', () => {
    const sof = markerOffset(TINY_BASELINE_JPEG, 0xc0);
    expect(failed(concat(TINY_BASELINE_JPEG.subarray(0, sof), TINY_BASELINE_JPEG.subarray(sof + 19))).code).toBe('malformed');
    expect(failed(concat(TINY_BASELINE_JPEG.subarray(0, sof), Uint8Array.of(0xff, 0xd9))).code).toBe('malformed');
  });

  it('never puts file content in a failure reason', () => {
    const broken = withSegments(TINY_BASELINE_JPEG, segment(0xfe, ascii(SECRET))).subarray(0, 40);
    expect(failed(broken).reason).not.toContain('SECRET');
  });
});

describe('JPEG segments after the first scan', () => {
  it('are removed without their Orientation or ICC profile being used', () => {
    const sos = markerOffset(TINY_PROGRESSIVE_JPEG, 0xda);
    const secondScan = sos + 14 + TINY_PROGRESSIVE_JPEG.subarray(sos + 14).indexOf(0xda) - 1;
    const late = concat(
      TINY_PROGRESSIVE_JPEG.subarray(0, secondScan),
      segment(0xe1, exifPayload({ orientation: 6, make: 'Tecno' })),
      ...iccPayloads(identifyingIccProfile(), 4000).map((p) => segment(0xe2, p)),
      TINY_PROGRESSIVE_JPEG.subarray(secondScan),
    );
    const out = clean(late);
    expect(out.removed).toEqual(['EXIF (camera)', 'ICC profile']);
    expect(out.bytes).toEqual(TINY_PROGRESSIVE_JPEG);
  });
});
