// The shared media corpus, judged by exiftool, djpeg and pngcheck (see test-support/judge.ts).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusAvailable, corpusImages, MEDIA_DIR, readBytes } from '../test-support/corpus.ts';
import { toolsAvailable } from '../test-support/external-tools.ts';
import { scanData } from '../test-support/jpeg-scan-bytes.ts';
import { judgeCleaned } from '../test-support/judge.ts';
import { detectKind, scrub } from './index.ts';

// What each corpus image is expected to lose: the summary a reporter would be shown.
const EXPECTED_REMOVED: Readonly<Record<string, readonly string[]>> = {
  'cam-BlueSquare.jpg': ['EXIF (dates, software, description, thumbnail)', 'XMP', 'IPTC/Photoshop', 'ICC profile names and dates'],
  'cam-DSCN0010.jpg': ['EXIF (GPS, camera, maker notes, dates, software, description, thumbnail)', 'XMP'],
  'cam-HMD_Nokia_8.3_5G.jpg': ['EXIF (GPS, camera, dates, software)'],
  // Image data damaged by a 16 KiB run of 0xFF; decoders resynchronise at the next restart
  // marker and show the photo, so we clean it (scan bytes copied as they are). The appended
  // Olympus preview JPEG after EOI goes with the trailing data.
  'cam-corrupted.jpg': ['EXIF (camera, maker notes, dates, software, description, thumbnail)', 'trailing data'],
  'cam-image00971.jpg': ['XMP'],
  'cam-portrait_6.jpg': ['EXIF', 'ICC profile names and dates'],
  'mat2-control_chars.jpg': ['comment'],
  'mat2-dirty.jpg': ['comment'],
  'mat2-dirty.png': ['modification time', 'comment'],
};

const ready = corpusAvailable() && toolsAvailable('exiftool', 'djpeg', 'pngcheck');

describe.skipIf(!ready)('media corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrub-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const images = corpusImages();

  it('holds every JPEG and PNG the manifest lists, and each has an expectation', () => {
    const manifest = JSON.parse(readFileSync(`${MEDIA_DIR}MANIFEST.json`, 'utf8')) as readonly { readonly file: string }[];
    const listed = manifest.map((m) => m.file).filter((f) => /\.(jpe?g|png)$/i.test(f));
    expect(images.map((i) => i.name)).toEqual(listed.sort());
    expect(Object.keys(EXPECTED_REMOVED).sort()).toEqual(images.map((i) => i.name));
  });

  describe.each(images)('$name', ({ name, path, kind }) => {
    const original = readBytes(path);
    const result = scrub(original);
    const cleaned = result.status === 'cleaned' ? result.bytes : new Uint8Array();
    const verdict = result.status === 'cleaned' ? judgeCleaned(kind, original, cleaned, dir, name) : undefined;

    it('is detected by its bytes and cleaned', () => {
      expect(detectKind(original)).toBe(kind);
      expect(result).toMatchObject({ status: 'cleaned', kind, removed: EXPECTED_REMOVED[name] });
    });

    it('leaves nothing identifying, by exiftool', () => {
      expect(verdict?.forbidden).toEqual([]);
      expect(verdict?.unexpected).toEqual([]);
      expect(verdict?.warnings).toEqual([]);
    });

    it('still decodes, to the same pixels', () => {
      expect(verdict?.decodeStatus).toBe(verdict?.originalDecodeStatus);
      expect(verdict?.decodeStatus === 0 || name === 'cam-corrupted.jpg').toBe(true);
      expect(verdict?.samePixels).toBe(true);
    });

    it('keeps the picture the same way up', () => {
      expect(verdict?.orientation.after).toBe(verdict?.orientation.before);
    });

    it('is stable: cleaning the cleaned file changes nothing', () => {
      const again = scrub(cleaned);
      expect(again).toMatchObject({ status: 'cleaned', removed: [] });
      expect(again.status === 'cleaned' && Buffer.from(again.bytes).equals(cleaned)).toBe(true);
    });
  });
  // JPEG only: PNGs have no entropy-coded scans. A describe of its own rather than a skipped case.
  describe.each(images.filter((image) => image.kind === 'jpeg'))('$name (JPEG scans)', ({ path }) => {
    it('keeps the entropy-coded scan data byte for byte', () => {
      const original = readBytes(path);
      const result = scrub(original);
      expect(result.status).toBe('cleaned');
      const cleaned = result.status === 'cleaned' ? result.bytes : new Uint8Array();
      // Compared as Buffers: vitest's deep equality is slow on megabytes.
      const [before, after] = [scanData(original), scanData(cleaned)];
      expect(before.length).toBeGreaterThan(0);
      expect(after.length).toBe(before.length);
      expect(after.every((scan, i) => Buffer.from(scan).equals(before[i] ?? new Uint8Array()))).toBe(true);
    });
  });
});
