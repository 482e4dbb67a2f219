// Small hand-built GIF and WebP files for the rule-by-rule tests. The GIF is a real 1x1
// image; the WebP's VP8 payload is a placeholder (the cleaner copies it and never decodes).

import { riff, riffChunk } from './audio-fixtures.ts';
import { ascii, concat } from './jpeg-fixtures.ts';

const GIF_HEAD = concat(ascii('GIF89a'), Uint8Array.of(1, 0, 1, 0, 0x80, 0, 0), Uint8Array.of(0, 0, 0, 255, 255, 255));
const GIF_IMAGE = Uint8Array.of(0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0);
export const GIF_CONTROL = Uint8Array.of(0x21, 0xf9, 4, 0, 10, 0, 0, 0);

export function gifExtension(label: number, ...blocks: readonly Uint8Array[]): Uint8Array {
  return concat(Uint8Array.of(0x21, label), ...blocks.map((b) => concat(Uint8Array.of(b.length), b)), Uint8Array.of(0));
}

export function netscape(loops: number, extra = false): Uint8Array {
  const subBlocks = [ascii('NETSCAPE2.0'), Uint8Array.of(1, loops & 0xff, loops >> 8), ...(extra ? [Uint8Array.of(2, 0, 16, 0, 0)] : [])];
  return gifExtension(0xff, ...subBlocks);
}

/** A 1x1 GIF: header, global colour table, the given blocks, one image, trailer. */
export function tinyGif(...blocks: readonly Uint8Array[]): Uint8Array {
  return concat(GIF_HEAD, ...blocks, GIF_CONTROL, GIF_IMAGE, Uint8Array.of(0x3b));
}

export const FAKE_VP8 = riffChunk('VP8 ', new Uint8Array(30).fill(0x9d));

export function vp8x(flags: number): Uint8Array {
  return riffChunk('VP8X', Uint8Array.of(flags, 0, 0, 0, 0, 0, 0, 0, 0, 0));
}

export function webp(...chunks: readonly Uint8Array[]): Uint8Array {
  return riff('WEBP', ...chunks);
}
