// Cleans a movie box (moov) in place: MP4, MOV, M4A, 3GP, and HEIF image sequences.
// Kept: the movie and track headers with their creation and modification dates zeroed, the
// sample tables, edit lists and track references; handler names and the video encoder name
// are zeroed. Neutralized (turned into 'free'): user data (udta: tags, encoder, GPS ©xyz),
// metadata boxes (meta: iTunes item lists, Apple keys with location, make, model, software),
// uuid boxes (XMP, camera vendors' blocks), and whole tracks that are neither video nor audio
// (timed metadata such as GPS logs, timecode with the time of day, hint and text tracks),
// whose samples are zeroed in the file too.
//
// SECURITY: keep-lists at every level; sizes never change, so sample offsets stay valid.

import { addOnce, latin1 } from './bytes.ts';
import { childBoxes, fullBoxBody, neutralize, removeBox, type Box } from './iso-bmff-boxes.ts';
import { sampleRanges } from './iso-bmff-samples.ts';
import { ScrubError } from './scrub-error.ts';

const MOVIE_KEPT = ['mvhd', 'trak', 'mvex', 'iods'];
const TRACK_KEPT = ['tkhd', 'edts', 'mdia', 'tref', 'tapt', 'load', 'imap', 'clip', 'matt', 'txas', 'trgr'];
const KEPT_HANDLERS = ['vide', 'soun', 'auxv', 'pict'];
const VISUAL_ENTRY_NAME = { offset: 50, length: 32 } as const; // compressorname inside a visual sample entry
const ENTRY_VENDOR = { offset: 20, length: 4 } as const; // QuickTime's vendor ('appl', 'FFMP') in video and sound entries

/** Free space: zeroed (it may hold an earlier writer's leftovers), never reported. */
function isFreeSpace(box: Box): boolean {
  return box.type === 'free' || box.type === 'skip';
}

function child(b: Uint8Array, box: Box, type: string): Box | undefined {
  return childBoxes(b, box.payload, box.end, box.type).find((c) => c.type === type);
}

/** Zeroes `start..end` and reports `label` if anything there was not zero already. */
function zeroRange(out: Uint8Array, start: number, end: number, label: string, removed: string[]): void {
  if (out.subarray(start, end).some((v) => v !== 0)) addOnce(removed, label);
  out.fill(0, start, end);
}

/** mvhd, tkhd and mdhd: creation and modification times follow version and flags. */
function zeroDates(out: Uint8Array, box: Box, removed: string[]): void {
  const at = fullBoxBody(box);
  const length = out[box.payload] === 1 ? 16 : 8;
  if (at + length > box.end) throw new ScrubError('malformed', `${box.type} at offset ${box.start} is too short`);
  zeroRange(out, at, at + length, 'dates', removed);
}

/** hdlr: pre-defined 4, handler type 4, reserved 12 (QuickTime's manufacturer), then a name. */
function zeroHandlerName(out: Uint8Array, box: Box, removed: string[]): void {
  const at = fullBoxBody(box) + 8;
  if (at < box.end) zeroRange(out, at, box.end, 'handler names', removed);
}

function handlerType(b: Uint8Array, mdia: Box | undefined): string | undefined {
  const hdlr = mdia === undefined ? undefined : child(b, mdia, 'hdlr');
  return hdlr === undefined ? undefined : latin1(b, fullBoxBody(hdlr) + 4, fullBoxBody(hdlr) + 8);
}

/** Zeroes what sample entries say of the software that wrote them: vendor code and compressor name. */
function zeroEncoderNames(out: Uint8Array, stbl: Box, handler: string, removed: string[]): void {
  const stsd = child(out, stbl, 'stsd');
  if (stsd === undefined) return;
  for (const entry of childBoxes(out, fullBoxBody(stsd) + 4, stsd.end, 'stsd')) {
    const fields = handler === 'vide' ? [ENTRY_VENDOR, VISUAL_ENTRY_NAME] : [ENTRY_VENDOR];
    for (const { offset, length } of fields) {
      if (entry.start + offset + length <= entry.end) zeroRange(out, entry.start + offset, entry.start + offset + length, 'encoder name', removed);
    }
  }
}

function cleanMedia(out: Uint8Array, mdia: Box, handler: string, removed: string[]): void {
  for (const box of childBoxes(out, mdia.payload, mdia.end, 'mdia')) {
    if (box.type === 'mdhd') zeroDates(out, box, removed);
    else if (box.type === 'hdlr') zeroHandlerName(out, box, removed);
    else if (box.type === 'minf') {
      for (const inner of childBoxes(out, box.payload, box.end, 'minf')) {
        if (inner.type === 'hdlr') zeroHandlerName(out, inner, removed);
        if (inner.type === 'stbl' && (handler === 'vide' || handler === 'soun')) zeroEncoderNames(out, inner, handler, removed);
      }
    } else if (box.type === 'udta' || box.type === 'meta' || box.type === 'uuid') {
      removeBox(out, box, removed);
    }
  }
}

function removeTrack(out: Uint8Array, trak: Box, mdia: Box | undefined, handler: string, fragmented: boolean, removed: string[]): void {
  if (fragmented) throw new ScrubError('unsupported-feature', `fragmented movie with a ${handler} track`);
  const minf = mdia === undefined ? undefined : child(out, mdia, 'minf');
  const stbl = minf === undefined ? undefined : child(out, minf, 'stbl');
  // Zero the samples first: the sample table is gone once the track is neutralized.
  for (const range of stbl === undefined ? [] : sampleRanges(out, stbl)) out.fill(0, range.start, range.end);
  neutralize(out, trak);
  addOnce(removed, handler === 'meta' ? 'timed metadata track' : handler === 'tmcd' ? 'timecode track' : `${handler.trim()} track`);
}

function cleanTrack(out: Uint8Array, trak: Box, fragmented: boolean, removed: string[]): void {
  const mdia = child(out, trak, 'mdia');
  const handler = handlerType(out, mdia) ?? '';
  if (!KEPT_HANDLERS.includes(handler)) return removeTrack(out, trak, mdia, handler || 'unknown', fragmented, removed);
  for (const box of childBoxes(out, trak.payload, trak.end, 'trak')) {
    if (box.type === 'tkhd') zeroDates(out, box, removed);
    else if (box.type === 'mdia') cleanMedia(out, box, handler, removed);
    else if (isFreeSpace(box)) out.fill(0, box.payload, box.end);
    else if (!TRACK_KEPT.includes(box.type)) {
      removeBox(out, box, removed);
    }
  }
}

/** Cleans the movie box `moov` of `out` (a copy of the file) in place. */
export function cleanMovie(out: Uint8Array, moov: Box, removed: string[]): void {
  const children = childBoxes(out, moov.payload, moov.end, 'moov');
  if (children.some((c) => c.type === 'cmov')) throw new ScrubError('unsupported-feature', 'compressed movie header (cmov)');
  const fragmented = children.some((c) => c.type === 'mvex');
  for (const box of children) {
    if (box.type === 'mvhd') zeroDates(out, box, removed);
    else if (box.type === 'trak') cleanTrack(out, box, fragmented, removed);
    else if (isFreeSpace(box)) out.fill(0, box.payload, box.end);
    else if (!MOVIE_KEPT.includes(box.type)) {
      removeBox(out, box, removed);
    }
  }
}
