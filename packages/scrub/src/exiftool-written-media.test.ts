// Files of the other kinds that exiftool (and ffmpeg, for movies and audio) filled with
// metadata, so each cleaner meets a writer it was not built alongside: EXIF, GPS and XMP in
// GIF, WebP, HEIC and AVIF; QuickTime keys, item lists, GPS and XMP in MP4, MOV and M4A; Info and
// XMP written by exiftool as an incremental update (the old objects stay in the file) in PDF.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN_ALLOWED } from '../test-support/clean-allow-lists.ts';
import { contentDigest } from '../test-support/content-digest.ts';
import { corpusAvailable, MEDIA_DIR } from '../test-support/corpus.ts';
import { readMetadata, valueOf } from '../test-support/exiftool.ts';
import { runTool, toolsAvailable } from '../test-support/external-tools.ts';
import { findForbiddenMetadata, findUnexpectedMetadata } from '../test-support/forbidden-metadata.ts';
import { scrub } from './index.ts';
import type { ScrubKind } from './scrub-types.ts';

const PERSON = ['-Artist=Alice Traoré', '-XMP-dc:Creator=Alice Traoré', '-XMP-dc:Description=Mairie de Kati', '-XMP-xmp:CreatorTool=Snapseed'];
const DEVICE = ['-Make=Tecno', '-Model=Spark 10', '-SerialNumber=0123456789', '-Software=Camera 2.1', '-DateTimeOriginal=2024:01:02 03:04:05'];
const GPS = ['-GPSLatitude=12.6392', '-GPSLatitudeRef=N', '-GPSLongitude=8.0029', '-GPSLongitudeRef=W'];
const MOVIE = ['-QuickTime:Artist=Alice Traoré', '-Keys:Make=Tecno', '-Keys:Model=Spark 10', '-Keys:GPSCoordinates=12.6392, -8.0029, 0', '-UserData:Comment=secret', '-XMP-dc:Creator=Alice'];

type Case = { readonly name: string; readonly kind: ScrubKind; readonly base: () => Uint8Array; readonly args: readonly string[] };

const ready = corpusAvailable() && toolsAvailable('exiftool', 'ffmpeg', 'heif-convert', 'heif-enc', 'pdftoppm');

describe.skipIf(!ready)('files of other kinds written by exiftool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrub-exiftool-media-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const corpus = (name: string) => (): Uint8Array => new Uint8Array(readFileSync(`${MEDIA_DIR}${name}`));
  const ffmpeg = (name: string, args: readonly string[]) => (): Uint8Array => {
    const path = join(dir, name);
    const run = runTool('ffmpeg', ['-v', 'error', '-y', ...args, '-metadata', 'artist=Alice', '-metadata', 'location=+12.6392-008.0029/', path]);
    if (run.status !== 0) throw new Error(`ffmpeg could not write ${name}: ${run.stderr}`);
    return new Uint8Array(readFileSync(path));
  };
  const avifFrom = (photo: string, name: string) => (): Uint8Array => {
    // libheif's encoder turns a corpus photo into an AVIF, carrying its EXIF over.
    const path = join(dir, name);
    const run = runTool('heif-enc', ['-A', '-q', '30', `${MEDIA_DIR}${photo}`, '-o', path]);
    if (run.status !== 0) throw new Error(`heif-enc could not write ${name}: ${run.stderr}`);
    return new Uint8Array(readFileSync(path));
  };
  const cases: readonly Case[] = [
    { name: 'dirty.gif', kind: 'gif', base: corpus('mat2-dirty.gif'), args: ['-Comment=secret comment', ...PERSON.slice(1)] },
    { name: 'dirty.webp', kind: 'webp', base: corpus('mat2-dirty.webp'), args: [...DEVICE, ...GPS, ...PERSON, '-Orientation#=6'] },
    { name: 'dirty.heic', kind: 'heif', base: corpus('mat2-dirty.heic'), args: [...DEVICE, ...GPS, ...PERSON] },
    { name: 'dirty.avif', kind: 'avif', base: avifFrom('cam-portrait_6.jpg', 'base.avif'), args: [...DEVICE, ...GPS, ...PERSON] },
    { name: 'dirty.mp4', kind: 'mp4', base: corpus('mat2-dirty.mp4'), args: MOVIE },
    { name: 'dirty.mov', kind: 'mov', base: ffmpeg('base.mov', ['-f', 'lavfi', '-i', 'testsrc=size=64x48:duration=0.5', '-c:v', 'mpeg4']), args: MOVIE },
    { name: 'dirty.m4a', kind: 'm4a', base: ffmpeg('base.m4a', ['-f', 'lavfi', '-i', 'sine=duration=0.5', '-c:a', 'aac']), args: ['-ItemList:Artist=Alice', '-ItemList:Comment=secret', '-XMP-dc:Creator=Alice'] },
    { name: 'dirty.pdf', kind: 'pdf', base: corpus('mat2-dirty.pdf'), args: ['-PDF:Author=Alice Traoré', '-PDF:Title=Rapport', '-PDF:Keywords=corruption', ...PERSON.slice(1)] },
  ];

  describe.each(cases)('$name', ({ name, kind, base, args }) => {
    const path = join(dir, name);
    writeFileSync(path, base());
    const run = runTool('exiftool', ['-q', '-m', '-overwrite_original', ...args, path]);
    const dirty = new Uint8Array(readFileSync(path));
    const result = scrub(dirty);
    const cleanedPath = join(dir, `cleaned-${name}`);
    writeFileSync(cleanedPath, result.status === 'cleaned' ? result.bytes : new Uint8Array());

    it('was filled with identifying metadata by exiftool', () => {
      expect(run.status).toBe(0);
      expect(run.stderr).not.toMatch(/error/i); // the WebP's own broken EXIF header gets a warning
      expect(findForbiddenMetadata(readMetadata(path)).length).toBeGreaterThan(2);
    });

    it('is cleaned, leaving nothing identifying and nothing unexpected', () => {
      expect(result).toMatchObject({ status: 'cleaned', kind });
      const left = readMetadata(cleanedPath);
      expect(findForbiddenMetadata(left)).toEqual([]);
      expect(findUnexpectedMetadata(left, CLEAN_ALLOWED[kind])).toEqual([]);
      // Upright as before: HEIF and AVIF turn by their irot property (EXIF is informative there), the others by EXIF.
      const [group, tag] = kind === 'heif' || kind === 'avif' ? ['QuickTime', 'Rotation'] : ['IFD0', 'Orientation'];
      expect(valueOf(left, group, tag)).toBe(valueOf(readMetadata(path), group, tag));
    });

    it('shows or plays the same', () => {
      const before = contentDigest(kind, path, dir);
      const after = contentDigest(kind, cleanedPath, dir);
      expect(after.ok).toBe(true);
      expect(after.digest).toBe(before.digest);
    });
  });
});
