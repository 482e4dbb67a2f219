// Finds the tag blocks that audio files carry around their audio data: ID3v2 (all versions,
// with its optional footer) at the start or, with a footer, at the end; ID3v1 and its
// extended "TAG+" block; APEv2 (with or without header) and Lyrics3v2 at the end. Only the
// extent of each block is read; its content is never parsed, since the whole block goes.

import { latin1, u32le } from './bytes.ts';

const ID3V2_HEADER_LENGTH = 10;
const ID3V1_LENGTH = 128;
const ID3V1_EXTENDED_LENGTH = 227;
const APE_FOOTER_LENGTH = 32;
const LYRICS3_END = 'LYRICS200';

function syncsafe(b: Uint8Array, at: number): number | undefined {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const byte = b[at + i] ?? 0xff;
    if (byte & 0x80) return undefined;
    value = value * 128 + byte;
  }
  return value;
}

/** Total length of the ID3v2 tag starting at `at` (header, body, footer), or undefined if there is none. */
export function id3v2Length(b: Uint8Array, at: number): number | undefined {
  if (latin1(b, at, at + 3) !== 'ID3') return undefined;
  const version = b[at + 3] ?? 0;
  if (version < 2 || version > 4 || b[at + 4] === 0xff) return undefined;
  const size = syncsafe(b, at + 6);
  if (size === undefined) return undefined;
  const footer = version === 4 && ((b[at + 5] ?? 0) & 0x10) !== 0 ? ID3V2_HEADER_LENGTH : 0;
  return ID3V2_HEADER_LENGTH + size + footer;
}

/** Offset after every ID3v2 tag that starts at `at` (some files carry several in a row). */
export function skipLeadingId3v2(b: Uint8Array, at: number): number {
  let i = at;
  for (let n = id3v2Length(b, i); n !== undefined && i + n <= b.length; n = id3v2Length(b, i)) i += n;
  return i;
}

type TrailingTag = { readonly start: number; readonly label: string };

function trailingTagEndingAt(b: Uint8Array, end: number, start: number): TrailingTag | undefined {
  if (end - start >= ID3V1_LENGTH && latin1(b, end - ID3V1_LENGTH, end - ID3V1_LENGTH + 3) === 'TAG') {
    const v1 = end - ID3V1_LENGTH;
    const extended = v1 - ID3V1_EXTENDED_LENGTH >= start && latin1(b, v1 - ID3V1_EXTENDED_LENGTH, v1 - ID3V1_EXTENDED_LENGTH + 4) === 'TAG+';
    return { start: extended ? v1 - ID3V1_EXTENDED_LENGTH : v1, label: 'ID3' };
  }
  if (end - start >= APE_FOOTER_LENGTH && latin1(b, end - APE_FOOTER_LENGTH, end - APE_FOOTER_LENGTH + 8) === 'APETAGEX') {
    const footer = end - APE_FOOTER_LENGTH;
    const size = u32le(b, footer + 12); // items and footer, not the optional header
    const hasHeader = ((b[footer + 23] ?? 0) & 0x80) !== 0;
    const tagStart = end - size - (hasHeader ? APE_FOOTER_LENGTH : 0);
    return tagStart >= start && size >= APE_FOOTER_LENGTH ? { start: tagStart, label: 'APE tag' } : undefined;
  }
  if (end - start >= 15 && latin1(b, end - 9, end) === LYRICS3_END) {
    const size = Number(latin1(b, end - 15, end - 9));
    const tagStart = end - 15 - size;
    return Number.isInteger(size) && tagStart >= start && latin1(b, tagStart, tagStart + 11) === 'LYRICSBEGIN' ? { start: tagStart, label: 'Lyrics3' } : undefined;
  }
  if (end - start >= 2 * ID3V2_HEADER_LENGTH && latin1(b, end - ID3V2_HEADER_LENGTH, end - ID3V2_HEADER_LENGTH + 3) === '3DI') {
    const size = syncsafe(b, end - 4);
    const tagStart = size === undefined ? -1 : end - size - 2 * ID3V2_HEADER_LENGTH;
    return tagStart >= start && latin1(b, tagStart, tagStart + 3) === 'ID3' ? { start: tagStart, label: 'ID3' } : undefined;
  }
  return undefined;
}

/** Where the tags appended after the audio begin (`end` if there are none), and what they were. */
export function findTrailingTags(b: Uint8Array, start: number, end: number): { readonly end: number; readonly labels: readonly string[] } {
  const labels: string[] = [];
  let at = end;
  for (let tag = trailingTagEndingAt(b, at, start); tag !== undefined; tag = trailingTagEndingAt(b, at, start)) {
    if (!labels.includes(tag.label)) labels.push(tag.label);
    at = tag.start;
  }
  return { end: at, labels };
}
