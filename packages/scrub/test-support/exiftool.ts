// exiftool's view of a file, as flat `{ group0, group1, tag, value }` entries.
// We run `exiftool -j -G0:1 -a -b`: -G0:1 names both group families (e.g. "MakerNotes:Nikon"),
// so a rule can say "no MakerNotes at all" without listing every camera maker; -a keeps
// duplicate tags; -b prints binary values (thumbnails) instead of a placeholder.

import { runTool } from './external-tools.ts';

export type MetadataEntry = {
  readonly group0: string;
  readonly group1: string;
  readonly tag: string;
  readonly value: unknown;
};

function parseKey(key: string): { readonly group0: string; readonly group1: string; readonly tag: string } {
  const parts = key.split(':');
  const tag = parts.pop() ?? key;
  const group0 = parts[0] ?? '';
  return { group0, group1: parts[1] ?? group0, tag };
}

export function readMetadata(file: string): MetadataEntry[] {
  const run = runTool('exiftool', ['-j', '-G0:1', '-a', '-b', file]);
  const parsed: unknown = JSON.parse(run.stdout.toString('utf8'));
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'object' || parsed[0] === null) {
    throw new Error(`exiftool gave no JSON object for ${file}: ${run.stderr}`);
  }
  return Object.entries(parsed[0] as Record<string, unknown>)
    .filter(([key]) => key !== 'SourceFile')
    .map(([key, value]) => ({ ...parseKey(key), value }));
}

export function entryName(e: MetadataEntry): string {
  return e.group0 === e.group1 ? `${e.group0}:${e.tag}` : `${e.group0}:${e.group1}:${e.tag}`;
}

/** The value exiftool reports for `group1:tag`, or undefined. */
export function valueOf(entries: readonly MetadataEntry[], group1: string, tag: string): unknown {
  return entries.find((e) => e.group1 === group1 && e.tag === tag)?.value;
}
