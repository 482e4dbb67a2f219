// Application segments (APP0..APP15) hold everything a JPEG says about itself beyond pixels.
// SECURITY: nothing here is copied. JFIF and Adobe are *rebuilt* from their few fixed fields,
// the ICC profile is rebuilt by icc-profile.ts, and EXIF contributes at most its Orientation
// value to a fresh, one-entry block. Every other APPn is removed whatever its content.

import { addOnce, asciiBytes, concatBytes, hasPrefix, sameBytes } from './bytes.ts';
import { buildOrientationTiff, exifLabel, readExifSummary } from './exif-summary.ts';
import { sanitizeIccProfile } from './icc-profile.ts';
import { MARKER, type JpegSegment } from './jpeg-parse.ts';

const JFIF_ID = asciiBytes('JFIF\0');
const JFXX_ID = asciiBytes('JFXX\0');
const EXIF_ID = asciiBytes('Exif\0'); // the sixth byte is 0x00 by spec, 0xFF from some writers
const XMP_ID = asciiBytes('http://ns.adobe.com/xap/1.0/\0');
const XMP_EXTENSION_ID = asciiBytes('http://ns.adobe.com/xmp/extension/\0');
const ICC_ID = asciiBytes('ICC_PROFILE\0');
const MPF_ID = asciiBytes('MPF\0');
const PHOTOSHOP_ID = asciiBytes('Photoshop 3.0\0');
const ADOBE_ID = asciiBytes('Adobe');

const JFIF_LENGTH = 14; // id 5, version 2, units 1, densities 4, thumbnail size 2
const ADOBE_LENGTH = 12; // id 5, version 2, flags 2 + 2, colour transform 1
const ICC_HEADER_LENGTH = ICC_ID.length + 2; // id, chunk number, chunk count
const ICC_CHUNK_MAX = 0xffff - 2 - ICC_HEADER_LENGTH;

type IccChunk = { readonly seq: number; readonly total: number; readonly data: Uint8Array };

export type AppFindings = {
  jfif: Uint8Array | undefined;
  adobe: Uint8Array | undefined;
  orientation: number | undefined;
  seenExif: boolean;
  readonly iccChunks: IccChunk[];
  readonly removed: string[];
};

export function newAppFindings(): AppFindings {
  return { jfif: undefined, adobe: undefined, orientation: undefined, seenExif: false, iccChunks: [], removed: [] };
}

export function isAppMarker(marker: number): boolean {
  return marker >= MARKER.APP0 && marker <= MARKER.APP15;
}

function starts(p: Uint8Array, id: Uint8Array): boolean {
  return hasPrefix(p, 0, Array.from(id));
}

function collectApp0(f: AppFindings, p: Uint8Array): void {
  if (starts(p, JFIF_ID) && p.length >= JFIF_LENGTH) {
    const hasThumbnail = p.length > JFIF_LENGTH || (p[12] ?? 0) * (p[13] ?? 0) > 0;
    if (hasThumbnail) addOnce(f.removed, 'JFIF thumbnail');
    if (f.jfif === undefined) {
      f.jfif = p.slice(0, JFIF_LENGTH);
      f.jfif.fill(0, 12, 14); // no thumbnail
    }
  } else if (starts(p, JFXX_ID)) {
    addOnce(f.removed, 'JFIF thumbnail');
  } else {
    addOnce(f.removed, 'other metadata (APP0)');
  }
}

function collectApp1(f: AppFindings, p: Uint8Array): void {
  if (starts(p, EXIF_ID) && p.length > 6) {
    const tiff = p.subarray(6);
    const summary = readExifSummary(tiff);
    // Browsers use the first EXIF block's Orientation; so do we.
    if (!f.seenExif) f.orientation = summary.orientation;
    f.seenExif = true;
    const label = exifLabel(summary, tiff);
    if (label !== undefined) addOnce(f.removed, label);
  } else if (starts(p, XMP_ID) || starts(p, XMP_EXTENSION_ID)) {
    addOnce(f.removed, 'XMP');
  } else {
    addOnce(f.removed, 'other metadata (APP1)');
  }
}

function collectApp2(f: AppFindings, p: Uint8Array): void {
  if (starts(p, ICC_ID) && p.length > ICC_HEADER_LENGTH) {
    f.iccChunks.push({ seq: p[ICC_ID.length] ?? 0, total: p[ICC_ID.length + 1] ?? 0, data: p.subarray(ICC_HEADER_LENGTH) });
  } else if (starts(p, MPF_ID)) {
    addOnce(f.removed, 'MPF (multi-picture index)');
  } else {
    addOnce(f.removed, 'other metadata (APP2)');
  }
}

/** Records what an APPn segment holds; keeps (rebuilt) only JFIF, Adobe and ICC. */
export function collectAppSegment(f: AppFindings, seg: JpegSegment): void {
  const p = seg.payload;
  switch (seg.marker) {
    case MARKER.APP0:
      return collectApp0(f, p);
    case MARKER.APP0 + 1:
      return collectApp1(f, p);
    case MARKER.APP0 + 2:
      return collectApp2(f, p);
    case MARKER.APP0 + 13:
      return addOnce(f.removed, starts(p, PHOTOSHOP_ID) ? 'IPTC/Photoshop' : 'other metadata (APP13)');
    case MARKER.APP0 + 14:
      // The Adobe segment's colour transform tells decoders whether CMYK/RGB data is YCC-coded.
      if (starts(p, ADOBE_ID) && p.length >= ADOBE_LENGTH) f.adobe ??= p.slice(0, ADOBE_LENGTH);
      else addOnce(f.removed, 'other metadata (APP14)');
      return;
    default:
      return addOnce(f.removed, `other metadata (APP${seg.marker - MARKER.APP0})`);
  }
}

/** The whole profile if the chunks are numbered 1..n exactly once each, else undefined. */
function joinIccChunks(chunks: readonly IccChunk[]): Uint8Array | undefined {
  const total = chunks[0]?.total ?? 0;
  if (total === 0 || chunks.length !== total || chunks.some((c) => c.total !== total)) return undefined;
  const ordered = [...chunks].sort((a, b) => a.seq - b.seq);
  if (ordered.some((c, i) => c.seq !== i + 1)) return undefined;
  return concatBytes(ordered.map((c) => c.data));
}

/** APP2 payloads carrying the sanitized profile (none if there was none or it was unusable). */
export function iccPayloads(f: AppFindings): Uint8Array[] {
  if (f.iccChunks.length === 0) return [];
  const joined = joinIccChunks(f.iccChunks);
  const clean = joined === undefined ? undefined : sanitizeIccProfile(joined);
  if (joined === undefined || clean === undefined || clean.length > 255 * ICC_CHUNK_MAX) {
    addOnce(f.removed, 'ICC profile');
    return [];
  }
  if (!sameBytes(clean, joined)) addOnce(f.removed, 'ICC profile names and dates');
  const total = Math.ceil(clean.length / ICC_CHUNK_MAX);
  const payloads: Uint8Array[] = [];
  for (let i = 0; i < total; i++) {
    const header = concatBytes([ICC_ID, Uint8Array.of(i + 1, total)]);
    payloads.push(concatBytes([header, clean.subarray(i * ICC_CHUNK_MAX, (i + 1) * ICC_CHUNK_MAX)]));
  }
  return payloads;
}

/** APP1 payload with only the Orientation, or undefined when the picture needs no rotation. */
export function orientationPayload(f: AppFindings): Uint8Array | undefined {
  if (f.orientation === undefined || f.orientation === 1) return undefined;
  return concatBytes([asciiBytes('Exif\0\0'), buildOrientationTiff(f.orientation)]);
}
