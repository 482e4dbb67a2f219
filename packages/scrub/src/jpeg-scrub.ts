// Lossless JPEG cleaner. The output is: SOI, a rebuilt JFIF APP0, a fresh one-entry EXIF
// (Orientation only, when the picture needs turning), the sanitized ICC profile, a rebuilt
// Adobe APP14, then every decoding segment and its scan data in the original order, then EOI.
//
// SECURITY: this is a keep-list. A segment survives only if isDecodingMarker() says a decoder
// needs it, and then only after checkDecodingSegment() proved it holds nothing but its fields.
// APPn and COM are removed, anything after EOI is removed, unknown markers fail the file.
// Scan data is never decoded or changed, so the pixels are exactly the original ones.

import { addOnce, concatBytes, putU16be } from './bytes.ts';
import {
  collectAppSegment, iccPayloads, isAppMarker, newAppFindings, orientationPayload, type AppFindings,
} from './jpeg-app-segments.ts';
import { checkDecodingSegment, isDecodingMarker, isFrameMarker } from './jpeg-decoding-segments.ts';
import { MARKER, hex, parseJpeg, type JpegSegment } from './jpeg-parse.ts';
import { ScrubError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === MARKER.SOI && bytes[2] === 0xff;
}

function segmentBytes(marker: number, payload: Uint8Array): Uint8Array {
  const head = Uint8Array.of(0xff, marker, 0, 0);
  putU16be(head, 2, payload.length + 2);
  return concatBytes([head, payload]);
}

/** Checks the order a decoder relies on: a frame header before any scan, and at least one scan. */
function checkFrameOrder(kept: readonly JpegSegment[]): void {
  let frame = false;
  let scans = 0;
  for (const seg of kept) {
    if (isFrameMarker(seg.marker)) frame = true;
    if (seg.marker === MARKER.SOS) {
      if (!frame) throw new ScrubError('malformed', 'scan before any frame header');
      scans++;
    }
  }
  if (scans === 0) throw new ScrubError('malformed', 'no image data (no scan)');
}

/**
 * Decoders read JFIF, EXIF Orientation, ICC and Adobe only before the first scan, so a copy
 * found later is removed without being used: moving it up would change how the picture shows.
 */
function collectApp(findings: AppFindings, seg: JpegSegment, afterFirstScan: boolean): void {
  if (!afterFirstScan) return collectAppSegment(findings, seg);
  const late = newAppFindings();
  collectAppSegment(late, seg);
  if (late.iccChunks.length > 0) addOnce(findings.removed, 'ICC profile');
  for (const label of late.removed) addOnce(findings.removed, label);
}

export function cleanJpeg(bytes: Uint8Array): CleanOutput {
  const parsed = parseJpeg(bytes);
  const findings = newAppFindings();
  const kept: JpegSegment[] = [];
  let afterFirstScan = false;
  for (const seg of parsed.segments) {
    if (isDecodingMarker(seg.marker)) {
      checkDecodingSegment(seg);
      kept.push(seg);
      afterFirstScan ||= seg.marker === MARKER.SOS;
    } else if (isAppMarker(seg.marker)) {
      collectApp(findings, seg, afterFirstScan);
    } else if (seg.marker === MARKER.COM) {
      addOnce(findings.removed, 'comment');
    } else {
      // JPG, JPGn (JPEG-LS, JPEG XT extensions) and reserved markers: we cannot tell
      // whether a decoder needs them, so we neither keep nor silently drop them.
      throw new ScrubError('unsupported-feature', `JPEG marker ${hex(seg.marker)} is not supported`);
    }
  }
  checkFrameOrder(kept);
  if (parsed.trailing > 0) addOnce(findings.removed, 'trailing data');
  return { bytes: assemble(findings, kept), removed: findings.removed };
}

function assemble(findings: AppFindings, kept: readonly JpegSegment[]): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [Uint8Array.of(0xff, MARKER.SOI)];
  if (findings.jfif !== undefined) parts.push(segmentBytes(MARKER.APP0, findings.jfif));
  const exif = orientationPayload(findings);
  if (exif !== undefined) parts.push(segmentBytes(MARKER.APP0 + 1, exif));
  for (const icc of iccPayloads(findings)) parts.push(segmentBytes(MARKER.APP0 + 2, icc));
  if (findings.adobe !== undefined) parts.push(segmentBytes(MARKER.APP0 + 14, findings.adobe));
  for (const seg of kept) parts.push(segmentBytes(seg.marker, seg.payload), seg.scan);
  parts.push(Uint8Array.of(0xff, MARKER.EOI));
  return concatBytes(parts);
}
