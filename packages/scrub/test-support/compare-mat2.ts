// Compares our cleaner with mat2, the reference metadata remover, on the corpus images:
// whether each succeeds, what exiftool still sees afterwards, whether the picture stays the
// same way up and whether its pixels are unchanged (mat2 re-renders, we do not).
//
//   npx tsx packages/scrub/test-support/compare-mat2.ts [FILE...]   (default: the corpus)

import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scrub } from '../src/index.ts';
import { corpusImages, readBytes, type CorpusImage } from './corpus.ts';
import { readMetadata, valueOf, type MetadataEntry } from './exiftool.ts';
import { runTool } from './external-tools.ts';
import { findForbiddenMetadata } from './forbidden-metadata.ts';
import { decodePngRgba } from './png-pixels.ts';

export type CleanerOutcome = {
  readonly ok: boolean;
  readonly note: string;
  /** Metadata groups exiftool still finds (structure-only groups left out). */
  readonly groupsLeft: readonly string[];
  readonly identifyingLeft: number;
  readonly upright: boolean;
  readonly samePixels: boolean;
};

export type Mat2Row = { readonly name: string; readonly ours: CleanerOutcome; readonly mat2: CleanerOutcome };

const STRUCTURE_GROUPS = new Set(['ExifTool', 'System', 'File', 'Composite', 'PNG']);

function orientation(entries: readonly MetadataEntry[]): unknown {
  return valueOf(entries, 'IFD0', 'Orientation') ?? 'Horizontal (normal)';
}

function pixels(image: CorpusImage, path: string): Buffer | undefined {
  return image.kind === 'jpeg' ? runTool('djpeg', ['-ppm', path]).stdout : decodePngRgba(readBytes(path));
}

function outcome(image: CorpusImage, path: string | undefined, note: string): CleanerOutcome {
  if (path === undefined) return { ok: false, note, groupsLeft: [], identifyingLeft: 0, upright: false, samePixels: false };
  const after = readMetadata(path);
  const before = readMetadata(image.path);
  const [a, b] = [pixels(image, image.path), pixels(image, path)];
  return {
    ok: true,
    note,
    groupsLeft: [...new Set(after.filter((e) => !STRUCTURE_GROUPS.has(e.group0)).map((e) => e.group1))],
    identifyingLeft: findForbiddenMetadata(after).length,
    upright: orientation(after) === orientation(before),
    samePixels: a !== undefined && b !== undefined && a.length > 0 && a.equals(b),
  };
}

function runOurs(image: CorpusImage, dir: string): CleanerOutcome {
  const result = scrub(readBytes(image.path));
  if (result.status !== 'cleaned') return outcome(image, undefined, `${result.status}: ${result.reason}`);
  const path = join(dir, `ours-${image.name}`);
  writeFileSync(path, result.bytes);
  return outcome(image, path, result.removed.join('; '));
}

function runMat2(image: CorpusImage, dir: string): CleanerOutcome {
  const input = join(dir, `mat2-input-${image.name}`);
  copyFileSync(image.path, input);
  const run = runTool('mat2', [input]);
  const ext = extname(input);
  const output = join(dir, `${basename(input, ext)}.cleaned${ext}`);
  if (run.status !== 0 || !existsSync(output)) return outcome(image, undefined, `failed: ${(run.stdout.toString() + run.stderr).trim().split('\n').pop() ?? ''}`);
  return outcome(image, output, 're-rendered');
}

export function compareWithMat2(images: readonly CorpusImage[]): Mat2Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'scrub-mat2-'));
  try {
    return images.map((image) => ({ name: image.name, ours: runOurs(image, dir), mat2: runMat2(image, dir) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cell(o: CleanerOutcome): string {
  if (!o.ok) return o.note;
  const left = o.groupsLeft.length === 0 ? 'nothing' : o.groupsLeft.join(',');
  return `ok; left ${left}; identifying ${o.identifyingLeft}; upright ${o.upright ? 'yes' : 'NO'}; pixels ${o.samePixels ? 'same' : 'changed'}`;
}

export function formatTable(rows: readonly Mat2Row[]): string {
  const lines = ['| file | ours | mat2 |', '| --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.name} | ${cell(r.ours)} | ${cell(r.mat2)} |`);
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const images = args.length === 0 ? corpusImages() : args.map((p): CorpusImage => ({ name: basename(p), path: p, kind: /\.png$/i.test(p) ? 'png' : 'jpeg' }));
  process.stdout.write(formatTable(compareWithMat2(images)));
}
