// The corpus photos and PNGs, judged in depth by exiftool, djpeg and pngcheck (see
// test-support/judge.ts): pixels and scans byte-identical, orientation kept. Every corpus
// file, of every kind, is judged in corpus-every-file.test.ts.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusAvailable, corpusImages, MEDIA_DIR, readBytes } from '../test-support/corpus.ts';
import { EXPECTED_OUTCOME } from '../test-support/corpus-expectations.ts';
import { toolsAvailable } from '../test-support/external-tools.ts';
import { scanData } from '../test-support/jpeg-scan-bytes.ts';
import { judgeCleaned } from '../test-support/judge.ts';
import { detectKind, scrub } from './index.ts';

const ready = corpusAvailable() && toolsAvailable('exiftool', 'djpeg', 'pngcheck');

describe.skipIf(!ready)('media corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrub-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const images = corpusImages();

  it('holds every JPEG and PNG the manifest lists, and each has an expectation', () => {
    const manifest = JSON.parse(readFileSync(`${MEDIA_DIR}MANIFEST.json`, 'utf8')) as readonly { readonly file: string }[];
    const listed = manifest.map((m) => m.file).filter((f) => /\.(jpe?g|png)$/i.test(f));
    expect(images.map((i) => i.name)).toEqual(listed.sort());
    expect(images.every((i) => Array.isArray(EXPECTED_OUTCOME[i.name]))).toBe(true);
  });

  describe.each(images)('$name', ({ name, path, kind }) => {
    const original = readBytes(path);
    const result = scrub(original);
    const cleaned = result.status === 'cleaned' ? result.bytes : new Uint8Array();
    const verdict = result.status === 'cleaned' ? judgeCleaned(kind, original, cleaned, dir, name) : undefined;

    it('is detected by its bytes and cleaned', () => {
      expect(detectKind(original)).toBe(kind);
      expect(result).toMatchObject({ status: 'cleaned', kind, removed: EXPECTED_OUTCOME[name] });
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
