// Small hand-built JPEGs for the rule-by-rule tests. The two base images were made once with
// libjpeg-turbo's cjpeg from a 32x16 test pattern (baseline -optimize; progressive with a
// restart marker every MCU row); every variant is built from them here, in code.

export function fromBase64(s: string): Uint8Array {
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}

export const TINY_BASELINE_JPEG = fromBase64(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAQACADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAACAYH/8QAJhAAAAQFBAEFAAAAAAAAAAAAAAIFBwEDIzKhBAYREggTFCEiQf/EABYBAQEBAAAAAAAAAAAAAAAAAAcGCP/EACQRAAEDAgQHAAAAAAAAAAAAAAECBBEABgMFB0ESIjJhcYGh/9oADAMBAAIRAxEAPwDRvKh/G5eBgt0bV2+vmUVRQ9p6Onin6qV36auTMN9jyilhwUho/MfwBtFaXnrRwEsitLz1o4F+iNJbRwC+zmLK02amTFailSis8RBMkJGwSIhI291CZRqSXWIMQkJ8TH0mjSiNJbRwNARGkto4CWRGkto4F+itLbRwGBrnXetHW9qD089f/9k=',
);

export const TINY_PROGRESSIVE_JPEG = fromBase64(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wgARCAAQACADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABgcF/8QAFgEBAQEAAAAAAAAAAAAAAAAABgQF/90ABAAB/9oADAMBAAIQAxAAAAFHDaXvl8H/0B6CloKFP//EABcQAQEBAQAAAAAAAAAAAAAAAAUAAwb/2gAIAQEAAQUC6p85gD//0MSb/9HEm//SxJv/08Sb/9TEm//VxJv/1sSb/8QAHBEAAQMFAAAAAAAAAAAAAAAAAAIGMQQFEhMh/9oACAEDAQE/AaRybVZQf//Qt7gjp//EAB0RAAICAQUAAAAAAAAAAAAAAAEDAAURBCFRcYH/2gAIAQIBAT8Bp0JqUlKCcE53864n/9BWtn//xAAeEAACAQQDAQAAAAAAAAAAAAAAMQECAwQTERJCUf/aAAgBAQAGPwLKxce/su3OvFOuqPUT8P/QR//RR//SR//TR//UR//VR//WR//EABkQAAMAAwAAAAAAAAAAAAAAAAABMREhQf/aAAgBAQABPyFkXoyw9toomf/Qmf/Rmf/Smf/Tmf/Umf/Vmf/Wmf/aAAwDAQACAAMAAAAQF//Q5//EABgRAQADAQAAAAAAAAAAAAAAAAEAEXGh/9oACAEDAQE/EHBJi66s/9Cb/8QAGREBAQADAQAAAAAAAAAAAAAAAREAQWGB/9oACAECAQE/EGikOhag0CQa9z//0Omf/8QAGhAAAgIDAAAAAAAAAAAAAAAAAPEBESFB0f/aAAgBAQABPxDIRSaPDKlZnR//0LOB/9FYf//SWH//07OB/9RYf//VWH//1kB//9k=',
);

export function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function segment(marker: number, payload: Uint8Array): Uint8Array {
  const length = payload.length + 2;
  return concat(Uint8Array.of(0xff, marker, length >> 8, length & 0xff), payload);
}

/** The JPEG with `segments` placed right after SOI (before its own JFIF). */
export function withSegments(jpeg: Uint8Array, ...segments: readonly Uint8Array[]): Uint8Array {
  return concat(jpeg.subarray(0, 2), ...segments, jpeg.subarray(2));
}

/** Offset of the first marker `marker` in the header part (before the first scan data). */
export function markerOffset(jpeg: Uint8Array, marker: number): number {
  let pos = 2;
  while (pos < jpeg.length && jpeg[pos + 1] !== marker) pos += 2 + (((jpeg[pos + 2] ?? 0) << 8) | (jpeg[pos + 3] ?? 0));
  return pos;
}

export function jfifPayload(thumbWidth = 0, thumbHeight = 0): Uint8Array {
  const head = concat(ascii('JFIF\0'), Uint8Array.of(1, 2, 1, 0, 72, 0, 72, thumbWidth, thumbHeight));
  return concat(head, new Uint8Array(thumbWidth * thumbHeight * 3).fill(0x7f));
}

export type TiffOptions = {
  readonly order?: 'II' | 'MM';
  readonly make?: string;
  readonly orientation?: number;
  /** TIFF field type used for Orientation (3 = SHORT is the only valid one). */
  readonly orientationType?: number;
  readonly gps?: boolean;
  readonly thumbnail?: boolean;
};

/** A small TIFF block: IFD0 with Make / Orientation / GPS pointer, optionally an IFD1. */
export function tiffBlock(o: TiffOptions): Uint8Array {
  const le = (o.order ?? 'MM') === 'II';
  const out: number[] = [];
  const u16 = (v: number): number[] => (le ? [v & 0xff, v >> 8] : [v >> 8, v & 0xff]);
  const u32 = (v: number): number[] => (le ? [...u16(v & 0xffff), ...u16(v >>> 16)] : [...u16(v >>> 16), ...u16(v & 0xffff)]);
  const make = o.make === undefined ? undefined : ascii(`${o.make}\0`);
  const entries: number[][] = [];
  const ifd0Count = (make ? 1 : 0) + (o.orientation === undefined ? 0 : 1) + (o.gps ? 1 : 0);
  const dataStart = 8 + 2 + 12 * ifd0Count + 4;
  const gpsAt = dataStart + (make?.length ?? 0);
  const ifd1At = gpsAt + (o.gps ? 2 + 12 + 4 : 0);
  if (make) entries.push([...u16(0x010f), ...u16(2), ...u32(make.length), ...u32(dataStart)]);
  if (o.orientation !== undefined) {
    entries.push([...u16(0x0112), ...u16(o.orientationType ?? 3), ...u32(1), ...u16(o.orientation), 0, 0]);
  }
  if (o.gps) entries.push([...u16(0x8825), ...u16(4), ...u32(1), ...u32(gpsAt)]);
  out.push(...(le ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8), ...u16(ifd0Count));
  for (const e of entries) out.push(...e);
  out.push(...u32(o.thumbnail ? ifd1At : 0));
  if (make) out.push(...make);
  if (o.gps) out.push(...u16(1), ...u16(0x0001), ...u16(2), ...u32(2), 0x4e, 0, 0, 0, ...u32(0)); // GPSLatitudeRef 'N'
  if (o.thumbnail) out.push(...u16(1), ...u16(0x0103), ...u16(3), ...u32(1), ...u16(6), 0, 0, ...u32(0)); // Compression = JPEG
  return Uint8Array.from(out);
}

export function exifPayload(o: TiffOptions): Uint8Array {
  return concat(ascii('Exif\0\0'), tiffBlock(o));
}

/** APP2 payloads carrying `profile` in chunks of `chunkSize` bytes. */
export function iccPayloads(profile: Uint8Array, chunkSize: number): Uint8Array[] {
  const total = Math.ceil(profile.length / chunkSize);
  return Array.from({ length: total }, (_, i) =>
    concat(ascii('ICC_PROFILE\0'), Uint8Array.of(i + 1, total), profile.subarray(i * chunkSize, (i + 1) * chunkSize)),
  );
}
