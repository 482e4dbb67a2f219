// Lossless FLAC cleaner. The metadata blocks before the audio frames are filtered: STREAMINFO
// (needed to decode) and SEEKTABLE (offsets relative to the first frame, so still right) are
// kept byte for byte; VORBIS_COMMENT (tags and the encoder's vendor string), PICTURE (cover
// art), APPLICATION, CUESHEET, PADDING and unknown blocks go, and the last kept block gets the
// last-block flag. An ID3v2 tag before "fLaC" and an ID3v1/APE tag after the frames go too.
//
// SECURITY: a keep-list of two block types; frames are copied untouched.

import { addOnce, concatBytes, latin1 } from './bytes.ts';
import { findTrailingTags, skipLeadingId3v2 } from './id3-tags.ts';
import { requireBytes, ScrubError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';

const BLOCK = { streamInfo: 0, padding: 1, application: 2, seekTable: 3, vorbisComment: 4, cueSheet: 5, picture: 6 } as const;
const STREAMINFO_LENGTH = 34;
const SEEKPOINT_LENGTH = 18;
const LAST_BLOCK = 0x80;

const LABELS: Readonly<Record<number, string>> = {
  [BLOCK.application]: 'application data',
  [BLOCK.vorbisComment]: 'Vorbis comments (tags, encoder)',
  [BLOCK.cueSheet]: 'cue sheet',
  [BLOCK.picture]: 'embedded picture',
};

export function isFlac(bytes: Uint8Array): boolean {
  const start = skipLeadingId3v2(bytes, 0);
  return latin1(bytes, start, start + 4) === 'fLaC';
}

function checkKept(type: number, length: number, index: number, at: number): void {
  if (type === BLOCK.streamInfo && (index !== 0 || length !== STREAMINFO_LENGTH)) {
    throw new ScrubError('malformed', `STREAMINFO block at offset ${at} is misplaced or has a bad length`);
  }
  if (type === BLOCK.seekTable && length % SEEKPOINT_LENGTH !== 0) throw new ScrubError('malformed', `SEEKTABLE block at offset ${at} has a bad length`);
}

export function cleanFlac(bytes: Uint8Array): CleanOutput {
  const removed: string[] = [];
  const start = skipLeadingId3v2(bytes, 0);
  if (start > 0) addOnce(removed, 'ID3');
  if (latin1(bytes, start, start + 4) !== 'fLaC') throw new ScrubError('malformed', 'not a FLAC file: no "fLaC" marker');
  const kept: Uint8Array[] = [];
  let at = start + 4;
  for (let index = 0, last = false; !last; index++) {
    requireBytes(bytes, at, 4, 'metadata block header');
    const header = bytes[at] ?? 0;
    const type = header & 0x7f;
    const length = ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    requireBytes(bytes, at + 4, length, 'metadata block');
    last = (header & LAST_BLOCK) !== 0;
    if (index === 0 && type !== BLOCK.streamInfo) throw new ScrubError('malformed', 'first metadata block is not STREAMINFO');
    if (type === 127) throw new ScrubError('malformed', `invalid metadata block type at offset ${at}`);
    if (type === BLOCK.streamInfo || type === BLOCK.seekTable) {
      checkKept(type, length, index, at);
      const block = bytes.slice(at, at + 4 + length);
      block[0] = type; // the last-block flag is set again below
      kept.push(block);
    } else {
      const label = LABELS[type] ?? (type === BLOCK.padding ? undefined : `other metadata (block ${type})`);
      if (label !== undefined) addOnce(removed, label);
    }
    at += 4 + length;
  }
  // Audio frames start with the 14-bit sync code 0b11111111111110.
  if (at < bytes.length && (bytes[at] !== 0xff || ((bytes[at + 1] ?? 0) & 0xfe) !== 0xf8)) {
    throw new ScrubError('malformed', `no audio frame after the metadata blocks (offset ${at})`);
  }
  const lastKept = kept[kept.length - 1];
  if (lastKept !== undefined) lastKept[0] = (lastKept[0] ?? 0) | LAST_BLOCK;
  const tail = findTrailingTags(bytes, at, bytes.length);
  for (const label of tail.labels) addOnce(removed, label);
  return { bytes: concatBytes([Uint8Array.of(0x66, 0x4c, 0x61, 0x43), ...kept, bytes.subarray(at, tail.end)]), removed };
}
