// Lossless WebP cleaner. A simple WebP (one VP8 or VP8L chunk) has nowhere to keep metadata;
// an extended one (VP8X) may carry EXIF, XMP and an ICC profile beside the image chunks.
// Output: VP8X with its flags made true again, the sanitized ICC profile, the image and
// animation chunks byte for byte, and a fresh one-entry EXIF when the picture needs turning.
//
// SECURITY: a keep-list. Only VP8X, ICCP (rebuilt), ANIM, ANMF (its sub-chunks filtered the
// same way), ALPH, VP8 and VP8L survive; EXIF, XMP, unknown chunks and trailing bytes go.

import { addOnce, concatBytes, latin1, sameBytes } from './bytes.ts';
import { buildOrientationTiff, exifLabel, readExifSummary } from './exif-summary.ts';
import { sanitizeIccProfile } from './icc-profile.ts';
import { buildRiff, parseRiff, riffChunk, type RiffChunk } from './riff-chunks.ts';
import { ScrubError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';

const FLAG = { icc: 0x20, alpha: 0x10, exif: 0x08, xmp: 0x04, animation: 0x02 } as const;
const VP8X_LENGTH = 10;
const ANIM_LENGTH = 6;
const ANMF_HEADER_LENGTH = 16;
const IMAGE_CHUNKS = ['ALPH', 'VP8 ', 'VP8L'];

type Findings = { orientation: number | undefined; icc: Uint8Array | undefined; readonly removed: string[] };

/** A WebP EXIF chunk holds a bare TIFF block; some writers wrongly prefix JPEG's "Exif\0\0". */
function exifTiff(data: Uint8Array): Uint8Array {
  return latin1(data, 0, 6) === 'Exif\0\0' ? data.subarray(6) : data;
}

function collectMetadata(f: Findings, chunk: RiffChunk): void {
  switch (chunk.id) {
    case 'EXIF': {
      const tiff = exifTiff(chunk.data);
      const summary = readExifSummary(tiff);
      f.orientation ??= summary.orientation;
      const label = exifLabel(summary, tiff);
      if (label !== undefined) addOnce(f.removed, label);
      return;
    }
    case 'XMP ':
      return addOnce(f.removed, 'XMP');
    case 'ICCP': {
      const clean = f.icc === undefined ? sanitizeIccProfile(chunk.data) : undefined;
      if (clean === undefined) return addOnce(f.removed, 'ICC profile');
      f.icc = clean;
      if (!sameBytes(clean, chunk.data)) addOnce(f.removed, 'ICC profile names and dates');
      return;
    }
    default:
      return addOnce(f.removed, `other metadata (${chunk.id.trim()})`);
  }
}

/** An ANMF frame: 16 bytes of position, size and timing, then its own ALPH/VP8/VP8L chunks. */
function cleanFrame(f: Findings, frame: RiffChunk): Uint8Array {
  if (frame.data.length < ANMF_HEADER_LENGTH) throw new ScrubError('malformed', `animation frame at offset ${frame.offset} is too short`);
  const inner = buildRiff('WEBP', [frame.data.subarray(ANMF_HEADER_LENGTH)]);
  const { chunks } = parseRiff(inner, 'WEBP');
  const kept = chunks.filter((c) => IMAGE_CHUNKS.includes(c.id));
  if (kept.length === 0) throw new ScrubError('malformed', `animation frame at offset ${frame.offset} has no image`);
  for (const c of chunks) if (!IMAGE_CHUNKS.includes(c.id)) addOnce(f.removed, `other metadata (${c.id.trim()})`);
  return riffChunk('ANMF', concatBytes([frame.data.subarray(0, ANMF_HEADER_LENGTH), ...kept.map((c) => riffChunk(c.id, c.data))]));
}

function cleanExtended(chunks: readonly RiffChunk[], removed: string[]): Uint8Array[] {
  const vp8x = chunks[0];
  if (vp8x === undefined || vp8x.data.length !== VP8X_LENGTH) throw new ScrubError('malformed', 'VP8X chunk has a bad length');
  const f: Findings = { orientation: undefined, icc: undefined, removed };
  const body: Uint8Array[] = [];
  let hasImage = false;
  for (const chunk of chunks.slice(1)) {
    if (IMAGE_CHUNKS.includes(chunk.id)) {
      body.push(riffChunk(chunk.id, chunk.data));
      hasImage ||= chunk.id !== 'ALPH';
    } else if (chunk.id === 'ANIM' && chunk.data.length === ANIM_LENGTH) {
      body.push(riffChunk(chunk.id, chunk.data));
    } else if (chunk.id === 'ANMF') {
      body.push(cleanFrame(f, chunk));
      hasImage = true;
    } else {
      collectMetadata(f, chunk);
    }
  }
  if (!hasImage) throw new ScrubError('malformed', 'no image data (no VP8, VP8L or ANMF chunk)');
  const header = vp8x.data.slice();
  const turn = f.orientation !== undefined && f.orientation !== 1 ? f.orientation : undefined;
  // Flags must describe the chunks that are really there: readers use them to decide what to look for.
  header[0] = ((header[0] ?? 0) & (FLAG.alpha | FLAG.animation)) | (f.icc ? FLAG.icc : 0) | (turn ? FLAG.exif : 0);
  // Chunk order by the spec: VP8X, ICCP, ANIM/frames or image, EXIF, XMP.
  return [
    riffChunk('VP8X', header),
    ...(f.icc ? [riffChunk('ICCP', f.icc)] : []),
    ...body,
    ...(turn ? [riffChunk('EXIF', buildOrientationTiff(turn))] : []),
  ];
}

export function cleanWebp(bytes: Uint8Array): CleanOutput {
  const { chunks, trailing } = parseRiff(bytes, 'WEBP');
  const first = chunks[0];
  const removed: string[] = [];
  let kept: Uint8Array[];
  if (first?.id === 'VP8X') {
    kept = cleanExtended(chunks, removed);
  } else if (first?.id === 'VP8 ' || first?.id === 'VP8L') {
    // Simple format: the one image chunk is all a decoder reads.
    kept = [riffChunk(first.id, first.data)];
    for (const chunk of chunks.slice(1)) addOnce(removed, chunk.id === 'EXIF' ? 'EXIF' : chunk.id === 'XMP ' ? 'XMP' : `other metadata (${chunk.id.trim()})`);
  } else {
    throw new ScrubError('malformed', 'first WebP chunk is not VP8, VP8L or VP8X');
  }
  if (trailing > 0) addOnce(removed, 'trailing data');
  return { bytes: buildRiff('WEBP', kept), removed };
}
