// Reads the central directory of a ZIP archive (APPNOTE 6.3.x) and writes new archives. The
// reader is light on purpose: kind detection lists entry names without inflating anything.
// Entries are written deterministically: fixed 1980-01-01 timestamps, no extra fields (which
// can carry Unix user and group ids and precise file times), no comments.

import { crc32 } from './crc32.ts';
import { concatBytes, latin1, putU16le, putU32le, u16le, u32le } from './bytes.ts';
import { requireBytes, ScrubError } from './scrub-error.ts';

export type ZipEntry = {
  readonly name: string;
  readonly flags: number;
  /** 0: stored, 8: deflated. */
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the compressed data. */
  readonly dataOffset: number;
};

export type NewZipEntry = { readonly name: string; readonly data: Uint8Array; readonly compressed: Uint8Array | undefined };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_LENGTH = 22;
const MAX_COMMENT = 0xffff;
const DOS_DATE_1980_01_01 = 0x0021;
const UTF8_NAMES = 0x0800;

function findEndOfDirectory(b: Uint8Array): number | undefined {
  const stop = Math.max(0, b.length - EOCD_LENGTH - MAX_COMMENT);
  for (let at = b.length - EOCD_LENGTH; at >= stop; at--) {
    if (u32le(b, at) === EOCD_SIGNATURE && at + EOCD_LENGTH + u16le(b, at + 20) === b.length) return at;
  }
  return undefined;
}

function decodeName(raw: Uint8Array, flags: number): string {
  return flags & UTF8_NAMES ? new TextDecoder('utf-8', { fatal: false }).decode(raw) : latin1(raw, 0, raw.length);
}

/** The archive's entries, or undefined if `b` has no readable central directory. Never inflates. */
export function readZipDirectory(b: Uint8Array): ZipEntry[] | undefined {
  if (u32le(b, 0) !== LOCAL_SIGNATURE) return undefined;
  const eocd = findEndOfDirectory(b);
  if (eocd === undefined) return undefined;
  const count = u16le(b, eocd + 10);
  const directory = u32le(b, eocd + 16);
  if (count === 0xffff || directory === 0xffffffff || u16le(b, eocd + 4) !== 0) return undefined; // zip64 or multi-disk
  const entries: ZipEntry[] = [];
  let at = directory;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32le(b, at) !== CENTRAL_SIGNATURE) return undefined;
    const [flags, method, crc, compressedSize, size] = [u16le(b, at + 8), u16le(b, at + 10), u32le(b, at + 16), u32le(b, at + 20), u32le(b, at + 24)];
    const [nameLength, extraLength, commentLength, local] = [u16le(b, at + 28), u16le(b, at + 30), u16le(b, at + 32), u32le(b, at + 42)];
    const name = decodeName(b.subarray(at + 46, at + 46 + nameLength), flags);
    if (local + 30 > b.length || u32le(b, local) !== LOCAL_SIGNATURE) return undefined;
    const dataOffset = local + 30 + u16le(b, local + 26) + u16le(b, local + 28);
    entries.push({ name, flags, method, crc, compressedSize, size, dataOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entries of an archive we are about to rewrite: every one checked to be readable. */
export function readZipForCleaning(b: Uint8Array): ZipEntry[] {
  const entries = readZipDirectory(b);
  if (entries === undefined) throw new ScrubError('malformed', 'ZIP archive without a readable central directory (or ZIP64)');
  const names = new Set<string>();
  for (const e of entries) {
    if (e.flags & 1) throw new ScrubError('unsupported-feature', 'the archive is encrypted');
    if (e.method !== 0 && e.method !== 8) throw new ScrubError('unsupported-feature', `ZIP compression method ${e.method}`);
    if (names.has(e.name)) throw new ScrubError('malformed', 'the archive holds two entries with the same name');
    names.add(e.name);
    requireBytes(b, e.dataOffset, e.compressedSize, 'ZIP entry data');
  }
  return entries;
}

/** Checks an entry's inflated bytes against its size and CRC from the central directory. */
export function checkEntry(entry: ZipEntry, data: Uint8Array): void {
  if (data.length !== entry.size) throw new ScrubError('malformed', 'a ZIP entry does not have the size its directory says');
  if (crc32(data) !== entry.crc) throw new ScrubError('bad-checksum', 'a ZIP entry has a bad CRC');
}

function header(signature: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  putU32le(out, 0, signature);
  return out;
}

/** A new archive; `compressed` is the raw deflate stream of `data`, or undefined to store it. */
export function writeZip(entries: readonly NewZipEntry[]): Uint8Array<ArrayBuffer> {
  if (entries.length > 0xffff) throw new ScrubError('unsupported-feature', 'more than 65535 files in the archive');
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const flags = [...e.name].some((c) => c.charCodeAt(0) > 0x7e) ? UTF8_NAMES : 0;
    const body = e.compressed ?? e.data;
    const [crc, method] = [crc32(e.data), e.compressed ? 8 : 0];
    const local = header(LOCAL_SIGNATURE, 30);
    const fields = (h: Uint8Array, at: number): void => {
      putU16le(h, at, 20); // version needed: 2.0
      putU16le(h, at + 2, flags);
      putU16le(h, at + 4, method);
      putU16le(h, at + 6, 0); // time 00:00:00
      putU16le(h, at + 8, DOS_DATE_1980_01_01);
      putU32le(h, at + 10, crc);
      putU32le(h, at + 14, body.length);
      putU32le(h, at + 18, e.data.length);
      putU16le(h, at + 22, name.length);
    };
    fields(local, 4);
    const dir = header(CENTRAL_SIGNATURE, 46);
    putU16le(dir, 4, 20); // made by: MS-DOS, 2.0 (no Unix permissions or owner)
    fields(dir, 6);
    putU32le(dir, 42, offset);
    parts.push(local, name, body);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  }
  if (offset > 0xffffffff) throw new ScrubError('unsupported-feature', 'archive larger than 4 GiB');
  const directory = concatBytes(central);
  const end = header(EOCD_SIGNATURE, EOCD_LENGTH);
  putU16le(end, 8, entries.length);
  putU16le(end, 10, entries.length);
  putU32le(end, 12, directory.length);
  putU32le(end, 16, offset);
  return concatBytes([...parts, directory, end]);
}
