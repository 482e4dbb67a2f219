// Compares our cleaner with mat2, the reference metadata remover, on every corpus file:
// whether each succeeds, what exiftool still sees afterwards, whether a picture stays the
// same way up, and whether the content is unchanged as a decoder we did not write sees it
// (mat2 re-renders images and PDFs, we do not).
//
//   npx tsx packages/scrub/test-support/compare-mat2.ts [FILE...]   (default: the corpus)

import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scrub } from '../src/index.ts';
import { contentDigest } from './content-digest.ts';
import { corpusFiles, readBytes, type CorpusFile } from './corpus.ts';
import { readMetadata, valueOf, type MetadataEntry } from './exiftool.ts';
import { runTool } from './external-tools.ts';
import { findForbiddenMetadata } from './forbidden-metadata.ts';

export type CleanerOutcome = {
  readonly ok: boolean;
  readonly note: string;
  /** Metadata groups exiftool still finds (structure-only groups left out). */
  readonly groupsLeft: readonly string[];
  readonly identifyingLeft: number;
  readonly upright: boolean;
  readonly sameContent: boolean;
};

export type Mat2Row = { readonly name: string; readonly kind: CorpusFile['kind']; readonly ours: CleanerOutcome; readonly mat2: CleanerOutcome };

const STRUCTURE_GROUPS = new Set(['ExifTool', 'System', 'File', 'Composite', 'PNG', 'ZIP', 'GIF', 'RIFF', 'MPEG', 'FLAC', 'QuickTime']);

/** How a viewer turns the picture: HEIF by its irot property (EXIF is informative there), others by EXIF. */
function orientation(kind: CorpusFile['kind'], entries: readonly MetadataEntry[]): unknown {
  if (kind === 'heif') return valueOf(entries, 'QuickTime', 'Rotation') ?? 0;
  return valueOf(entries, 'IFD0', 'Orientation') ?? 'Horizontal (normal)';
}

function outcome(file: CorpusFile, path: string | undefined, note: string, dir: string): CleanerOutcome {
  if (path === undefined) return { ok: false, note, groupsLeft: [], identifyingLeft: 0, upright: false, sameContent: false };
  const after = readMetadata(path);
  const same = file.kind !== 'svg' && contentDigest(file.kind, path, dir).digest === contentDigest(file.kind, file.path, dir).digest;
  return {
    ok: true,
    note,
    groupsLeft: [...new Set(after.filter((e) => !STRUCTURE_GROUPS.has(e.group0)).map((e) => e.group1))],
    identifyingLeft: findForbiddenMetadata(after).length,
    upright: orientation(file.kind, after) === orientation(file.kind, readMetadata(file.path)),
    sameContent: same,
  };
}

function runOurs(file: CorpusFile, dir: string): CleanerOutcome {
  const result = scrub(readBytes(file.path));
  if (result.status !== 'cleaned') return outcome(file, undefined, `${result.status}: ${result.reason}`, dir);
  const path = join(dir, `ours-${file.name}`);
  writeFileSync(path, result.bytes);
  return outcome(file, path, result.removed.join('; '), dir);
}

function runMat2(file: CorpusFile, dir: string): CleanerOutcome {
  const input = join(dir, `mat2-input-${file.name}`);
  copyFileSync(file.path, input);
  const run = runTool('mat2', [input]);
  const ext = extname(input);
  const output = join(dir, `${basename(input, ext)}.cleaned${ext}`);
  const said = (run.stdout.toString() + run.stderr).trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !existsSync(output)) return outcome(file, undefined, `failed: ${said}`, dir);
  return outcome(file, output, 're-written', dir);
}

export function compareWithMat2(files: readonly CorpusFile[]): Mat2Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'scrub-mat2-'));
  try {
    return files.map((file) => ({ name: file.name, kind: file.kind, ours: runOurs(file, dir), mat2: runMat2(file, dir) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cell(o: CleanerOutcome): string {
  if (!o.ok) return o.note.replace(/\|/g, '/');
  const left = o.groupsLeft.length === 0 ? 'nothing' : o.groupsLeft.join(',');
  return `ok; left ${left}; identifying ${o.identifyingLeft}; upright ${o.upright ? 'yes' : 'NO'}; content ${o.sameContent ? 'same' : 'changed'}`;
}

export function formatTable(rows: readonly Mat2Row[]): string {
  const lines = ['| file | ours | mat2 |', '| --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.name} | ${cell(r.ours)} | ${cell(r.mat2)} |`);
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const files = corpusFiles().filter((f) => args.length === 0 || args.some((a) => basename(a) === f.name));
  process.stdout.write(formatTable(compareWithMat2(files)));
}
