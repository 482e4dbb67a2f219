// Box structure of ISO base media files (ISO/IEC 14496-12): MP4, MOV, M4A, 3GP, HEIF, AVIF.
// A box is a 32-bit size (1: a 64-bit size follows; 0: to the end of its parent), a type,
// for 'uuid' a 16-byte extended type, then its payload.
//
// The cleaners edit a copy of the file in place so that no offset moves: chunk offsets in a
// movie's sample tables and HEIF's item locations are absolute file offsets. A box that must
// go becomes a 'free' box of the same size with a zeroed payload (neutralize()).

import { asciiBytes, latin1, u32be, u64be } from './bytes.ts';
import { ScrubError } from './scrub-error.ts';

export type Box = {
  readonly type: string;
  /** Offset of the size field. */
  readonly start: number;
  /** Offset of the payload (after size, type, 64-bit size and uuid as present). */
  readonly payload: number;
  readonly end: number;
};

/** ftyp's major brand and compatible brands, or undefined when the file does not start with ftyp. */
export function fileBrands(b: Uint8Array): { readonly major: string; readonly compatible: readonly string[] } | undefined {
  const size = u32be(b, 0);
  if (b.length < 16 || latin1(b, 4, 8) !== 'ftyp' || size < 16 || size > b.length) return undefined;
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= size; at += 4) compatible.push(latin1(b, at, at + 4));
  return { major: latin1(b, 8, 12), compatible };
}

function isTypeByte(c: number): boolean {
  return c >= 0x20 && c <= 0x7e || c === 0xa9; // '©' starts QuickTime user-data atoms
}

/** The box at `at`, which must end by `limit`; undefined when the bytes there are not a box. */
export function boxAt(b: Uint8Array, at: number, limit: number): Box | undefined {
  if (at + 8 > limit) return undefined;
  const size32 = u32be(b, at);
  const typeBytes = b.subarray(at + 4, at + 8);
  if (!typeBytes.every(isTypeByte)) return undefined;
  const type = latin1(b, at + 4, at + 8);
  let payload = at + 8;
  let size = size32;
  if (size32 === 1) {
    if (at + 16 > limit) return undefined;
    size = u64be(b, at + 8);
    payload = at + 16;
  } else if (size32 === 0) {
    size = limit - at;
  }
  if (type === 'uuid') payload += 16;
  if (size < payload - at || at + size > limit) return undefined;
  return { type, start: at, payload, end: at + size };
}

/** The child boxes filling `start..end` exactly; throws `malformed` if they do not. */
export function childBoxes(b: Uint8Array, start: number, end: number, parent: string): Box[] {
  const boxes: Box[] = [];
  for (let at = start; at < end; ) {
    const box = boxAt(b, at, end);
    if (box === undefined) throw new ScrubError('malformed', `bad box inside ${parent} at offset ${at}`);
    boxes.push(box);
    at = box.end;
  }
  return boxes;
}

/** Payload offset past a FullBox's version and flags. */
export function fullBoxBody(box: Box): number {
  return box.payload + 4;
}

/** Turns `box` into a 'free' box of the same size with a zeroed payload. */
export function neutralize(out: Uint8Array, box: Box): void {
  const headerLength = u32be(out, box.start) === 1 ? 16 : 8;
  out.set(asciiBytes('free'), box.start + 4);
  out.fill(0, box.start + headerLength, box.end);
}

/** Neutralizes `box` and records what it held. */
export function removeBox(out: Uint8Array, box: Box, removed: string[]): void {
  const label = boxLabel(out, box); // before the payload is zeroed: a uuid box is named by its uuid
  if (!removed.includes(label)) removed.push(label);
  neutralize(out, box);
}

export function boxBytes(type: string, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + payload.length);
  const n = out.length;
  out.set([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff], 0);
  out.set(asciiBytes(type), 4);
  out.set(payload, 8);
  return out;
}

/** A 'free' box of exactly `length` bytes (at least 8). */
export function freeBox(length: number): Uint8Array {
  return boxBytes('free', new Uint8Array(length - 8));
}

export const XMP_UUID = Uint8Array.of(0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac);

/** What a removed top-level or movie-level box held, for the reporter. */
export function boxLabel(b: Uint8Array, box: Box): string {
  switch (box.type) {
    case 'udta':
      return 'user data (tags, encoder, location)';
    case 'meta':
      return 'metadata (item list, keys)';
    case 'uuid':
      return XMP_UUID.every((v, i) => b[box.payload - 16 + i] === v) ? 'XMP' : 'other metadata (uuid)';
    case 'prft':
      return 'production time';
    default:
      return `other metadata (${box.type.trim()})`;
  }
}
