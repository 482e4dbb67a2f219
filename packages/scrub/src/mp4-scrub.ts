// Lossless cleaner for the movie kinds of ISO base media files: MP4, MOV (QuickTime), M4A,
// 3GP. Everything happens in place (see iso-bmff-file.ts and iso-bmff-movie.ts): no sample
// is decoded or moved, and a top-level meta box is neutralized like any other metadata.

import { cleanIsoFile } from './iso-bmff-file.ts';
import type { CleanOutput } from './scrub-types.ts';

export function cleanMp4(bytes: Uint8Array): CleanOutput {
  return cleanIsoFile(bytes);
}
