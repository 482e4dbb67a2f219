// The shared media corpus (../shared/data/media from the repository root, the same layout
// in CI). It is read in place and never copied into the project.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
