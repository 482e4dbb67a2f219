/**
 * The installable app's icons, drawn at build time: a white ring on the brand green, inside
 * the central 80 % so launchers that crop to a circle ("maskable") keep all of it. Neutral on
 * purpose: nothing on a phone's home screen should say "corruption report". The PNG encoder
 * is the smallest correct one (8-bit RGB, one IDAT, filter 0), so no image tool is needed.
 */
import { deflateSync } from 'node:zlib';

const BRAND: readonly [number, number, number] = [0x0b, 0x5a, 0x46];
const WHITE: readonly [number, number, number] = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** The colour of pixel (x, y) in an icon of `size` pixels. */
export function iconPixel(x: number, y: number, size: number): readonly [number, number, number] {
  const centre = size / 2;
  const distance = Math.hypot(x + 0.5 - centre, y + 0.5 - centre) / size;
  return distance >= 0.2 && distance <= 0.3 ? WHITE : BRAND;
}

export function appIconPng(size: number): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, RGB, deflate, filter method 0, no interlace
  const rows = new Uint8Array(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    for (let x = 0; x < size; x++) rows.set(iconPixel(x, y, size), row + 1 + x * 3);
  }
  const signature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  const parts = [signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array(0))];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}
