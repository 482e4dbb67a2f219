// Judges a cleaned image with tools no one here wrote: exiftool for what is left, djpeg
// (libjpeg-turbo) and pngcheck for whether it still decodes. Used by the corpus tests and by
// the tests on files that exiftool itself filled with metadata.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePng } from '../src/png-chunks.ts';
import { readMetadata, valueOf, type MetadataEntry } from './exiftool.ts';
import { runTool } from './external-tools.ts';
import { CLEAN_IMAGE_ALLOWED, findForbiddenMetadata, findUnexpectedMetadata } from './forbidden-metadata.ts';

export type Verdict = {
  readonly forbidden: readonly string[];
  readonly unexpected: readonly string[];
  readonly warnings: readonly string[];
  /** Displayed orientation as exiftool prints it, before and after. */
  readonly orientation: { readonly before: string; readonly after: string };
  /** Decoder exit status of the cleaned file (djpeg: 0 ok, 2 warnings; pngcheck: 0 ok). */
  readonly decodeStatus: number;
  readonly originalDecodeStatus: number;
  /** Pixels (djpeg) or image data (PNG IDAT and fdAT) identical to the original's. */
  readonly samePixels: boolean;
};

const UPRIGHT = 'Horizontal (normal)';

function orientationOf(entries: readonly MetadataEntry[]): string {
  const v = valueOf(entries, 'IFD0', 'Orientation');
  return typeof v === 'string' ? v : UPRIGHT;
}

function warningsOf(entries: readonly MetadataEntry[]): string[] {
  return entries.filter((e) => e.group0 === 'ExifTool' && /Warning|Error/.test(e.tag)).map((e) => `${e.tag}: ${String(e.value)}`);
}

function pngImageData(bytes: Uint8Array): Buffer {
  return Buffer.concat(parsePng(bytes).chunks.filter((c) => c.type === 'IDAT' || c.type === 'fdAT').map((c) => c.data));
}

function decode(kind: 'jpeg' | 'png', path: string): { readonly status: number; readonly pixels: Buffer } {
  if (kind === 'jpeg') {
    const run = runTool('djpeg', ['-ppm', path]);
    return { status: run.status, pixels: run.stdout };
  }
  return { status: runTool('pngcheck', ['-q', path]).status, pixels: Buffer.alloc(0) };
}

export function judgeCleaned(kind: 'jpeg' | 'png', original: Uint8Array, cleaned: Uint8Array, dir: string, name: string): Verdict {
  const originalPath = join(dir, `original-${name}`);
  const cleanedPath = join(dir, `cleaned-${name}`);
  writeFileSync(originalPath, original);
  writeFileSync(cleanedPath, cleaned);
  const before = readMetadata(originalPath);
  const after = readMetadata(cleanedPath);
  const a = decode(kind, originalPath);
  const b = decode(kind, cleanedPath);
  const samePixels = kind === 'jpeg' ? a.pixels.length > 0 && a.pixels.equals(b.pixels) : pngImageData(original).equals(pngImageData(cleaned));
  return {
    forbidden: findForbiddenMetadata(after),
    unexpected: findUnexpectedMetadata(after, CLEAN_IMAGE_ALLOWED),
    warnings: warningsOf(after),
    orientation: { before: orientationOf(before), after: orientationOf(after) },
    decodeStatus: b.status,
    originalDecodeStatus: a.status,
    samePixels,
  };
}
