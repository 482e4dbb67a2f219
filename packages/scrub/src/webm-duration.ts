/**
 * How long a WebM recording lasts. A browser's recorder streams, so it writes no Duration:
 * players then show no length and cannot seek. The span of the blocks gives it: the last
 * block's time plus the usual gap between blocks (one audio frame).
 */
import { EBML_IDS, EbmlError, childrenOf, readFloat, readSize, readUint } from './ebml.ts';
import type { EbmlElement } from './ebml.ts';

/** Matroska's default: one tick is a millisecond. */
export const DEFAULT_TIMECODE_SCALE_NS = 1_000_000;

/** A block's time relative to its cluster: after the track number, a signed 16-bit integer. */
function blockRelativeTime(bytes: Uint8Array, block: EbmlElement): number {
  const track = readSize(bytes, block.dataStart);
  const at = block.dataStart + track.length;
  if (at + 2 > block.end) throw new EbmlError(`block too short at ${block.start}`);
  const high = bytes[at] ?? 0;
  const low = bytes[at + 1] ?? 0;
  return ((high << 24) >> 16) | low;
}

function clusterBlockTimes(bytes: Uint8Array, cluster: EbmlElement): number[] {
  const children = childrenOf(bytes, cluster);
  const timecode = children.find((child) => child.id === EBML_IDS.clusterTimecode);
  if (timecode === undefined) throw new EbmlError(`cluster without a timecode at ${cluster.start}`);
  const base = readUint(bytes, timecode);
  const times: number[] = [];
  for (const child of children) {
    if (child.id === EBML_IDS.simpleBlock) times.push(base + blockRelativeTime(bytes, child));
    if (child.id === EBML_IDS.blockGroup) {
      const block = childrenOf(bytes, child).find((inner) => inner.id === EBML_IDS.block);
      if (block !== undefined) times.push(base + blockRelativeTime(bytes, block));
    }
  }
  return times;
}

/** The span of every block of the Segment's clusters, in ticks; undefined when there is no block. */
export function blockSpanTicks(bytes: Uint8Array, segmentChildren: readonly EbmlElement[]): number | undefined {
  const times = segmentChildren.filter((child) => child.id === EBML_IDS.cluster).flatMap((cluster) => clusterBlockTimes(bytes, cluster));
  if (times.length === 0) return undefined;
  times.sort((a, b) => a - b);
  const last = times[times.length - 1] ?? 0;
  const frame = times.length > 1 ? last - (times[times.length - 2] ?? last) : 0;
  return last + frame;
}

export type InfoTiming = { readonly timecodeScaleNs: number; readonly durationTicks: number | undefined };

export function readInfoTiming(bytes: Uint8Array, info: EbmlElement): InfoTiming {
  let timecodeScaleNs = DEFAULT_TIMECODE_SCALE_NS;
  let durationTicks: number | undefined;
  for (const child of childrenOf(bytes, info)) {
    if (child.id === EBML_IDS.timecodeScale) timecodeScaleNs = readUint(bytes, child);
    if (child.id === EBML_IDS.duration) durationTicks = readFloat(bytes, child);
  }
  return { timecodeScaleNs, durationTicks };
}
