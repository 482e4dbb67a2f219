// A synthetic ICC profile of the dangerous kind: one a calibration tool might write, naming a
// person, a monitor and its serial number, with a colour tag padded to hide extra bytes.

import { ascii, concat } from './jpeg-fixtures.ts';

export const SECRET = 'SECRET-ALICE-CN0123';

function u32(v: number): Uint8Array {
  return Uint8Array.of(v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
}

function xyz(x: number, y: number, z: number, padding = ''): Uint8Array {
  const s15 = (v: number): Uint8Array => u32(Math.round(v * 65536) >>> 0);
  return concat(ascii('XYZ '), u32(0), s15(x), s15(y), s15(z), ascii(padding));
}

function textDescription(text: string): Uint8Array {
  return concat(ascii('desc'), u32(0), u32(text.length + 1), ascii(`${text}\0`), new Uint8Array(4 + 4 + 2 + 1 + 67));
}

export type IccTag = { readonly sig: string; readonly data: Uint8Array };

/** Lays out a profile: header, tag table, data (tags sharing one Uint8Array share one offset). */
export function buildIccProfile(header: Uint8Array, tags: readonly IccTag[]): Uint8Array {
  const tableEnd = 128 + 4 + 12 * tags.length;
  const offsets = new Map<Uint8Array, number>();
  let end = tableEnd;
  for (const t of tags) {
    if (offsets.has(t.data)) continue;
    offsets.set(t.data, end);
    end += (t.data.length + 3) & ~3;
  }
  const out = new Uint8Array(end);
  out.set(header.subarray(0, 128));
  out.set(u32(end), 0);
  out.set(u32(tags.length), 128);
  tags.forEach((t, i) => {
    const at = 132 + 12 * i;
    out.set(ascii(t.sig), at);
    out.set(u32(offsets.get(t.data) ?? 0), at + 4);
    out.set(u32(t.data.length), at + 8);
    out.set(t.data, offsets.get(t.data) ?? 0);
  });
  return out;
}

export function identifyingHeader(): Uint8Array {
  const h = new Uint8Array(128);
  h.set(ascii('lcms'), 4);
  h.set(Uint8Array.of(2, 0x10, 0, 0), 8);
  h.set(ascii('mntrRGB XYZ '), 12);
  h.set(Uint8Array.of(0x07, 0xe7, 0, 5, 0, 1, 0, 12, 0, 30, 0, 0), 24); // 2023-05-01 12:30:00
  h.set(ascii('acspAPPL'), 36);
  h.set(u32(0x00010001), 44); // a vendor flag and "embedded"
  h.set(ascii('DELLU241'), 48);
  h.set(u32(0x0000f6d6), 68);
  h.set(u32(0x00010000), 72);
  h.set(u32(0x0000d32d), 76);
  h.set(ascii('ALIC'), 80);
  h.fill(0xab, 84, 100); // profile ID
  return h;
}

/** Colour tags of a plain gamma-2.2 sRGB-like display, plus identifying text and vendor tags. */
export function identifyingIccProfile(): Uint8Array {
  const gamma = concat(ascii('curv'), u32(0), u32(1), Uint8Array.of(2, 0x33));
  return buildIccProfile(identifyingHeader(), [
    { sig: 'desc', data: textDescription(`${SECRET} monitor`) },
    { sig: 'cprt', data: concat(ascii('text'), u32(0), ascii(`${SECRET}\0`)) },
    { sig: 'wtpt', data: xyz(0.9642, 1, 0.8249) },
    { sig: 'rXYZ', data: xyz(0.4361, 0.2225, 0.0139, SECRET) },
    { sig: 'gXYZ', data: xyz(0.3851, 0.7169, 0.0971) },
    { sig: 'bXYZ', data: xyz(0.1431, 0.0606, 0.7141) },
    { sig: 'rTRC', data: gamma },
    { sig: 'gTRC', data: gamma },
    { sig: 'bTRC', data: gamma },
    { sig: 'dmdd', data: textDescription(`Dell U2415 ${SECRET}`) },
    { sig: 'vcgt', data: concat(ascii('vcgt'), u32(0), ascii(SECRET)) },
  ]);
}
