// Small hand-built PNGs (and APNGs) for the rule-by-rule tests; IDAT data comes from zlib.

import { deflateSync } from 'node:zlib';
import { crc32 } from '../src/crc32.ts';
import { ascii, concat } from './jpeg-fixtures.ts';

export const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function png(...chunks: readonly Uint8Array[]): Uint8Array {
  return concat(SIGNATURE, ...chunks);
}

export function ihdr(width: number, height: number, colourType = 2): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([8, colourType, 0, 0, 0], 8);
  return chunk('IHDR', data);
}

/** IDAT for an RGB image of one colour. */
export function idat(width: number, height: number, rgb: readonly [number, number, number]): Uint8Array {
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(rgb, y * (1 + width * 3) + 1 + x * 3);
  }
  return new Uint8Array(deflateSync(raw));
}

export const IEND = chunk('IEND', new Uint8Array(0));

export function text(keyword: string, value: string): Uint8Array {
  return chunk('tEXt', ascii(`${keyword}\0${value}`));
}

/** A 2x2 RGB image, optionally with extra chunks after IHDR. */
export function tinyPng(...extra: readonly Uint8Array[]): Uint8Array {
  return png(ihdr(2, 2), ...extra, chunk('IDAT', idat(2, 2, [200, 10, 10])), IEND);
}

function u32(v: number): Uint8Array {
  return Uint8Array.of(v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
}

function fctl(sequence: number, width: number, height: number): Uint8Array {
  // sequence, width, height, x, y, delay 1/10 s, dispose none, blend source
  return chunk('fcTL', concat(u32(sequence), u32(width), u32(height), u32(0), u32(0), Uint8Array.of(0, 1, 0, 10, 0, 0)));
}

/** A two-frame 2x2 APNG (red, then blue), looping forever. */
export function tinyApng(...extra: readonly Uint8Array[]): Uint8Array {
  return png(
    ihdr(2, 2),
    chunk('acTL', concat(u32(2), u32(0))),
    ...extra,
    fctl(0, 2, 2),
    chunk('IDAT', idat(2, 2, [200, 10, 10])),
    fctl(1, 2, 2),
    chunk('fdAT', concat(u32(2), idat(2, 2, [10, 10, 200]))),
    IEND,
  );
}
