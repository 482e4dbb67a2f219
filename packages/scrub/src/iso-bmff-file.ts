// The top level of an ISO base media file, shared by the movie kinds (MP4, MOV, M4A) and HEIF.
// Kept: ftyp, the media data and fragment boxes, free space (zeroed: it may hold old data);
// the movie box is cleaned by iso-bmff-movie.ts, a top-level meta box by the caller (HEIF
// items) or neutralized (movies); everything else becomes 'free' (uuid XMP, vendor blocks).
// Bytes after the last box that are not a box (some phones append a trailer there) are cut
// off: nothing can point past the end, so no offset changes.

import { addOnce } from './bytes.ts';
import { boxAt, removeBox, type Box } from './iso-bmff-boxes.ts';
import { cleanMovie } from './iso-bmff-movie.ts';
import { ScrubError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';

const KEPT = ['ftyp', 'mdat', 'moof', 'mfra', 'sidx', 'ssix', 'styp', 'pdin', 'wide'];

export type MetaCleaner = (out: Uint8Array, meta: Box, removed: string[]) => void;

export function cleanIsoFile(bytes: Uint8Array, cleanMeta?: MetaCleaner): CleanOutput {
  const out = bytes.slice();
  const removed: string[] = [];
  let at = 0;
  let hasContent = false;
  while (at < out.length) {
    const box = boxAt(out, at, out.length);
    if (box === undefined) {
      if (!hasContent) throw new ScrubError('malformed', `bad box at offset ${at}`);
      addOnce(removed, 'trailing data');
      break;
    }
    if (at === 0 && box.type !== 'ftyp') throw new ScrubError('malformed', 'file does not start with ftyp');
    if (box.type === 'moov') {
      cleanMovie(out, box, removed);
      hasContent = true;
    } else if (box.type === 'meta' && cleanMeta !== undefined) {
      cleanMeta(out, box, removed);
      hasContent = true;
    } else if (box.type === 'free' || box.type === 'skip') {
      out.fill(0, box.payload, box.end);
    } else if (!KEPT.includes(box.type)) {
      removeBox(out, box, removed);
    }
    at = box.end;
  }
  if (!hasContent) throw new ScrubError('malformed', cleanMeta ? 'no meta box (no image)' : 'no movie box (moov)');
  return { bytes: at < out.length ? out.slice(0, at) : out, removed };
}
