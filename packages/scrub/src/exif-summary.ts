// Reads just enough of an EXIF (TIFF) block to (1) keep the picture upright and (2) tell the
// reporter what was removed. It never decides *whether* to remove: the whole block always goes.
// Input is untrusted: every read is bounds-checked and any oddity yields "nothing found"
// rather than an error, because a broken EXIF block must not stop us from removing it.

import { sameBytes } from './bytes.ts';

type ByteOrder = 'II' | 'MM';

type Tiff = { readonly b: Uint8Array; readonly order: ByteOrder };

type IfdEntry = { readonly tag: number; readonly type: number; readonly count: number; readonly valueAt: number };

export type ExifSummary = {
  /** EXIF Orientation 1..8 as browsers read it (IFD0, type SHORT, count 1); undefined if absent or invalid. */
  readonly orientation: number | undefined;
  /** Short labels of what identifying content the block held, e.g. ['GPS', 'camera']. */
  readonly found: readonly string[];
};

const TAG = {
  orientation: 0x0112,
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  makerNote: 0x927c,
} as const;

// Which labels a tag earns. Tags not listed still go; they just are not named in the summary.
const LABELS: ReadonlyMap<number, string> = new Map([
  [TAG.gpsIfd, 'GPS'],
  [0x010f, 'camera'], // Make
  [0x0110, 'camera'], // Model
  [0xa431, 'serial number'], // BodySerialNumber
  [0xa435, 'serial number'], // LensSerialNumber
  [TAG.makerNote, 'maker notes'],
  [0x0132, 'dates'], // ModifyDate
  [0x9003, 'dates'], // DateTimeOriginal
  [0x9004, 'dates'], // CreateDate
  [0x013b, 'author'], // Artist
  [0x8298, 'author'], // Copyright
  [0xa430, 'author'], // CameraOwnerName
  [0x9c9d, 'author'], // XPAuthor
  [0x0131, 'software'],
  [0x010e, 'description'], // ImageDescription
  [0x9286, 'description'], // UserComment
  [0x9c9b, 'description'], // XPTitle
  [0x9c9c, 'description'], // XPComment
]);

const LABEL_ORDER = ['GPS', 'camera', 'serial number', 'maker notes', 'dates', 'author', 'software', 'description', 'thumbnail'];

function u16(t: Tiff, at: number): number {
  const a = t.b[at] ?? 0;
  const b = t.b[at + 1] ?? 0;
  return t.order === 'II' ? a | (b << 8) : (a << 8) | b;
}

function u32(t: Tiff, at: number): number {
  return t.order === 'II' ? (u16(t, at) | (u16(t, at + 2) << 16)) >>> 0 : ((u16(t, at) << 16) | u16(t, at + 2)) >>> 0;
}

function openTiff(b: Uint8Array): Tiff | undefined {
  if (b.length < 8) return undefined;
  const mark = String.fromCharCode(b[0] ?? 0, b[1] ?? 0);
  if (mark !== 'II' && mark !== 'MM') return undefined;
  const t: Tiff = { b, order: mark };
  return u16(t, 2) === 42 ? t : undefined;
}

/** Entries of the IFD at `offset` plus the offset of the next IFD; undefined if out of bounds. */
function readIfd(t: Tiff, offset: number): { readonly entries: readonly IfdEntry[]; readonly next: number } | undefined {
  if (offset < 8 || offset + 2 > t.b.length) return undefined;
  const count = u16(t, offset);
  const end = offset + 2 + count * 12;
  if (end + 4 > t.b.length) return undefined;
  const entries: IfdEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = offset + 2 + i * 12;
    entries.push({ tag: u16(t, at), type: u16(t, at + 2), count: u32(t, at + 4), valueAt: at + 8 });
  }
  return { entries, next: u32(t, end) };
}

export function readExifSummary(tiffBytes: Uint8Array): ExifSummary {
  const t = openTiff(tiffBytes);
  if (t === undefined) return { orientation: undefined, found: [] };
  const ifd0 = readIfd(t, u32(t, 4));
  if (ifd0 === undefined) return { orientation: undefined, found: [] };
  const labels = new Set<string>();
  let orientation: number | undefined;
  let exifIfdOffset: number | undefined;
  for (const e of ifd0.entries) {
    const label = LABELS.get(e.tag);
    if (label !== undefined) labels.add(label);
    if (e.tag === TAG.orientation && e.type === 3 && e.count === 1) {
      const value = u16(t, e.valueAt);
      if (value >= 1 && value <= 8) orientation = value;
    }
    if (e.tag === TAG.exifIfd) exifIfdOffset = u32(t, e.valueAt);
  }
  if (exifIfdOffset !== undefined) {
    for (const e of readIfd(t, exifIfdOffset)?.entries ?? []) {
      const label = LABELS.get(e.tag);
      if (label !== undefined) labels.add(label);
    }
  }
  // IFD1 is the thumbnail: a small copy of the photo that other tools may not update.
  if (ifd0.next !== 0 && readIfd(t, ifd0.next) !== undefined) labels.add('thumbnail');
  return { orientation, found: LABEL_ORDER.filter((l) => labels.has(l)) };
}

/**
 * What to report as removed: 'EXIF (GPS, camera)' or plain 'EXIF'; undefined when the block is
 * exactly the one-entry block we write ourselves, so cleaning a cleaned file reports nothing.
 */
export function exifLabel(summary: ExifSummary, tiffBytes: Uint8Array): string | undefined {
  const o = summary.orientation;
  if (o !== undefined && o !== 1 && sameBytes(tiffBytes, buildOrientationTiff(o))) return undefined;
  return summary.found.length === 0 ? 'EXIF' : `EXIF (${summary.found.join(', ')})`;
}

/**
 * A minimal big-endian TIFF block: IFD0 with one entry, Orientation (SHORT, count 1), and no
 * next IFD. 26 bytes: header 8, entry count 2, entry 12, next-IFD offset 4.
 */
export function buildOrientationTiff(orientation: number): Uint8Array {
  if (!Number.isInteger(orientation) || orientation < 1 || orientation > 8) {
    throw new RangeError(`orientation must be an integer 1..8, got ${orientation}`);
  }
  return Uint8Array.of(
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // "MM", 42, IFD0 at offset 8
    0x00, 0x01, //                                     one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, // tag 0x0112, type SHORT, count 1
    0x00, orientation, 0x00, 0x00, //                  value, left-justified in the 4-byte field
    0x00, 0x00, 0x00, 0x00, //                         no next IFD
  );
}
