// Turns a cleaner's outcome into a ScrubResult. Shared by the synchronous `scrub()` and the
// lazily loaded cleaners, so both report failures the same way and neither ever throws.

import { ScrubError, UnsupportedContentError } from './scrub-error.ts';
import type { CleanFunction, ScrubKind, ScrubResult } from './scrub-types.ts';

export function runCleaner(kind: ScrubKind, clean: CleanFunction, bytes: Uint8Array): ScrubResult {
  try {
    const { bytes: cleaned, removed } = clean(bytes);
    // SECURITY: never hand back a view of the caller's array (it still holds the original).
    const own = cleaned.buffer === bytes.buffer ? cleaned.slice() : cleaned;
    return { status: 'cleaned', kind, bytes: own, removed };
  } catch (error) {
    if (error instanceof ScrubError) return { status: 'failed', kind, code: error.code, reason: error.message };
    if (error instanceof UnsupportedContentError) return { status: 'unsupported', reason: error.message };
    // A bug, not bad input: still never hand back an uncleaned file, and never throw.
    return { status: 'failed', kind, code: 'internal', reason: 'unexpected error while cleaning' };
  }
}
