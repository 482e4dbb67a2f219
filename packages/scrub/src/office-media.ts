// The files inside an office document that are not its XML: pictures, sounds and videos are
// cleaned with the cleaner of their own kind (a photo pasted into a report keeps its GPS
// otherwise); embedded office documents are cleaned by the caller's own cleaner. Vector
// pictures (EMF, WMF, StarView), bitmaps (BMP) and fonts are kept: they hold no metadata block of the
// kind the other cleaners remove (see README, limits). Anything else fails the document.
//
// SECURITY: an embedded file is never passed through as clean unless it is cleaned or is one
// of the few kinds above; an embedded file that fails to clean fails the whole document.

import { addOnce, u32le } from './bytes.ts';
import { detectKind } from './detect-kind.ts';
import { cleanFlac } from './flac-scrub.ts';
import { cleanGif } from './gif-scrub.ts';
import { cleanHeif } from './heif-scrub.ts';
import { cleanJpeg } from './jpeg-scrub.ts';
import { cleanMp3 } from './mp3-scrub.ts';
import { cleanMp4 } from './mp4-scrub.ts';
import { cleanOgg } from './ogg-scrub.ts';
import { cleanPng } from './png-scrub.ts';
import { ScrubError } from './scrub-error.ts';
import type { CleanFunction, ScrubKind } from './scrub-types.ts';
import { cleanWav } from './wav-scrub.ts';
import { cleanWebp } from './webp-scrub.ts';

// The media part of index.ts's registry (importing that would be circular: it imports us).
const MEDIA_CLEANERS: Partial<Record<ScrubKind, CleanFunction>> = {
  jpeg: cleanJpeg, png: cleanPng, gif: cleanGif, webp: cleanWebp, heif: cleanHeif, avif: cleanHeif,
  mp3: cleanMp3, mp4: cleanMp4, mov: cleanMp4, m4a: cleanMp4, wav: cleanWav, ogg: cleanOgg, flac: cleanFlac,
};

const FONT_EXTENSIONS = ['.odttf', '.ttf', '.otf', '.fntdata', '.eot'];

function isKeptAsIs(path: string, data: Uint8Array): boolean {
  const emf = u32le(data, 0) === 1 && u32le(data, 40) === 0x464d4520; // EMR_HEADER, " EMF"
  const wmf = u32le(data, 0) === 0x9ac6cdd7 || ((data[0] === 1 || data[0] === 2) && data[1] === 0 && data[2] === 9 && data[3] === 0);
  const bmp = data[0] === 0x42 && data[1] === 0x4d;
  const svm = String.fromCharCode(...data.subarray(0, 6)) === 'VCLMTF'; // StarView metafile (ODF object previews)
  return emf || wmf || bmp || svm || data.length === 0 || FONT_EXTENSIONS.some((ext) => path.toLowerCase().endsWith(ext));
}

/** What kind of file this is, in words that say nothing of its name or content. */
function describe(path: string): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(path)?.[1];
  return ext === undefined ? 'an embedded file' : `an embedded .${ext.toLowerCase()} file`;
}

/**
 * The cleaned bytes of an embedded file. `nested` cleans embedded office documents (or
 * returns undefined for kinds it does not handle). Throws ScrubError when it cannot be cleaned.
 */
export function cleanEmbeddedFile(path: string, data: Uint8Array, removed: string[], nested: (kind: ScrubKind) => CleanFunction | undefined): Uint8Array {
  const kind = detectKind(data);
  const clean = kind === undefined ? undefined : (MEDIA_CLEANERS[kind] ?? nested(kind));
  if (clean === undefined) {
    if (kind === undefined && isKeptAsIs(path, data)) return data;
    throw new ScrubError('unsupported-feature', `${describe(path)} cannot be cleaned`);
  }
  try {
    const out = clean(data);
    for (const label of out.removed) addOnce(removed, `embedded file: ${label}`);
    return out.bytes;
  } catch (error) {
    if (error instanceof ScrubError) throw new ScrubError(error.code, `${describe(path)}: ${error.message}`, { cause: error });
    throw error;
  }
}
