// The shared media corpus (../shared/data/media from the repository root, the same layout
// in CI). It is read in place and never copied into the project.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScrubKind } from '../src/scrub-types.ts';

export const MEDIA_DIR = fileURLToPath(new URL('../../../../shared/data/media/', import.meta.url));

export type CorpusImage = { readonly name: string; readonly path: string; readonly kind: 'jpeg' | 'png' };

/** True when the corpus is there; under CI its absence is an error, not a skip. */
export function corpusAvailable(): boolean {
  if (existsSync(MEDIA_DIR)) return true;
  if (process.env['CI']) throw new Error(`media corpus not found at ${MEDIA_DIR}`);
  process.stderr.write(`scrub tests: media corpus not found at ${MEDIA_DIR}, skipping corpus checks\n`);
  return false;
}

/** Every JPEG and PNG of the corpus, chosen by file name so that detectKind() is tested, not trusted. */
export function corpusImages(): CorpusImage[] {
  if (!existsSync(MEDIA_DIR)) return [];
  return readdirSync(MEDIA_DIR)
    .sort()
    .flatMap((name): CorpusImage[] => {
      const path = `${MEDIA_DIR}${name}`;
      if (/\.jpe?g$/i.test(name)) return [{ name, path, kind: 'jpeg' }];
      if (/\.png$/i.test(name)) return [{ name, path, kind: 'png' }];
      return [];
    });
}

/** A corpus file and the kind its name says; 'svg' is a kind we do not clean. */
export type CorpusFile = { readonly name: string; readonly path: string; readonly kind: ScrubKind | 'svg' };

const EXTENSION_KINDS: Readonly<Record<string, ScrubKind | 'svg'>> = {
  jpg: 'jpeg', jpeg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp', heic: 'heif', heif: 'heif', avif: 'avif', pdf: 'pdf', docx: 'docx', xlsx: 'xlsx',
  pptx: 'pptx', odt: 'odt', ods: 'ods', odp: 'odp', mp3: 'mp3', mp4: 'mp4', mov: 'mov', m4a: 'm4a', wav: 'wav', ogg: 'ogg', flac: 'flac',
  svg: 'svg',
};

/** Every file of the corpus but the manifest. A file with an extension nobody mapped fails loudly. */
export function corpusFiles(): CorpusFile[] {
  if (!existsSync(MEDIA_DIR)) return [];
  return readdirSync(MEDIA_DIR)
    .filter((name) => name !== 'MANIFEST.json')
    .sort()
    .map((name): CorpusFile => {
      const kind = EXTENSION_KINDS[name.split('.').pop()?.toLowerCase() ?? ''];
      if (kind === undefined) throw new Error(`corpus file ${name} has an extension no test expects`);
      return { name, path: `${MEDIA_DIR}${name}`, kind };
    });
}

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
