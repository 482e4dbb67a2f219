// Splits a JPEG into its marker segments and entropy-coded scan data (ITU-T T.81 Annex B).
// It understands structure only: what each segment means is decided in jpeg-scrub.ts.
//
// Fill bytes (0xFF runs before a marker) are not kept: T.81 B.1.1.2 allows any number of
// them and they carry no image data. Inside scan data, 0xFF 0x00 (stuffed byte), RSTn and
// bytes 0xFF 0x01..0xBF are copied as they are: the last are invalid, but decoders such as
// libjpeg skip them and resynchronise at the next restart marker, so a picture damaged there
// still shows, and copying them verbatim keeps it showing exactly as before.

import { u16be } from './bytes.ts';
import { requireBytes, ScrubError } from './scrub-error.ts';

export const MARKER = {
  SOI: 0xd8,
  EOI: 0xd9,
  SOS: 0xda,
  DQT: 0xdb,
  DNL: 0xdc,
  DRI: 0xdd,
  DHP: 0xde,
  EXP: 0xdf,
  DHT: 0xc4,
  DAC: 0xcc,
  COM: 0xfe,
  APP0: 0xe0,
  APP15: 0xef,
} as const;

export type JpegSegment = {
  readonly marker: number;
  /** Bytes after the two length bytes. */
  readonly payload: Uint8Array;
  /** Entropy-coded data after an SOS segment (empty for other segments). */
  readonly scan: Uint8Array;
};

export type ParsedJpeg = {
  readonly segments: readonly JpegSegment[];
  /** True when a scan held invalid marker bytes (see header comment). */
  readonly damagedScan: boolean;
  /** Number of bytes after EOI. */
  readonly trailing: number;
};

export function isRestartMarker(marker: number): boolean {
  return marker >= 0xd0 && marker <= 0xd7;
}

export function hex(marker: number): string {
  return `0x${marker.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** End of the entropy-coded data starting at `start`: the offset of the 0xFF run of the next real marker. */
function findScanEnd(b: Uint8Array, start: number): { readonly end: number; readonly damaged: boolean } {
  let i = start;
  let damaged = false;
  for (;;) {
    const ff = b.indexOf(0xff, i);
    if (ff < 0) break;
    let k = ff;
    while (k < b.length && b[k] === 0xff) k++;
    if (k >= b.length) break;
    const next = b[k] ?? 0;
    if (next === 0x00 || isRestartMarker(next)) {
      i = k + 1;
    } else if (next < 0xc0) {
      damaged = true;
      i = k + 1;
    } else {
      return { end: ff, damaged };
    }
  }
  throw new ScrubError('truncated', `image data starting at offset ${start} ends without an end-of-image marker`);
}

export function parseJpeg(b: Uint8Array): ParsedJpeg {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== MARKER.SOI) {
    throw new ScrubError('malformed', 'not a JPEG: no start-of-image marker');
  }
  const segments: JpegSegment[] = [];
  let damagedScan = false;
  let i = 2;
  for (;;) {
    if (i >= b.length) throw new ScrubError('truncated', 'file ends before the end-of-image marker');
    if (b[i] !== 0xff) throw new ScrubError('malformed', `expected a marker at offset ${i}`);
    while (i < b.length && b[i] === 0xff) i++;
    requireBytes(b, i, 1, 'marker');
    const marker = b[i] ?? 0;
    i++;
    if (marker === MARKER.EOI) return { segments, damagedScan, trailing: b.length - i };
    if (marker === 0x00 || marker === 0x01 || marker === MARKER.SOI || isRestartMarker(marker)) {
      throw new ScrubError('malformed', `unexpected marker ${hex(marker)} at offset ${i - 2}`);
    }
    requireBytes(b, i, 2, `segment ${hex(marker)}`);
    const length = u16be(b, i);
    if (length < 2) throw new ScrubError('malformed', `segment ${hex(marker)} at offset ${i - 2} has length ${length}`);
    requireBytes(b, i, length, `segment ${hex(marker)}`);
    const payload = b.subarray(i + 2, i + length);
    i += length;
    let scan = b.subarray(i, i);
    if (marker === MARKER.SOS) {
      const { end, damaged } = findScanEnd(b, i);
      scan = b.subarray(i, end);
      damagedScan ||= damaged;
      i = end;
    }
    segments.push({ marker, payload, scan });
  }
}
