// Lossless PNG cleaner: keeps the chunks that decode and render the picture (and APNG
// animation), copied byte for byte with their CRCs; removes everything else and anything
// after IEND. An eXIf whose Orientation turns the picture becomes a fresh one-entry eXIf.
//
// SECURITY: this is a keep-list with a length check per kept chunk, so no kept chunk can be
// padded with hidden text. Unknown ancillary chunks go; an unknown critical chunk fails the
// file, because the spec says a decoder must not show a file it does not understand.

import { addOnce, concatBytes, latin1, putU32be } from './bytes.ts';
import { crc32 } from './crc32.ts';
import { buildOrientationTiff, exifLabel, readExifSummary } from './exif-summary.ts';
import { isCritical, parsePng, PNG_SIGNATURE, type PngChunk } from './png-chunks.ts';
import { ScrubError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';

type LengthCheck = (length: number, colourType: number) => boolean;

const SBIT_LENGTH: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 3, 4: 2, 6: 4 };
const BKGD_LENGTH: Readonly<Record<number, number>> = { 0: 2, 2: 6, 3: 1, 4: 2, 6: 6 };
const TRNS_LENGTH: Readonly<Record<number, number>> = { 0: 2, 2: 6 };

const KEPT: ReadonlyMap<string, LengthCheck> = new Map<string, LengthCheck>([
  ['IHDR', (n) => n === 13],
  ['PLTE', (n) => n > 0 && n <= 768 && n % 3 === 0],
  ['IDAT', () => true],
  ['IEND', (n) => n === 0],
  ['tRNS', (n, ct) => (ct === 3 ? n >= 1 && n <= 256 : n === TRNS_LENGTH[ct])],
  ['gAMA', (n) => n === 4],
  ['cHRM', (n) => n === 32],
  ['sRGB', (n) => n === 1],
  ['sBIT', (n, ct) => n === SBIT_LENGTH[ct]],
  ['bKGD', (n, ct) => n === BKGD_LENGTH[ct]],
  ['pHYs', (n) => n === 9],
  ['cICP', (n) => n === 4], // HDR colour: primaries, transfer, matrix, range
  ['mDCV', (n) => n === 24],
  ['cLLI', (n) => n === 8],
  ['acTL', (n) => n === 8], // APNG: animation control
  ['fcTL', (n) => n === 26], // APNG: frame control
  ['fdAT', (n) => n >= 4], // APNG: frame data (sequence number + image data)
]);

// tEXt/zTXt/iTXt keywords worth naming to the reporter; other keywords are just 'text'.
const TEXT_LABELS: ReadonlyMap<string, string> = new Map([
  ['Comment', 'comment'],
  ['Title', 'title'],
  ['Author', 'author'],
  ['Description', 'description'],
  ['Copyright', 'copyright'],
  ['Creation Time', 'dates'],
  ['Software', 'software'],
  ['Source', 'device name'],
  ['XML:com.adobe.xmp', 'XMP'],
  ['Raw profile type exif', 'EXIF'],
  ['Raw profile type APP1', 'EXIF'],
  ['Raw profile type xmp', 'XMP'],
  ['Raw profile type iptc', 'IPTC'],
  ['Raw profile type 8bim', 'IPTC/Photoshop'],
  ['Raw profile type icc', 'ICC profile'],
  ['Raw profile type icm', 'ICC profile'],
]);

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((v, i) => bytes[i] === v);
}

function textLabel(data: Uint8Array): string {
  const nul = data.indexOf(0);
  const keyword = latin1(data, 0, nul < 0 ? Math.min(data.length, 79) : nul);
  return TEXT_LABELS.get(keyword) ?? 'text';
}

function chunkBytes(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  putU32be(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  putU32be(out, 8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A PNG eXIf holds a bare TIFF block; some writers wrongly prefix JPEG's "Exif\0\0". */
function exifTiff(data: Uint8Array): Uint8Array {
  return latin1(data, 0, 6) === 'Exif\0\0' ? data.subarray(6) : data;
}

function checkCriticalStructure(chunks: readonly PngChunk[]): number {
  const ihdr = chunks[0];
  if (ihdr?.type !== 'IHDR' || ihdr.data.length !== 13) throw new ScrubError('malformed', 'first chunk is not a valid IHDR');
  if (chunks.filter((c) => c.type === 'IHDR' || c.type === 'PLTE').length > (chunks.some((c) => c.type === 'PLTE') ? 2 : 1)) {
    throw new ScrubError('malformed', 'repeated IHDR or PLTE chunk');
  }
  if (!chunks.some((c) => c.type === 'IDAT')) throw new ScrubError('malformed', 'no image data (no IDAT chunk)');
  const colourType = ihdr.data[9] ?? 0;
  if (colourType === 3 && !chunks.some((c) => c.type === 'PLTE')) throw new ScrubError('malformed', 'palette image without PLTE');
  return colourType;
}

/** What removing an ancillary chunk takes away, for `removed`; undefined for our own eXIf. */
function removedLabel(chunk: PngChunk): string | undefined {
  switch (chunk.type) {
    case 'eXIf': {
      const tiff = exifTiff(chunk.data);
      return exifLabel(readExifSummary(tiff), tiff);
    }
    case 'tEXt':
    case 'zTXt':
    case 'iTXt':
      return textLabel(chunk.data);
    case 'iCCP':
      // Compressed (zlib); rebuilding it needs an inflater this package does not have yet.
      return 'ICC profile';
    case 'tIME':
      return 'modification time';
    default:
      return `other metadata (${chunk.type})`;
  }
}

export function cleanPng(bytes: Uint8Array): CleanOutput {
  const { chunks, trailing } = parsePng(bytes);
  const colourType = checkCriticalStructure(chunks);
  const removed: string[] = [];
  const kept: Uint8Array[] = [];
  let orientation: number | undefined;
  let seenImageData = false;
  for (const chunk of chunks) {
    seenImageData ||= chunk.type === 'IDAT';
    const lengthOk = KEPT.get(chunk.type);
    if (lengthOk !== undefined) {
      if (lengthOk(chunk.data.length, colourType)) kept.push(chunk.raw);
      else if (isCritical(chunk.type)) throw new ScrubError('malformed', `${chunk.type} chunk has a bad length`);
      else addOnce(removed, `malformed chunk (${chunk.type})`);
      continue;
    }
    if (isCritical(chunk.type)) throw new ScrubError('unsupported-feature', `unknown critical PNG chunk ${chunk.type}`);
    // Decoders apply an eXIf only if it comes before the image data; so do we.
    if (chunk.type === 'eXIf' && !seenImageData) orientation ??= readExifSummary(exifTiff(chunk.data)).orientation;
    const label = removedLabel(chunk);
    if (label !== undefined) addOnce(removed, label);
  }
  if (trailing > 0) addOnce(removed, 'trailing data');
  // eXIf must precede IDAT; right after IHDR is before IDAT and before any APNG fcTL.
  if (orientation !== undefined && orientation !== 1) kept.splice(1, 0, chunkBytes('eXIf', buildOrientationTiff(orientation)));
  return { bytes: concatBytes([Uint8Array.from(PNG_SIGNATURE), ...kept]), removed };
}
