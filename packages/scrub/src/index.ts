// @kenekanko/scrub: removes identifying metadata from a file in the reporter's browser,
// before encryption. Pure functions over Uint8Array; no DOM, no Node APIs, no I/O.
//
// SECURITY: the kind is decided by magic bytes only, never by a file name or MIME type that
// the reporter's system supplied; a file that is not a kind we clean is 'unsupported', so the
// UI can warn instead of uploading it as if it were clean.
//
// This entry imports every cleaner (pdf-lib and fflate included). The web can import
// '@kenekanko/scrub/lazy' instead (load-scrubber.ts) to fetch each cleaner when it is needed.

import { detectKind } from './detect-kind.ts';
import { cleanFlac } from './flac-scrub.ts';
import { cleanGif } from './gif-scrub.ts';
import { cleanHeif } from './heif-scrub.ts';
import { cleanJpeg } from './jpeg-scrub.ts';
import { cleanMp3 } from './mp3-scrub.ts';
import { cleanMp4 } from './mp4-scrub.ts';
import { cleanOdf } from './odf-scrub.ts';
import { cleanOgg } from './ogg-scrub.ts';
import { cleanOoxml } from './ooxml-scrub.ts';
import { cleanPdf } from './pdf-scrub.ts';
import { cleanPng } from './png-scrub.ts';
import { runCleaner } from './run-cleaner.ts';
import type { CleanFunction, ScrubKind, ScrubResult } from './scrub-types.ts';
import { unsupportedReason } from './unsupported-reason.ts';
import { cleanWav } from './wav-scrub.ts';
import { cleanWebm } from './webm-scrub.ts';
import { cleanWebp } from './webp-scrub.ts';

export { detectKind } from './detect-kind.ts';
export { loadScrubber, scrubLazily } from './load-scrubber.ts';
export { SCRUB_FAILURE_CODES, isScrubFailureCode, type ScrubFailureCode } from './scrub-error.ts';
export { SCRUB_KIND_MIME_TYPES, SCRUB_KINDS, isScrubKind, type ScrubKind, type ScrubResult } from './scrub-types.ts';

// Adding a kind: add its name to SCRUB_KINDS and its cleaner here and in load-scrubber.ts.
const CLEANERS: { readonly [K in ScrubKind]: CleanFunction } = {
  jpeg: cleanJpeg,
  png: cleanPng,
  gif: cleanGif,
  webp: cleanWebp,
  heif: cleanHeif,
  avif: cleanHeif,
  pdf: cleanPdf,
  docx: cleanOoxml,
  xlsx: cleanOoxml,
  pptx: cleanOoxml,
  odt: cleanOdf,
  ods: cleanOdf,
  odp: cleanOdf,
  mp3: cleanMp3,
  mp4: cleanMp4,
  mov: cleanMp4,
  m4a: cleanMp4,
  wav: cleanWav,
  ogg: cleanOgg,
  flac: cleanFlac,
  webm: cleanWebm,
};

/** Cleans `bytes` synchronously. Never throws: bad input gives `failed`, unknown kinds `unsupported`. */
export function scrub(bytes: Uint8Array): ScrubResult {
  if (!(bytes instanceof Uint8Array)) return { status: 'unsupported', reason: 'input is not a byte array' };
  const kind = detectKind(bytes);
  if (kind === undefined) return { status: 'unsupported', reason: unsupportedReason(bytes) };
  return runCleaner(kind, CLEANERS[kind], bytes);
}
