// Lossless GIF cleaner (GIF89a spec). Keeps the header, screen descriptor, colour tables,
// graphic control extensions and every image with its LZW data byte for byte; keeps the
// NETSCAPE2.0 loop count, rebuilt from its three bytes; drops comments, plain-text
// extensions (browsers do not draw them, so they only hide text), every other application
// extension (XMP, ICC, IPTC) and anything after the trailer.
//
// SECURITY: a keep-list; a block we cannot classify fails the file rather than passing through.

import { addOnce, concatBytes, latin1, u16le } from './bytes.ts';
import { requireBytes, ScrubError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';

const SCREEN_DESCRIPTOR_END = 13; // header 6 + logical screen descriptor 7
const IMAGE_DESCRIPTOR_LENGTH = 10; // introducer + 9
const BLOCK = { image: 0x2c, extension: 0x21, trailer: 0x3b } as const;
const LABEL = { graphicControl: 0xf9, comment: 0xfe, plainText: 0x01, application: 0xff } as const;
const LOOP_APPS = ['NETSCAPE2.0', 'ANIMEXTS1.0'];

const APP_LABELS: ReadonlyMap<string, string> = new Map([
  ['XMP DataXMP', 'XMP'],
  ['ICCRGBG1012', 'ICC profile'],
  ['MGK8BIM0000', 'IPTC/Photoshop'],
  ['MGKIPTC0000', 'IPTC'],
]);

export function isGif(bytes: Uint8Array): boolean {
  const sig = latin1(bytes, 0, 6);
  return bytes.length >= SCREEN_DESCRIPTOR_END && (sig === 'GIF87a' || sig === 'GIF89a');
}

function colourTableLength(packed: number): number {
  return packed & 0x80 ? 3 * (1 << ((packed & 0x07) + 1)) : 0;
}

/** Offset just past the data sub-blocks starting at `at` (past the zero-length terminator). */
function skipSubBlocks(b: Uint8Array, at: number): number {
  let i = at;
  for (;;) {
    requireBytes(b, i, 1, 'data sub-block');
    const size = b[i] ?? 0;
    i += 1;
    if (size === 0) return i;
    requireBytes(b, i, size, 'data sub-block');
    i += size;
  }
}

/** The loop count from a NETSCAPE2.0 block's sub-blocks, or undefined if it has none. */
function loopCount(b: Uint8Array, firstSubBlock: number, end: number): number | undefined {
  for (let i = firstSubBlock; i < end - 1 && (b[i] ?? 0) !== 0; i += 1 + (b[i] ?? 0)) {
    if (b[i] === 3 && b[i + 1] === 1) return u16le(b, i + 2);
  }
  return undefined;
}

function netscapeBlock(loops: number): Uint8Array {
  return concatBytes([Uint8Array.of(BLOCK.extension, LABEL.application, 11), new TextEncoder().encode('NETSCAPE2.0'), Uint8Array.of(3, 1, loops & 0xff, loops >>> 8, 0)]);
}

/** Returns the bytes to keep for the extension block at `at` (possibly none) and where it ends. */
function extension(b: Uint8Array, at: number, removed: string[]): { readonly keep: Uint8Array | undefined; readonly end: number } {
  requireBytes(b, at, 3, 'extension block');
  const label = b[at + 1] ?? 0;
  const end = skipSubBlocks(b, at + 2);
  switch (label) {
    case LABEL.graphicControl:
      // Delay, disposal and transparency: rendering, not identity. Exactly one 4-byte sub-block.
      if (end - at !== 8 || b[at + 2] !== 4) throw new ScrubError('malformed', `graphic control extension at offset ${at} has a bad length`);
      return { keep: b.subarray(at, end), end };
    case LABEL.comment:
      addOnce(removed, 'comment');
      return { keep: undefined, end };
    case LABEL.plainText:
      addOnce(removed, 'plain text extension');
      return { keep: undefined, end };
    case LABEL.application: {
      const app = b[at + 2] === 11 ? latin1(b, at + 3, at + 14) : '';
      if (LOOP_APPS.includes(app)) {
        const loops = loopCount(b, at + 14, end);
        return { keep: loops === undefined ? undefined : netscapeBlock(loops), end };
      }
      addOnce(removed, APP_LABELS.get(app) ?? 'other metadata (application extension)');
      return { keep: undefined, end };
    }
    default:
      addOnce(removed, 'other metadata (extension)');
      return { keep: undefined, end };
  }
}

function image(b: Uint8Array, at: number): number {
  requireBytes(b, at, IMAGE_DESCRIPTOR_LENGTH, 'image descriptor');
  const dataStart = at + IMAGE_DESCRIPTOR_LENGTH + colourTableLength(b[at + 9] ?? 0);
  requireBytes(b, dataStart, 1, 'image data');
  return skipSubBlocks(b, dataStart + 1); // after the LZW minimum code size
}

export function cleanGif(bytes: Uint8Array): CleanOutput {
  if (!isGif(bytes)) throw new ScrubError('malformed', 'not a GIF: bad signature');
  const headerEnd = SCREEN_DESCRIPTOR_END + colourTableLength(bytes[10] ?? 0);
  requireBytes(bytes, 0, headerEnd, 'global colour table');
  const kept: Uint8Array[] = [bytes.subarray(0, headerEnd)];
  const removed: string[] = [];
  let images = 0;
  let at = headerEnd;
  for (;;) {
    requireBytes(bytes, at, 1, 'block');
    const introducer = bytes[at] ?? 0;
    if (introducer === BLOCK.trailer) break;
    if (introducer === BLOCK.image) {
      const end = image(bytes, at);
      kept.push(bytes.subarray(at, end));
      images++;
      at = end;
    } else if (introducer === BLOCK.extension) {
      const { keep, end } = extension(bytes, at, removed);
      if (keep !== undefined) kept.push(keep);
      at = end;
    } else {
      throw new ScrubError('malformed', `unknown GIF block at offset ${at}`);
    }
  }
  if (images === 0) throw new ScrubError('malformed', 'no image in the GIF');
  if (at + 1 < bytes.length) addOnce(removed, 'trailing data');
  kept.push(Uint8Array.of(BLOCK.trailer));
  return { bytes: concatBytes(kept), removed };
}
