// A minimal PNG decoder for tests (8-bit grey, RGB, grey+alpha, RGBA; not interlaced): enough
// to compare our output's pixels with mat2's, whose re-encoding changes every IDAT byte.

import { inflateSync } from 'node:zlib';
import { parsePng } from '../src/png-chunks.ts';

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** RGBA pixels, or undefined for a layout this decoder does not handle. */
export function decodePngRgba(bytes: Uint8Array): Buffer | undefined {
  const { chunks } = parsePng(bytes);
  const h = chunks[0]?.data;
  if (h === undefined) return undefined;
  const view = new DataView(h.buffer, h.byteOffset);
  const [width, height, depth, colourType, interlace] = [view.getUint32(0), view.getUint32(4), h[8], h[9] ?? 0, h[12]];
  const channels = CHANNELS[colourType];
  if (depth !== 8 || interlace !== 0 || channels === undefined) return undefined;
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  const prev = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= channels ? (line[i - channels] ?? 0) : 0;
      const b = prev[i] ?? 0;
      const c = i >= channels ? (prev[i - channels] ?? 0) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] ?? 0;
      line[i] = (x + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const px = line.subarray(x * channels, x * channels + channels);
      const rgba = channels >= 3 ? [px[0], px[1], px[2], channels === 4 ? px[3] : 255] : [px[0], px[0], px[0], channels === 2 ? px[1] : 255];
      out.set(rgba.map((v) => v ?? 0), (y * width + x) * 4);
    }
    prev.set(line);
  }
  return out;
}
