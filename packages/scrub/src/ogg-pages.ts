// Ogg pages (RFC 3533): reading them with their CRCs checked, splitting their bodies back
// into packets, and laying packets out in new pages. The page CRC is Ogg's own CRC-32
// (polynomial 0x04C11DB7, not reflected, initial value 0), not the one PNG uses.

import { concatBytes, latin1, putU32le, u32le } from './bytes.ts';
import { requireBytes, ScrubError } from './scrub-error.ts';

export const PAGE_FLAG = { continued: 0x01, firstPage: 0x02, lastPage: 0x04 } as const;
const HEADER_LENGTH = 27;
const MAX_SEGMENTS = 255;

export type OggPage = {
  readonly offset: number;
  readonly flags: number;
  /** The 8 granule-position bytes as stored (little-endian; all 0xFF means "no packet ends here"). */
  readonly granule: Uint8Array;
  readonly serial: number;
  readonly sequence: number;
  readonly lacing: readonly number[];
  readonly body: Uint8Array;
};

const TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ (TABLE[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  return crc;
}

function parsePage(b: Uint8Array, at: number): { readonly page: OggPage; readonly end: number } {
  requireBytes(b, at, HEADER_LENGTH, 'Ogg page header');
  if (b[at + 4] !== 0) throw new ScrubError('unsupported-feature', `Ogg page version ${b[at + 4]} at offset ${at}`);
  const segments = b[at + 26] ?? 0;
  requireBytes(b, at + HEADER_LENGTH, segments, 'Ogg lacing values');
  const lacing = Array.from(b.subarray(at + HEADER_LENGTH, at + HEADER_LENGTH + segments));
  const bodyStart = at + HEADER_LENGTH + segments;
  const bodyLength = lacing.reduce((sum, v) => sum + v, 0);
  requireBytes(b, bodyStart, bodyLength, 'Ogg page');
  const end = bodyStart + bodyLength;
  const copy = b.slice(at, end);
  copy.fill(0, 22, 26);
  if (oggCrc(copy) !== u32le(b, at + 22)) throw new ScrubError('bad-checksum', `Ogg page at offset ${at} has a bad CRC`);
  const page: OggPage = {
    offset: at,
    flags: b[at + 5] ?? 0,
    granule: b.subarray(at + 6, at + 14),
    serial: u32le(b, at + 14),
    sequence: u32le(b, at + 18),
    lacing,
    body: b.subarray(bodyStart, end),
  };
  return { page, end };
}

function findCapture(b: Uint8Array, from: number): number {
  for (let i = b.indexOf(0x4f, from); i >= 0; i = b.indexOf(0x4f, i + 1)) {
    if (b[i + 1] === 0x67 && b[i + 2] === 0x67 && b[i + 3] === 0x53) return i;
  }
  return -1;
}

/** Every page, and how many bytes follow the last one. Bytes that are not a page in between fail the file. */
export function parseOggPages(b: Uint8Array): { readonly pages: readonly OggPage[]; readonly trailing: number } {
  const pages: OggPage[] = [];
  let at = 0;
  while (at < b.length) {
    if (latin1(b, at, at + 4) !== 'OggS') {
      // Junk with more pages after it would be audio we silently lost; junk at the end is not.
      if (pages.length > 0 && findCapture(b, at) >= 0) {
        throw new ScrubError('malformed', `data that is not an Ogg page at offset ${at}`);
      }
      break;
    }
    const { page, end } = parsePage(b, at);
    pages.push(page);
    at = end;
  }
  if (pages.length === 0) throw new ScrubError('malformed', 'not an Ogg file: no page');
  return { pages, trailing: b.length - at };
}

/** Splits page bodies into packets; `complete` is false when the last packet continues past these pages. */
export function packetsOf(pages: readonly OggPage[]): { readonly packets: Uint8Array[]; readonly complete: boolean } {
  const packets: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  for (const page of pages) {
    let at = 0;
    let start = 0;
    for (const value of page.lacing) {
      at += value;
      if (value < MAX_SEGMENTS) {
        pending.push(page.body.subarray(start, at));
        packets.push(concatBytes(pending));
        pending = [];
        start = at;
      }
    }
    if (start < at) pending.push(page.body.subarray(start, at));
  }
  return { packets, complete: pending.length === 0 };
}

export function buildPage(flags: number, granule: Uint8Array, serial: number, sequence: number, lacing: readonly number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER_LENGTH + lacing.length + body.length);
  out.set([0x4f, 0x67, 0x67, 0x53, 0, flags], 0);
  out.set(granule, 6);
  putU32le(out, 14, serial);
  putU32le(out, 18, sequence);
  out[26] = lacing.length;
  out.set(lacing, HEADER_LENGTH);
  out.set(body, HEADER_LENGTH + lacing.length);
  putU32le(out, 22, oggCrc(out));
  return out;
}

/**
 * Lays header packets out in pages (granule 0 where a packet ends, "none" where none does),
 * at most 255 lacing values a page. Each call starts a new page, as the codecs require for
 * the first header and for the first audio packet.
 */
export function paginateHeaders(packets: readonly Uint8Array[], serial: number, firstSequence: number, firstFlags: number): Uint8Array[] {
  const pages: Uint8Array[] = [];
  let lacing: number[] = [];
  let body: Uint8Array[] = [];
  let ended = false;
  let continued = false;
  const flush = (nextContinues: boolean): void => {
    const granule = new Uint8Array(8).fill(ended ? 0 : 0xff);
    const flags = (pages.length === 0 ? firstFlags : 0) | (continued ? PAGE_FLAG.continued : 0);
    pages.push(buildPage(flags, granule, serial, firstSequence + pages.length, lacing, concatBytes(body)));
    [lacing, body, ended, continued] = [[], [], false, nextContinues];
  };
  for (const packet of packets) {
    let at = 0;
    for (;;) {
      const take = Math.min(MAX_SEGMENTS, packet.length - at);
      if (lacing.length === MAX_SEGMENTS) flush(at > 0);
      lacing.push(take);
      body.push(packet.subarray(at, at + take));
      at += take;
      if (take < MAX_SEGMENTS) break;
    }
    ended = true;
  }
  if (lacing.length > 0) flush(false);
  return pages;
}
