/**
 * Just enough EBML (the binary format of Matroska and WebM) to walk a voice recording's
 * elements and overwrite some of them in place. An element is an ID, a size and a body;
 * both ID and size are variable-length integers. A recorder that streams does not know its
 * sizes in advance, so Segment and Cluster may carry the "unknown size" value: a Segment
 * then runs to the end of the file, a Cluster to the next element that cannot be its child.
 *
 * Pure functions over Uint8Array; they throw EbmlError on anything malformed, never guess.
 */

export const EBML_IDS = {
  header: 0x1a45dfa3,
  docType: 0x4282,
  segment: 0x18538067,
  seekHead: 0x114d9b74,
  info: 0x1549a966,
  tracks: 0x1654ae6b,
  cluster: 0x1f43b675,
  cues: 0x1c53bb6b,
  chapters: 0x1043a770,
  tags: 0x1254c367,
  attachments: 0x1941a469,
  void: 0xec,
  crc32: 0xbf,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  segmentUid: 0x73a4,
  segmentFamily: 0x4444,
  chapterTranslate: 0x6924,
  muxingApp: 0x4d80,
  writingApp: 0x5741,
  dateUtc: 0x4461,
  title: 0x7ba9,
  segmentFilename: 0x7384,
  prevFilename: 0x3cb923,
  nextFilename: 0x3eb923,
  trackEntry: 0xae,
  trackName: 0x536e,
  codecName: 0x258688,
  clusterTimecode: 0xe7,
  clusterPosition: 0xa7,
  clusterPrevSize: 0xab,
  silentTracks: 0x5854,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
  blockDuration: 0x9b,
  encryptedBlock: 0xaf,
} as const;

/** What may sit inside a Cluster: the first element not in this set ends an unknown-size Cluster. */
const CLUSTER_CHILDREN: ReadonlySet<number> = new Set([
  EBML_IDS.clusterTimecode,
  EBML_IDS.clusterPosition,
  EBML_IDS.clusterPrevSize,
  EBML_IDS.silentTracks,
  EBML_IDS.simpleBlock,
  EBML_IDS.blockGroup,
  EBML_IDS.encryptedBlock,
  EBML_IDS.void,
  EBML_IDS.crc32,
]);

export class EbmlError extends Error {
  override readonly name = 'EbmlError';
}

export type EbmlElement = {
  readonly id: number;
  /** Offset of the element's first byte (its ID). */
  readonly start: number;
  /** Offset of the body. */
  readonly dataStart: number;
  /** Offset just past the body; for an unknown size, where the parser found it ends. */
  readonly end: number;
};

type Vint = { readonly value: number; readonly length: number; readonly unknown: boolean };

function vintLength(first: number, maxLength: number, offset: number): number {
  if (first === 0) throw new EbmlError(`invalid variable-length integer at ${offset}`);
  const length = Math.clz32(first) - 23;
  if (length > maxLength) throw new EbmlError(`variable-length integer too long at ${offset}`);
  return length;
}

/** An element ID, marker bits included (as the specification writes IDs). */
export function readId(bytes: Uint8Array, offset: number): Vint {
  const first = bytes[offset];
  if (first === undefined) throw new EbmlError(`truncated ID at ${offset}`);
  const length = vintLength(first, 4, offset);
  if (offset + length > bytes.length) throw new EbmlError(`truncated ID at ${offset}`);
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + (bytes[offset + i] ?? 0);
  return { value, length, unknown: false };
}

/** An element size, marker bit removed; all value bits set means "unknown". */
export function readSize(bytes: Uint8Array, offset: number): Vint {
  const first = bytes[offset];
  if (first === undefined) throw new EbmlError(`truncated size at ${offset}`);
  const length = vintLength(first, 8, offset);
  if (offset + length > bytes.length) throw new EbmlError(`truncated size at ${offset}`);
  let value = first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[offset + i] ?? 0;
    allOnes &&= byte === 0xff;
    value = value * 256 + byte;
  }
  if (allOnes) return { value: 0, length, unknown: true };
  if (!Number.isSafeInteger(value)) throw new EbmlError(`size too large at ${offset}`);
  return { value, length, unknown: false };
}

/** Where an unknown-size element ends, for the two kinds a streaming recorder writes. */
function unknownSizeEnd(bytes: Uint8Array, id: number, dataStart: number, limit: number): number {
  if (id === EBML_IDS.segment) return limit;
  if (id !== EBML_IDS.cluster) throw new EbmlError(`unknown size on element 0x${id.toString(16)}`);
  let position = dataStart;
  while (position < limit) {
    const child = readId(bytes, position);
    if (!CLUSTER_CHILDREN.has(child.value)) break;
    position = readElement(bytes, position, limit).end;
  }
  return position;
}

/** The element that starts at `offset` and must end by `limit`. */
export function readElement(bytes: Uint8Array, offset: number, limit: number): EbmlElement {
  const id = readId(bytes, offset);
  const size = readSize(bytes, offset + id.length);
  const dataStart = offset + id.length + size.length;
  const end = size.unknown ? unknownSizeEnd(bytes, id.value, dataStart, limit) : dataStart + size.value;
  if (end > limit) throw new EbmlError(`element 0x${id.value.toString(16)} at ${offset} runs past its parent`);
  return { id: id.value, start: offset, dataStart, end };
}

/** The elements between `from` and `to`, in order; they must tile the range exactly. */
export function readChildren(bytes: Uint8Array, from: number, to: number): EbmlElement[] {
  const children: EbmlElement[] = [];
  let position = from;
  while (position < to) {
    const element = readElement(bytes, position, to);
    children.push(element);
    position = element.end;
  }
  return children;
}

export function childrenOf(bytes: Uint8Array, parent: EbmlElement): EbmlElement[] {
  return readChildren(bytes, parent.dataStart, parent.end);
}

export function readUint(bytes: Uint8Array, element: EbmlElement): number {
  const length = element.end - element.dataStart;
  if (length > 7) throw new EbmlError(`unsigned integer of ${length} bytes at ${element.start}`);
  let value = 0;
  for (let i = element.dataStart; i < element.end; i++) value = value * 256 + (bytes[i] ?? 0);
  return value;
}

export function readFloat(bytes: Uint8Array, element: EbmlElement): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + element.dataStart, element.end - element.dataStart);
  if (view.byteLength === 4) return view.getFloat32(0);
  if (view.byteLength === 8) return view.getFloat64(0);
  if (view.byteLength === 0) return 0;
  throw new EbmlError(`float of ${view.byteLength} bytes at ${element.start}`);
}

export function readString(bytes: Uint8Array, element: EbmlElement): string {
  return new TextDecoder().decode(bytes.subarray(element.dataStart, element.end)).replace(/\0+$/, '');
}

/** Largest body a one-byte size can give (0x7f would read as "unknown"). */
const ONE_BYTE_SIZE_MAX = 126;

/** A Void element of exactly `total` bytes (ID, size and zeroed body); at least 2. */
export function voidElement(total: number): Uint8Array {
  if (!Number.isSafeInteger(total) || total < 2) throw new EbmlError(`a Void element cannot be ${total} bytes`);
  const bytes = new Uint8Array(total);
  bytes[0] = EBML_IDS.void;
  const body = total - 2;
  if (body <= ONE_BYTE_SIZE_MAX) {
    bytes[1] = 0x80 | body;
    return bytes;
  }
  // An eight-byte size: marker byte 0x01, then seven bytes of body length.
  let rest = total - 9;
  bytes[1] = 0x01;
  for (let i = 8; i >= 2; i--) {
    bytes[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return bytes;
}

/** Overwrites an element, header and body, with a Void of the same total size. */
export function voidInPlace(bytes: Uint8Array, element: EbmlElement): void {
  bytes.set(voidElement(element.end - element.start), element.start);
}

/** A Duration element (ID 0x4489, an 8-byte float): 11 bytes. */
export const DURATION_ELEMENT_BYTES = 11;

export function durationElement(ticks: number): Uint8Array {
  const bytes = new Uint8Array(DURATION_ELEMENT_BYTES);
  bytes.set([0x44, 0x89, 0x88]);
  new DataView(bytes.buffer).setFloat64(3, ticks);
  return bytes;
}
