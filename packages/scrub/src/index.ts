// @kenekanko/scrub: removes identifying metadata from a file in the reporter's browser,
// before encryption. Pure functions over Uint8Array; no DOM, no Node APIs, no I/O.
//
// SECURITY: the kind is decided by magic bytes only, never by a file name or MIME type that
// the reporter's system supplied; a file that is not a kind we clean is 'unsupported', so the
// UI can warn instead of uploading it as if it were clean.

import { jpegCleaner } from './jpeg-scrub.ts';
import { pngCleaner } from './png-scrub.ts';
import { ScrubError } from './scrub-error.ts';
import { SCRUB_KINDS, type Cleaner, type ScrubKind, type ScrubResult } from './scrub-types.ts';

export { SCRUB_FAILURE_CODES, isScrubFailureCode, type ScrubFailureCode } from './scrub-error.ts';
export { SCRUB_KINDS, isScrubKind, type ScrubKind, type ScrubResult } from './scrub-types.ts';

// Adding a kind: add its name to SCRUB_KINDS and its cleaner here (the type demands both).
const CLEANERS: { readonly [K in ScrubKind]: Cleaner } = {
  jpeg: jpegCleaner,
  png: pngCleaner,
};

export function detectKind(bytes: Uint8Array): ScrubKind | undefined {
  return SCRUB_KINDS.find((kind) => CLEANERS[kind].detect(bytes));
}

/** Cleans `bytes` synchronously. Never throws: bad input gives `failed`, unknown kinds `unsupported`. */
export function scrub(bytes: Uint8Array): ScrubResult {
  if (!(bytes instanceof Uint8Array)) return { status: 'unsupported', reason: 'input is not a byte array' };
  const kind = detectKind(bytes);
  if (kind === undefined) return { status: 'unsupported', reason: 'not a JPEG or PNG file; this kind of file cannot be cleaned yet' };
  try {
    const { bytes: cleaned, removed } = CLEANERS[kind].clean(bytes);
    return { status: 'cleaned', kind, bytes: cleaned, removed };
  } catch (error) {
    if (error instanceof ScrubError) return { status: 'failed', kind, code: error.code, reason: error.message };
    // A bug, not bad input: still never hand back an uncleaned file, and never throw.
    return { status: 'failed', kind, code: 'internal', reason: 'unexpected error while cleaning' };
  }
}
