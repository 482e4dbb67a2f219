// Where a track's samples lie in the file, from its sample table (stsc, stsz/stz2, stco/co64),
// so that the samples of a removed track (timed metadata such as a GPS log, timecode) can be
// zeroed in place.

import { u16be, u32be, u64be } from './bytes.ts';
import { childBoxes, fullBoxBody, type Box } from './iso-bmff-boxes.ts';
import { ScrubError } from './scrub-error.ts';

export type ByteRange = { readonly start: number; readonly end: number };

function sampleSizes(b: Uint8Array, box: Box): number[] {
  const at = fullBoxBody(box);
  if (box.type === 'stsz') {
    const fixed = u32be(b, at);
    const count = u32be(b, at + 4);
    if (fixed !== 0) return new Array<number>(count).fill(fixed);
    if (at + 8 + 4 * count > box.end) throw new ScrubError('malformed', `sample size table at offset ${box.start} is too short`);
    return Array.from({ length: count }, (_, i) => u32be(b, at + 8 + 4 * i));
  }
  const field = b[at + 3] ?? 0; // stz2: reserved 24 bits, field size 4, 8 or 16
  const count = u32be(b, at + 4);
  if (![4, 8, 16].includes(field) || at + 8 + Math.ceil((count * field) / 8) > box.end) {
    throw new ScrubError('malformed', `compact sample size table at offset ${box.start} is malformed`);
  }
  return Array.from({ length: count }, (_, i) => {
    if (field === 16) return u16be(b, at + 8 + 2 * i);
    if (field === 8) return b[at + 8 + i] ?? 0;
    const byte = b[at + 8 + (i >> 1)] ?? 0;
    return i & 1 ? byte & 0x0f : byte >> 4;
  });
}

function chunkOffsets(b: Uint8Array, box: Box): number[] {
  const at = fullBoxBody(box);
  const count = u32be(b, at);
  const width = box.type === 'co64' ? 8 : 4;
  if (at + 4 + width * count > box.end) throw new ScrubError('malformed', `chunk offset table at offset ${box.start} is too short`);
  return Array.from({ length: count }, (_, i) => (width === 8 ? u64be(b, at + 4 + 8 * i) : u32be(b, at + 4 + 4 * i)));
}

/** [firstChunk, samplesPerChunk] runs from stsc. */
function chunkRuns(b: Uint8Array, box: Box): [number, number][] {
  const at = fullBoxBody(box);
  const count = u32be(b, at);
  if (at + 4 + 12 * count > box.end) throw new ScrubError('malformed', `sample-to-chunk table at offset ${box.start} is too short`);
  return Array.from({ length: count }, (_, i) => [u32be(b, at + 4 + 12 * i), u32be(b, at + 8 + 12 * i)]);
}

/** The byte ranges holding this sample table's samples, one per chunk. */
export function sampleRanges(b: Uint8Array, stbl: Box): ByteRange[] {
  const boxes = childBoxes(b, stbl.payload, stbl.end, 'stbl');
  const find = (...types: string[]): Box | undefined => boxes.find((x) => types.includes(x.type));
  const [sizesBox, offsetsBox, runsBox] = [find('stsz', 'stz2'), find('stco', 'co64'), find('stsc')];
  if (sizesBox === undefined || offsetsBox === undefined || runsBox === undefined) return [];
  const sizes = sampleSizes(b, sizesBox);
  const offsets = chunkOffsets(b, offsetsBox);
  const runs = chunkRuns(b, runsBox);
  const ranges: ByteRange[] = [];
  let sample = 0;
  let run = -1;
  offsets.forEach((offset, i) => {
    const chunk = i + 1;
    while (run + 1 < runs.length && (runs[run + 1]?.[0] ?? Infinity) <= chunk) run++;
    const perChunk = runs[run]?.[1] ?? 0;
    let length = 0;
    for (let k = 0; k < perChunk && sample < sizes.length; k++) length += sizes[sample++] ?? 0;
    if (offset + length > b.length) throw new ScrubError('malformed', `samples at offset ${offset} run past the end of the file`);
    if (length > 0) ranges.push({ start: offset, end: offset + length });
  });
  return ranges;
}
