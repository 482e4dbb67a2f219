// The segments a decoder needs, and a check that each holds exactly what its definition in
// T.81 allows. SECURITY: these segments are copied into the cleaned file, so a check of their
// exact length is what stops a crafted file from hiding text in, say, a padded DHT segment.

import { MARKER, hex, type JpegSegment } from './jpeg-parse.ts';
import { ScrubError } from './scrub-error.ts';

/** SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
export function isFrameMarker(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== MARKER.DHT && marker !== 0xc8 && marker !== MARKER.DAC;
}

export function isDecodingMarker(marker: number): boolean {
  switch (marker) {
    case MARKER.SOS:
    case MARKER.DQT:
    case MARKER.DHT:
    case MARKER.DAC:
    case MARKER.DRI:
    case MARKER.DNL:
    case MARKER.DHP:
    case MARKER.EXP:
      return true;
    default:
      return isFrameMarker(marker);
  }
}

function fail(seg: JpegSegment, what: string): never {
  throw new ScrubError('malformed', `${hex(seg.marker)} segment: ${what}`);
}

function expectLength(seg: JpegSegment, expected: number): void {
  if (seg.payload.length !== expected) fail(seg, `length ${seg.payload.length + 2}, expected ${expected + 2}`);
}

function checkQuantizationTables(seg: JpegSegment): void {
  let at = 0;
  while (at < seg.payload.length) {
    const precision = (seg.payload[at] ?? 0) >> 4;
    if (precision > 1) fail(seg, `table precision ${precision}`);
    at += 1 + 64 * (precision + 1);
  }
  if (at !== seg.payload.length || at === 0) fail(seg, 'tables do not fill the segment exactly');
}

function checkHuffmanTables(seg: JpegSegment): void {
  let at = 0;
  while (at < seg.payload.length) {
    let codes = 0;
    for (let i = 1; i <= 16; i++) codes += seg.payload[at + i] ?? 0;
    if (codes > 256) fail(seg, `${codes} codes in one table`);
    at += 17 + codes;
  }
  if (at !== seg.payload.length || at === 0) fail(seg, 'tables do not fill the segment exactly');
}

/** Throws ScrubError('malformed') unless `seg` (a decoding segment) is exactly well-formed. */
export function checkDecodingSegment(seg: JpegSegment): void {
  const p = seg.payload;
  switch (seg.marker) {
    case MARKER.SOS:
      return expectLength(seg, 1 + 2 * (p[0] ?? 0) + 3);
    case MARKER.DQT:
      return checkQuantizationTables(seg);
    case MARKER.DHT:
      return checkHuffmanTables(seg);
    case MARKER.DAC:
      if (p.length === 0 || p.length % 2 !== 0) fail(seg, `length ${p.length + 2}`);
      return;
    case MARKER.DRI:
    case MARKER.DNL:
      return expectLength(seg, 2);
    case MARKER.EXP:
      return expectLength(seg, 1);
    default:
      // SOFn and DHP: precision, height, width, component count, 3 bytes per component.
      if (!isFrameMarker(seg.marker) && seg.marker !== MARKER.DHP) fail(seg, 'not a decoding segment');
      return expectLength(seg, 6 + 3 * (p[5] ?? 0));
  }
}
