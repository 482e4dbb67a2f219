/**
 * Removes what a WebM voice recording says about where it was made, losslessly: no
 * re-encoding, and no byte moves. Each identifying element is overwritten by an EBML Void
 * element of the same total size, so every offset in the file (SeekHead, Cues) stays right.
 * Chromium writes MuxingApp and WritingApp "Chrome"; other muxers add a title, a date, file
 * names, track names, tags, attachments or chapters. A recording has no Duration (the
 * recorder streams), so one is written into the room the removed elements left, which lets
 * players show the length and seek.
 *
 * SECURITY: Info and the Segment keep only what playback needs (a whitelist); everything
 * else there becomes Void. The cleaned bytes are parsed again and refused if anything that
 * should have gone is still there. A file we do not fully understand is never called clean.
 *
 * The voice recorder's files are WebM (Chromium, Firefox); a picked .webm goes through it too.
 * Detection (isWebm) reads only the EBML header's DocType: Matroska (.mkv, .mka) is parsed by
 * the same code but not detected as 'webm', so it is reported unsupported rather than mislabelled.
 */
import {
  DURATION_ELEMENT_BYTES,
  EBML_IDS,
  EbmlError,
  childrenOf,
  durationElement,
  voidElement,
  voidInPlace,
} from './ebml.ts';
import type { EbmlElement } from './ebml.ts';
import { ScrubError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';
import { blockSpanTicks, readInfoTiming } from './webm-duration.ts';
import { readWebmLayout } from './webm-layout.ts';

export { isWebm } from './webm-layout.ts';

/** Segment children that playback needs; any other is overwritten. */
const SEGMENT_KEPT: ReadonlySet<number> = new Set([EBML_IDS.seekHead, EBML_IDS.info, EBML_IDS.tracks, EBML_IDS.cluster, EBML_IDS.cues, EBML_IDS.void]);
/** Info children that playback needs; any other is overwritten. */
const INFO_KEPT: ReadonlySet<number> = new Set([EBML_IDS.timecodeScale, EBML_IDS.duration, EBML_IDS.void]);
/** TrackEntry children that are free text; the rest describes the codec and stays. */
const TRACK_ENTRY_REMOVED: ReadonlySet<number> = new Set([EBML_IDS.trackName, EBML_IDS.codecName]);

const LABELS: ReadonlyMap<number, string> = new Map([
  [EBML_IDS.muxingApp, 'software name'],
  [EBML_IDS.writingApp, 'software name'],
  [EBML_IDS.codecName, 'software name'],
  [EBML_IDS.dateUtc, 'date'],
  [EBML_IDS.title, 'title'],
  [EBML_IDS.segmentFilename, 'file name'],
  [EBML_IDS.prevFilename, 'file name'],
  [EBML_IDS.nextFilename, 'file name'],
  [EBML_IDS.segmentUid, 'identifiers'],
  [EBML_IDS.segmentFamily, 'identifiers'],
  [EBML_IDS.chapterTranslate, 'chapters'],
  [EBML_IDS.chapters, 'chapters'],
  [EBML_IDS.trackName, 'track name'],
  [EBML_IDS.tags, 'tags'],
  [EBML_IDS.attachments, 'attached files'],
]);

/** Overwrites `element`; a checksum is made wrong by our own edits and says nothing, so it goes unreported. */
function remove(bytes: Uint8Array, element: EbmlElement, removed: Set<string>): void {
  voidInPlace(bytes, element);
  if (element.id !== EBML_IDS.crc32) removed.add(LABELS.get(element.id) ?? 'other information');
}

function cleanTracks(bytes: Uint8Array, tracks: EbmlElement, removed: Set<string>): void {
  for (const entry of childrenOf(bytes, tracks)) {
    if (entry.id === EBML_IDS.crc32) remove(bytes, entry, removed);
    if (entry.id !== EBML_IDS.trackEntry) continue;
    for (const child of childrenOf(bytes, entry)) {
      if (TRACK_ENTRY_REMOVED.has(child.id) || child.id === EBML_IDS.crc32) remove(bytes, child, removed);
    }
  }
}

function cleanSegment(bytes: Uint8Array, segmentChildren: readonly EbmlElement[], removed: Set<string>): void {
  for (const child of segmentChildren) {
    if (!SEGMENT_KEPT.has(child.id)) remove(bytes, child, removed);
    else if (child.id === EBML_IDS.info) {
      for (const inner of childrenOf(bytes, child)) if (!INFO_KEPT.has(inner.id)) remove(bytes, inner, removed);
    } else if (child.id === EBML_IDS.tracks) cleanTracks(bytes, child, removed);
  }
}

/** Runs of adjacent Void children, as [start, end) ranges. */
function voidRuns(children: readonly EbmlElement[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (const child of children) {
    if (child.id !== EBML_IDS.void) continue;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.end === child.start) last.end = child.end;
    else runs.push({ start: child.start, end: child.end });
  }
  return runs;
}

/** Writes a Duration into Info's free room when it has none; leftover room stays Void (2 bytes at least). */
function ensureDuration(bytes: Uint8Array, info: EbmlElement, segmentChildren: readonly EbmlElement[]): void {
  const timing = readInfoTiming(bytes, info);
  const ticks = timing.durationTicks ?? blockSpanTicks(bytes, segmentChildren);
  if (ticks === undefined) return;
  if (timing.durationTicks === undefined) {
    const fits = (room: number) => room === DURATION_ELEMENT_BYTES || room >= DURATION_ELEMENT_BYTES + 2;
    const run = voidRuns(childrenOf(bytes, info)).find(({ start, end }) => fits(end - start));
    if (run !== undefined) {
      bytes.set(durationElement(ticks), run.start);
      const rest = run.end - run.start - DURATION_ELEMENT_BYTES;
      if (rest > 0) bytes.set(voidElement(rest), run.start + DURATION_ELEMENT_BYTES);
    }
  }
}

/** SECURITY: the cleaned file must parse again, with nothing left that the whitelists remove. */
function assertClean(bytes: Uint8Array): void {
  const { segmentChildren } = readWebmLayout(bytes);
  for (const child of segmentChildren) {
    if (!SEGMENT_KEPT.has(child.id)) throw new EbmlError(`element 0x${child.id.toString(16)} left in the Segment`);
    if (child.id === EBML_IDS.info && childrenOf(bytes, child).some((inner) => !INFO_KEPT.has(inner.id))) throw new EbmlError('metadata left in Info');
    if (child.id !== EBML_IDS.tracks) continue;
    for (const entry of childrenOf(bytes, child).filter((inner) => inner.id === EBML_IDS.trackEntry)) {
      if (childrenOf(bytes, entry).some((inner) => TRACK_ENTRY_REMOVED.has(inner.id))) throw new EbmlError('metadata left in a track');
    }
  }
}

/** Cleans a WebM (or Matroska) file; throws ScrubError on a file it cannot vouch for (scrub()'s cleaner contract). */
export function cleanWebm(input: Uint8Array): CleanOutput {
  // A copy on a plain ArrayBuffer: the caller's bytes are never changed, and a Blob accepts it.
  const bytes = new Uint8Array(input);
  try {
    const { segmentChildren } = readWebmLayout(bytes);
    const removed = new Set<string>();
    cleanSegment(bytes, segmentChildren, removed);
    const info = segmentChildren.find((child) => child.id === EBML_IDS.info);
    if (info !== undefined) ensureDuration(bytes, info, segmentChildren);
    assertClean(bytes);
    return { bytes, removed: [...removed] };
  } catch (error) {
    if (error instanceof EbmlError) throw new ScrubError('malformed', error.message, { cause: error });
    throw error;
  }
}
