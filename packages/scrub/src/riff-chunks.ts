// Reads and writes RIFF files (WebP, WAV): a 12-byte header ('RIFF', size, form type) and a
// list of chunks, each an id, a little-endian length, the data and a pad byte to an even
// length. Shared by webp-scrub.ts and wav-scrub.ts, which decide what each chunk means.

import { concatBytes, latin1, putU32le, u32le } from './bytes.ts';
import { requireBytes, ScrubError } from './scrub-error.ts';

export type RiffChunk = {
  /** Four characters, e.g. 'VP8X', 'fmt ', 'LIST'. */
  readonly id: string;
  readonly data: Uint8Array;
  /** Offset of the chunk header in the file, for messages. */
  readonly offset: number;
};

export type ParsedRiff = {
  readonly chunks: readonly RiffChunk[];
  /** Number of bytes after the end the RIFF header declares. */
  readonly trailing: number;
};

function isChunkIdByte(c: number): boolean {
  return c >= 0x20 && c <= 0x7e;
}

export function riffForm(bytes: Uint8Array): string | undefined {
  return bytes.length >= 12 && latin1(bytes, 0, 4) === 'RIFF' ? latin1(bytes, 8, 12) : undefined;
}

export function parseRiff(b: Uint8Array, form: string): ParsedRiff {
  if (riffForm(b) !== form) throw new ScrubError('malformed', `not a RIFF ${form} file`);
  const end = 8 + u32le(b, 4);
  if (end > b.length) throw new ScrubError('truncated', `RIFF data ends at offset ${end}, past the end of the file`);
  const chunks: RiffChunk[] = [];
  let at = 12;
  while (at < end) {
    requireBytes(b, at, 8, 'chunk header');
    if (at + 8 > end) throw new ScrubError('malformed', `chunk header at offset ${at} crosses the end of the RIFF data`);
    const idBytes = b.subarray(at, at + 4);
    if (!idBytes.every(isChunkIdByte)) throw new ScrubError('malformed', `invalid chunk id at offset ${at}`);
    const length = u32le(b, at + 4);
    if (at + 8 + length > end) throw new ScrubError('truncated', `chunk at offset ${at} runs past the end of the RIFF data`);
    chunks.push({ id: latin1(b, at, at + 4), data: b.subarray(at + 8, at + 8 + length), offset: at });
    // The pad byte may be missing after the last chunk; we write it back.
    at = Math.min(end, at + 8 + length + (length & 1));
  }
  return { chunks, trailing: b.length - end };
}

export function riffChunk(id: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + data.length + (data.length & 1));
  for (let i = 0; i < 4; i++) out[i] = id.charCodeAt(i);
  putU32le(out, 4, data.length);
  out.set(data, 8);
  return out;
}

export function buildRiff(form: string, chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const head = new Uint8Array(12);
  head.set([0x52, 0x49, 0x46, 0x46], 0); // 'RIFF'
  for (let i = 0; i < 4; i++) head[8 + i] = form.charCodeAt(i);
  const out = concatBytes([head, ...chunks]);
  putU32le(out, 4, out.length - 8);
  return out;
}
