/**
 * The outline of a WebM (or Matroska) file: the EBML header, then one Segment holding every
 * other element. Anything else at the top level (a second Segment, trailing bytes) is
 * refused: the cleaner only vouches for a file it understood from the first byte to the last.
 */
import { EBML_IDS, EbmlError, childrenOf, readChildren, readElement, readString } from './ebml.ts';
import type { EbmlElement } from './ebml.ts';
import { DEFAULT_TIMECODE_SCALE_NS, blockSpanTicks, readInfoTiming } from './webm-duration.ts';

const DOC_TYPES: readonly string[] = ['webm', 'matroska'];
const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3] as const;

export type WebmLayout = {
  readonly docType: string;
  readonly segment: EbmlElement;
  readonly segmentChildren: readonly EbmlElement[];
};

/** Whether the bytes start like an EBML file (magic bytes only, never a name or MIME type). */
export function looksLikeEbml(bytes: Uint8Array): boolean {
  return EBML_MAGIC.every((byte, index) => bytes[index] === byte);
}

/** Whether the file is WebM: EBML magic bytes and an EBML header whose DocType is "webm". Never throws. */
export function isWebm(bytes: Uint8Array): boolean {
  if (!looksLikeEbml(bytes)) return false;
  try {
    const header = readElement(bytes, 0, bytes.length);
    if (header.id !== EBML_IDS.header) return false;
    const docType = childrenOf(bytes, header).find((child) => child.id === EBML_IDS.docType);
    return docType !== undefined && readString(bytes, docType) === 'webm';
  } catch {
    return false;
  }
}

export function readWebmLayout(bytes: Uint8Array): WebmLayout {
  if (!looksLikeEbml(bytes)) throw new EbmlError('not an EBML file');
  const top = readChildren(bytes, 0, bytes.length);
  const [header, segment, ...rest] = top;
  if (header?.id !== EBML_IDS.header) throw new EbmlError('no EBML header');
  if (segment?.id !== EBML_IDS.segment) throw new EbmlError('no Segment after the EBML header');
  if (rest.length > 0) throw new EbmlError('data after the Segment');
  const docTypeElement = childrenOf(bytes, header).find((child) => child.id === EBML_IDS.docType);
  const docType = docTypeElement === undefined ? 'matroska' : readString(bytes, docTypeElement);
  if (!DOC_TYPES.includes(docType)) throw new EbmlError(`document type ${JSON.stringify(docType)}`);
  return { docType, segment, segmentChildren: childrenOf(bytes, segment) };
}

/** The recording's length in seconds: its Duration if written, else the span of its blocks. */
export function webmDurationSeconds(bytes: Uint8Array): number | undefined {
  const layout = readWebmLayout(bytes);
  const info = layout.segmentChildren.find((child) => child.id === EBML_IDS.info);
  const timing = info === undefined ? { timecodeScaleNs: DEFAULT_TIMECODE_SCALE_NS, durationTicks: undefined } : readInfoTiming(bytes, info);
  const ticks = timing.durationTicks ?? blockSpanTicks(bytes, layout.segmentChildren);
  return ticks === undefined ? undefined : (ticks * timing.timecodeScaleNs) / 1e9;
}
