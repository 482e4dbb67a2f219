// Reads and rewrites the item tables of a HEIF 'meta' box (ISO/IEC 23008-12, 14496-12 §8.11):
// iinf (what each item is), iloc (where its bytes are), iref (how items refer to each other)
// and ipma (which properties each item has). Entries are kept byte for byte; rewriting a
// table only leaves some entries out and fixes its count.

import { concatBytes, latin1, putU16be, putU32be, u16be, u32be } from './bytes.ts';
import { boxBytes, childBoxes, fullBoxBody, type Box } from './iso-bmff-boxes.ts';
import { ScrubError } from './scrub-error.ts';

export type ItemInfo = { readonly id: number; readonly type: string; readonly contentType: string; readonly raw: Uint8Array };
export type Extent = { readonly offset: number; readonly length: number };
export type ItemLocation = {
  readonly id: number;
  /** 0: file offsets, 1: offsets into idat, 2: offsets into another item. */
  readonly method: number;
  readonly dataReference: number;
  readonly extents: readonly Extent[];
  readonly raw: Uint8Array;
};
export type ItemReference = { readonly type: string; readonly from: number; readonly to: readonly number[] };

function readSized(b: Uint8Array, at: number, size: number): number {
  if (size === 0) return 0;
  if (size === 4) return u32be(b, at);
  if (size === 8) return u32be(b, at) * 0x1_0000_0000 + u32be(b, at + 4);
  throw new ScrubError('malformed', `item location field of ${size} bytes`);
}

function cString(b: Uint8Array, at: number, end: number): { readonly value: string; readonly next: number } {
  const nul = b.indexOf(0, at);
  const stop = nul < 0 || nul >= end ? end : nul;
  return { value: latin1(b, at, stop), next: stop + 1 };
}

export function readItemInfos(b: Uint8Array, iinf: Box): ItemInfo[] {
  const version = b[iinf.payload] ?? 0;
  const first = fullBoxBody(iinf) + (version === 0 ? 2 : 4);
  return childBoxes(b, first, iinf.end, 'iinf').map((infe): ItemInfo => {
    const v = b[infe.payload] ?? 0;
    const at = fullBoxBody(infe);
    const raw = b.subarray(infe.start, infe.end);
    // Versions 0 and 1 have no item type: we treat such an item as unknown (never an image).
    if (infe.type !== 'infe' || v < 2) return { id: u16be(b, at), type: '', contentType: '', raw };
    const id = v === 2 ? u16be(b, at) : u32be(b, at);
    const typeAt = at + (v === 2 ? 4 : 6);
    const type = latin1(b, typeAt, typeAt + 4);
    const name = cString(b, typeAt + 4, infe.end);
    const contentType = type === 'mime' ? cString(b, name.next, infe.end).value : '';
    return { id, type, contentType, raw };
  });
}

export function writeItemInfos(b: Uint8Array, iinf: Box, kept: readonly ItemInfo[]): Uint8Array {
  const version = b[iinf.payload] ?? 0;
  const count = new Uint8Array(version === 0 ? 2 : 4);
  if (version === 0) putU16be(count, 0, kept.length);
  else putU32be(count, 0, kept.length);
  return boxBytes('iinf', concatBytes([b.subarray(iinf.payload, iinf.payload + 4), count, ...kept.map((i) => i.raw)]));
}

export function readItemLocations(b: Uint8Array, iloc: Box): ItemLocation[] {
  const version = b[iloc.payload] ?? 0;
  let at = fullBoxBody(iloc);
  const [sizes1, sizes2] = [b[at] ?? 0, b[at + 1] ?? 0];
  const [offsetSize, lengthSize, baseSize] = [sizes1 >> 4, sizes1 & 15, sizes2 >> 4];
  const indexSize = version === 0 ? 0 : sizes2 & 15;
  at += 2;
  const count = version < 2 ? u16be(b, at) : u32be(b, at);
  at += version < 2 ? 2 : 4;
  const items: ItemLocation[] = [];
  for (let i = 0; i < count; i++) {
    const start = at;
    const id = version < 2 ? u16be(b, at) : u32be(b, at);
    at += version < 2 ? 2 : 4;
    const method = version === 0 ? 0 : u16be(b, at) & 15;
    if (version > 0) at += 2;
    const dataReference = u16be(b, at);
    const base = readSized(b, at + 2, baseSize);
    at += 2 + baseSize;
    const extentCount = u16be(b, at);
    at += 2;
    const extents: Extent[] = [];
    for (let e = 0; e < extentCount; e++) {
      at += indexSize;
      extents.push({ offset: base + readSized(b, at, offsetSize), length: readSized(b, at + offsetSize, lengthSize) });
      at += offsetSize + lengthSize;
    }
    if (at > iloc.end) throw new ScrubError('malformed', `item location table at offset ${iloc.start} is too short`);
    items.push({ id, method, dataReference, extents, raw: b.subarray(start, at) });
  }
  return items;
}

export function writeItemLocations(b: Uint8Array, iloc: Box, kept: readonly ItemLocation[]): Uint8Array {
  const version = b[iloc.payload] ?? 0;
  const head = b.slice(iloc.payload, fullBoxBody(iloc) + 2 + (version < 2 ? 2 : 4));
  if (version < 2) putU16be(head, head.length - 2, kept.length);
  else putU32be(head, head.length - 4, kept.length);
  return boxBytes('iloc', concatBytes([head, ...kept.map((i) => i.raw)]));
}

export function readItemReferences(b: Uint8Array, iref: Box): ItemReference[] {
  const wide = (b[iref.payload] ?? 0) !== 0;
  const read = (at: number): number => (wide ? u32be(b, at) : u16be(b, at));
  const w = wide ? 4 : 2;
  return childBoxes(b, fullBoxBody(iref), iref.end, 'iref').map((box): ItemReference => {
    const count = u16be(b, box.payload + w);
    if (box.payload + w + 2 + count * w > box.end) throw new ScrubError('malformed', `item reference at offset ${box.start} is too short`);
    return { type: box.type, from: read(box.payload), to: Array.from({ length: count }, (_, i) => read(box.payload + w + 2 + i * w)) };
  });
}

export function writeItemReferences(b: Uint8Array, iref: Box, refs: readonly ItemReference[]): Uint8Array {
  const wide = (b[iref.payload] ?? 0) !== 0;
  const w = wide ? 4 : 2;
  const boxes = refs.map((ref) => {
    const payload = new Uint8Array(w + 2 + ref.to.length * w);
    const put = (at: number, v: number): void => (wide ? putU32be(payload, at, v) : putU16be(payload, at, v));
    put(0, ref.from);
    putU16be(payload, w, ref.to.length);
    ref.to.forEach((id, i) => put(w + 2 + i * w, id));
    return boxBytes(ref.type, payload);
  });
  return boxBytes('iref', concatBytes([b.subarray(iref.payload, iref.payload + 4), ...boxes]));
}

/** ipma without the entries of items not in `keep`. */
export function writePropertyAssociations(b: Uint8Array, ipma: Box, keep: (id: number) => boolean): Uint8Array {
  const version = b[ipma.payload] ?? 0;
  const wideIndex = ((b[ipma.payload + 3] ?? 0) & 1) !== 0;
  let at = fullBoxBody(ipma);
  const count = u32be(b, at);
  at += 4;
  const entries: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const start = at;
    const id = version < 1 ? u16be(b, at) : u32be(b, at);
    at += version < 1 ? 2 : 4;
    at += 1 + (b[at] ?? 0) * (wideIndex ? 2 : 1);
    if (at > ipma.end) throw new ScrubError('malformed', `property associations at offset ${ipma.start} are too short`);
    if (keep(id)) entries.push(b.subarray(start, at));
  }
  const head = b.slice(ipma.payload, ipma.payload + 8);
  putU32be(head, 4, entries.length);
  return boxBytes('ipma', concatBytes([head, ...entries]));
}
