// Lossless MP3 cleaner. Removes ID3v2 tags (every version, footer included) before the audio,
// ID3v1, APEv2, Lyrics3 and appended ID3v2 tags after it, and any bytes between frames that
// are not audio; the frames are copied byte for byte. In the first frame's Xing/Info tag the
// LAME encoder version is zeroed: the four-letter encoder family stays, because decoders
// (ffmpeg, for one) read the encoder delay and padding only when it names LAME or Lavf/Lavc.
//
// SECURITY: the output is the audio frames and nothing else; every frame is checked to be a
// whole, valid MPEG audio frame, and bytes that are not are dropped, never passed through.

import { addOnce, concatBytes, latin1, putU16be, u16be, u32be } from './bytes.ts';
import { findTrailingTags, skipLeadingId3v2 } from './id3-tags.ts';
import { frameHeaderAt, framesChainAt, type FrameHeader } from './mp3-frames.ts';
import { ScrubError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';

const LAME_TAG_LENGTH = 36;
const LAME_CRC_OFFSET = 34; // CRC-16 of the frame up to here, stored in the tag's last two bytes
const ENCODER_LENGTH = 9;
const KNOWN_FAMILIES = ['LAME', 'Lavf', 'Lavc', 'GOGO'];

export function isMp3(bytes: Uint8Array): boolean {
  const start = skipLeadingId3v2(bytes, 0);
  return framesChainAt(bytes, start, bytes.length);
}

/** CRC-16 as LAME computes it (polynomial 0x8005, reflected, initial value 0). */
function lameCrc(b: Uint8Array): number {
  let crc = 0;
  for (const byte of b) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** Offset of the LAME extension inside a Xing/Info frame, or undefined if the frame has none. */
function lameTagOffset(frame: Uint8Array, header: FrameHeader): number | undefined {
  const at = header.sideInfoEnd;
  const id = latin1(frame, at, at + 4);
  if (id !== 'Xing' && id !== 'Info') return undefined;
  const flags = u32be(frame, at + 4);
  const tag = at + 8 + (flags & 1 ? 4 : 0) + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
  return tag + LAME_TAG_LENGTH <= frame.length ? tag : undefined;
}

/** The first frame with the encoder version zeroed, or undefined if there is nothing to zero. */
function neutralEncoder(frame: Uint8Array, header: FrameHeader): Uint8Array | undefined {
  const tag = lameTagOffset(frame, header);
  if (tag === undefined) return undefined;
  const keep = KNOWN_FAMILIES.includes(latin1(frame, tag, tag + 4)) ? 4 : 0;
  if (frame.subarray(tag + keep, tag + ENCODER_LENGTH).every((v) => v === 0)) return undefined;
  const out = frame.slice();
  const crcWasValid = lameCrc(frame.subarray(0, tag + LAME_CRC_OFFSET)) === u16be(frame, tag + LAME_CRC_OFFSET);
  out.fill(0, tag + keep, tag + ENCODER_LENGTH);
  if (crcWasValid) putU16be(out, tag + LAME_CRC_OFFSET, lameCrc(out.subarray(0, tag + LAME_CRC_OFFSET)));
  return out;
}

/** The next offset from `from` where a run of valid frames starts, or `end`. */
function resync(b: Uint8Array, from: number, end: number): number {
  for (let i = b.indexOf(0xff, from); i >= 0 && i < end; i = b.indexOf(0xff, i + 1)) {
    if (framesChainAt(b, i, end)) return i;
  }
  return end;
}

export function cleanMp3(bytes: Uint8Array): CleanOutput {
  const removed: string[] = [];
  const start = skipLeadingId3v2(bytes, 0);
  if (start > 0) addOnce(removed, 'ID3');
  const tail = findTrailingTags(bytes, start, bytes.length);
  const end = tail.end;
  const parts: Uint8Array[] = [];
  let at = start;
  let frames = 0;
  while (at < end) {
    const header = frameHeaderAt(bytes, at);
    if (header === undefined || (frames === 0 && !framesChainAt(bytes, at, end))) {
      const next = resync(bytes, at + 1, end);
      addOnce(removed, next === end ? 'trailing data' : 'unknown data between frames');
      at = next;
      continue;
    }
    // A last frame cut short is still audio; decoders play what there is.
    const frame = bytes.subarray(at, Math.min(end, at + header.length));
    const neutral = frames === 0 ? neutralEncoder(frame, header) : undefined;
    if (neutral !== undefined) addOnce(removed, 'encoder version');
    parts.push(neutral ?? frame);
    frames++;
    at += frame.length;
  }
  if (frames === 0) throw new ScrubError('malformed', 'no MPEG audio frame found');
  for (const label of tail.labels) addOnce(removed, label);
  return { bytes: concatBytes(parts), removed };
}
