import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { appIconPng, iconPixel } from './app-icon.ts';

describe('appIconPng', () => {
  it('writes a valid PNG of the asked size, every chunk with a correct CRC', () => {
    const png = appIconPng(192);
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    const chunks: string[] = [];
    let idat: Uint8Array = new Uint8Array(0);
    for (let offset = 8; offset < png.length; ) {
      const length = view.getUint32(offset);
      const type = Buffer.from(png.subarray(offset + 4, offset + 8)).toString('latin1');
      chunks.push(type);
      const body = png.subarray(offset + 4, offset + 8 + length);
      // zlib's crc32 (Node 20.15+) as the independent check of ours.
      expect(view.getUint32(offset + 8 + length)).toBe(crc32(body));
      if (type === 'IDAT') idat = png.subarray(offset + 8, offset + 8 + length);
      offset += 12 + length;
    }
    expect(chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([192, 192]);
    const rows = inflateSync(idat);
    expect(rows.length).toBe(192 * (1 + 192 * 3));
  });

  it('keeps the drawing inside the central 80 %, the part a round launcher keeps', () => {
    const size = 512;
    const white = (x: number, y: number) => iconPixel(x, y, size).every((channel) => channel === 0xff);
    for (let y = 0; y < size; y += 7) {
      for (let x = 0; x < size; x += 7) {
        if (white(x, y)) expect(Math.hypot(x - size / 2, y - size / 2)).toBeLessThan(0.4 * size);
      }
    }
    expect(white(size / 2 + 0.25 * size, size / 2)).toBe(true);
  });
});
