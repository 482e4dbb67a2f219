// Files that exiftool itself filled with metadata, so the cleaner is tested against a writer
// it was not built alongside: EXIF with GPS, serial and thumbnail, IPTC, Photoshop, XMP,
// comments, PNG text chunks, eXIf, iCCP, on a baseline JPEG, a progressive one and an APNG.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusAvailable, MEDIA_DIR } from '../test-support/corpus.ts';
import { runTool, toolsAvailable } from '../test-support/external-tools.ts';
import { TINY_BASELINE_JPEG, TINY_PROGRESSIVE_JPEG } from '../test-support/jpeg-fixtures.ts';
import { judgeCleaned } from '../test-support/judge.ts';
import { tinyApng } from '../test-support/png-fixtures.ts';
import { scrub } from './index.ts';

const COMMON = [
  '-Make=Canon', '-Model=EOS R5', '-SerialNumber=0123456789', '-Artist=Alice Traoré', '-Copyright=Alice',
  '-Software=Snapseed', '-DateTimeOriginal=2024:01:02 03:04:05', '-GPSLatitude=12.6392', '-GPSLatitudeRef=N',
  '-GPSLongitude=8.0029', '-GPSLongitudeRef=W', '-Orientation#=6', '-XMP-dc:Creator=Alice', '-XMP-dc:Description=Mairie',
];
const JPEG_ONLY = ['-IPTC:By-line=Alice', '-IPTC:City=Bamako', '-Comment=secret comment', '-Photoshop:URL=https://example.org/alice'];
const PNG_ONLY = ['-PNG:Comment=secret', '-PNG:Author=Alice', '-PNG:CreationTime=2024:01:01 00:00:00'];

const ready = toolsAvailable('exiftool', 'djpeg', 'pngcheck') && corpusAvailable();

describe.skipIf(!ready)('files written by exiftool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrub-exiftool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function dirty(name: string, base: Uint8Array, args: readonly string[]): Uint8Array {
    const path = join(dir, name);
    writeFileSync(path, base);
    const run = runTool('exiftool', ['-q', '-overwrite_original', ...args, path]);
    if (run.status !== 0) throw new Error(`exiftool could not write ${name}: ${run.stderr}`);
    return new Uint8Array(readFileSync(path));
  }

  const thumbnail = join(dir, 'thumb.jpg');
  writeFileSync(thumbnail, TINY_BASELINE_JPEG);
  const profile = join(dir, 'profile.icc');
  writeFileSync(profile, runTool('exiftool', ['-b', '-ICC_Profile', `${MEDIA_DIR}cam-portrait_6.jpg`]).stdout);

  const cases = [
    { name: 'baseline.jpg', kind: 'jpeg', base: TINY_BASELINE_JPEG, args: [...COMMON, ...JPEG_ONLY, `-ThumbnailImage<=${thumbnail}`] },
    { name: 'progressive.jpg', kind: 'jpeg', base: TINY_PROGRESSIVE_JPEG, args: [...COMMON, ...JPEG_ONLY, `-ICC_Profile<=${profile}`] },
    { name: 'animated.png', kind: 'png', base: tinyApng(), args: [...COMMON, ...PNG_ONLY, `-ICC_Profile<=${profile}`] },
  ] as const;

  describe.each(cases)('$name', ({ name, kind, base, args }) => {
    const original = dirty(name, base, args);
    const result = scrub(original);
    const cleaned = result.status === 'cleaned' ? result.bytes : new Uint8Array();

    it('was really made dirty, and is cleaned', () => {
      expect(original.length).toBeGreaterThan(base.length + 500);
      expect(result.status).toBe('cleaned');
    });

    it('leaves nothing identifying, decodes the same and stays the same way up', () => {
      const verdict = judgeCleaned(kind, original, cleaned, dir, name);
      expect(verdict).toMatchObject({ forbidden: [], unexpected: [], warnings: [], decodeStatus: 0, samePixels: true });
      expect(verdict.orientation).toEqual({ before: 'Rotate 90 CW', after: 'Rotate 90 CW' });
    });
  });
});
