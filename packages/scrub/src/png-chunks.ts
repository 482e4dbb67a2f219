// Reads a PNG's chunk list (PNG spec, 3rd edition, §5), verifying every CRC. A bad CRC fails
// the whole file: it means damage or tampering, and we cannot tell which bytes to trust.

import { u32be } from './bytes.ts';
import { crc32 } from './crc32.ts';
import { requireBytes, ScrubError } from './scrub-error.ts';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

const MAX_CHUNK_LENGTH = 0x7fffffff;

export type PngChunk = {
  /** Four ASCII letters; case of the first says critical (upper) or ancillary (lower). */
  readonly type: string;
  readonly data: Uint8Array;
  /** The chunk as stored: length, type, data and CRC. */
  readonly raw: Uint8Array;
};

export type ParsedPng = {
  readonly chunks: readonly PngChunk[];
  /** Number of bytes after IEND. */
  readonly trailing: number;
};

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isCritical(type: string): boolean {
  const first = type.charCodeAt(0);
  return first >= 0x41 && first <= 0x5a;
}

export function parsePng(b: Uint8Array): ParsedPng {
  if (b.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((v, i) => b[i] !== v)) {
    throw new ScrubError('malformed', 'not a PNG: bad signature');
  }
  const chunks: PngChunk[] = [];
  let at: number = PNG_SIGNATURE.length;
  for (;;) {
    if (at >= b.length) throw new ScrubError('truncated', 'file ends before the IEND chunk');
    requireBytes(b, at, 8, 'chunk header');
    const length = u32be(b, at);
    const typeBytes = b.subarray(at + 4, at + 8);
    if (!typeBytes.every(isLetter)) throw new ScrubError('malformed', `invalid chunk type at offset ${at + 4}`);
    const type = String.fromCharCode(...typeBytes);
    if (length > MAX_CHUNK_LENGTH) throw new ScrubError('malformed', `chunk ${type} at offset ${at} is too long`);
    requireBytes(b, at + 8, length + 4, `chunk ${type}`);
    const data = b.subarray(at + 8, at + 8 + length);
    if (crc32(typeBytes, data) !== u32be(b, at + 8 + length)) {
      throw new ScrubError('bad-checksum', `chunk ${type} at offset ${at} has a bad CRC`);
    }
    const end = at + 12 + length;
    chunks.push({ type, data, raw: b.subarray(at, end) });
    at = end;
    if (type === 'IEND') return { chunks, trailing: b.length - at };
  }
}
