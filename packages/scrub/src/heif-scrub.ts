// Lossless HEIF/HEIC (and AVIF: the same container with AV1-coded items) cleaner. Photos are items in the 'meta' box: coded images (and the grid
// or overlay items built from them) stay; EXIF, XMP and other metadata items, thumbnails and
// items only those use are removed: their bytes are zeroed in the file and their entries
// left out of iinf, iloc, iref and ipma. The ICC profile property is rebuilt; rotation and
// mirroring (irot, imir) are properties too and are kept, so the photo stays upright.
//
// SECURITY: a keep-list of image item types and of meta children. The rebuilt meta box is
// padded with a 'free' box to its old size, so no offset after it moves, and a kept item whose
// bytes lie inside the meta box (they would move) fails the file.

import { addOnce, concatBytes, sameBytes, u16be, u32be } from './bytes.ts';
import { exifLabel, readExifSummary } from './exif-summary.ts';
import { itemsToRemove, removedItemLabel } from './heif-removal.ts';
import {
  readItemInfos, readItemLocations, readItemReferences, writeItemInfos, writeItemLocations, writeItemReferences,
  writePropertyAssociations, type ItemLocation,
} from './heif-items.ts';
import { boxBytes, childBoxes, freeBox, fullBoxBody, type Box } from './iso-bmff-boxes.ts';
import { cleanIsoFile } from './iso-bmff-file.ts';
import { sanitizeIccProfile } from './icc-profile.ts';
import { ScrubError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';

const META_KEPT = ['hdlr', 'pitm', 'iloc', 'iinf', 'iref', 'iprp', 'idat', 'dinf', 'grpl'];
const FREE_HEADER = 8;

type Meta = { readonly box: Box; readonly children: readonly Box[]; readonly idat: Box | undefined };

function itemBytes(out: Uint8Array, meta: Meta, loc: ItemLocation): Uint8Array[] {
  if (loc.dataReference !== 0) return [];
  const base = loc.method === 1 ? (meta.idat?.payload ?? 0) : 0;
  return loc.extents.map((e) => {
    const start = base + e.offset;
    const end = start + (e.length === 0 ? out.length - start : e.length);
    if (start < 0 || end > out.length || end < start) throw new ScrubError('malformed', `item ${loc.id} lies outside the file`);
    return out.subarray(start, end);
  });
}

function exifItemLabel(data: Uint8Array): string {
  // An Exif item starts with the offset of the TIFF header from the end of this 4-byte field.
  const skip = 4 + (((data[0] ?? 0) << 24) | ((data[1] ?? 0) << 16) | ((data[2] ?? 0) << 8) | (data[3] ?? 0));
  const tiff = data.subarray(Math.min(skip, data.length));
  return exifLabel(readExifSummary(tiff), tiff) ?? 'EXIF';
}

/** ipco with the ICC profile rebuilt and user descriptions (names, tags) blanked. */
function cleanProperties(out: Uint8Array, ipco: Box, removed: string[]): Uint8Array {
  const props = childBoxes(out, ipco.payload, ipco.end, 'ipco').map((p) => {
    const raw = out.subarray(p.start, p.end);
    if (p.type === 'udes') {
      addOnce(removed, 'description');
      return freeBox(FREE_HEADER); // ipma counts properties by position: keep one box in its place
    }
    const kind = String.fromCharCode(...out.subarray(p.payload, p.payload + 4));
    if (p.type !== 'colr' || (kind !== 'prof' && kind !== 'rICC')) return raw;
    const profile = out.subarray(p.payload + 4, p.end);
    const clean = sanitizeIccProfile(profile);
    if (clean === undefined) {
      addOnce(removed, 'ICC profile');
      return freeBox(FREE_HEADER);
    }
    if (!sameBytes(clean, profile)) addOnce(removed, 'ICC profile names and dates');
    return boxBytes('colr', concatBytes([out.subarray(p.payload, p.payload + 4), clean]));
  });
  return boxBytes('ipco', concatBytes(props));
}

function cleanMeta(out: Uint8Array, metaBox: Box, removed: string[]): void {
  const children = childBoxes(out, fullBoxBody(metaBox), metaBox.end, 'meta');
  const find = (type: string): Box | undefined => children.find((c) => c.type === type);
  const meta: Meta = { box: metaBox, children, idat: find('idat') };
  const [iinf, iloc] = [find('iinf'), find('iloc')];
  if (find('ipro') !== undefined) throw new ScrubError('unsupported-feature', 'protected (encrypted) HEIF items');
  if (iinf === undefined || iloc === undefined) throw new ScrubError('malformed', 'HEIF meta box without item information or locations');
  const infos = readItemInfos(out, iinf);
  const locations = readItemLocations(out, iloc);
  const iref = find('iref');
  const refs = iref === undefined ? [] : readItemReferences(out, iref);
  const pitm = find('pitm');
  const primary = pitm === undefined ? undefined : out[pitm.payload] === 0 ? u16be(out, fullBoxBody(pitm)) : u32be(out, fullBoxBody(pitm));
  const remove = itemsToRemove(infos, refs, primary);
  for (const info of infos.filter((i) => remove.has(i.id))) {
    const loc = locations.find((l) => l.id === info.id);
    const data = loc === undefined ? [] : itemBytes(out, meta, loc);
    addOnce(removed, info.type === 'Exif' && data[0] !== undefined ? exifItemLabel(concatBytes(data)) : removedItemLabel(info));
    for (const d of data) d.fill(0);
  }
  for (const loc of locations.filter((l) => !remove.has(l.id) && l.method === 0 && l.dataReference === 0)) {
    if (loc.extents.some((e) => e.offset < metaBox.end && e.offset + e.length > metaBox.start)) {
      throw new ScrubError('unsupported-feature', `item ${loc.id} is stored inside the meta box`);
    }
  }
  if (locations.some((l) => l.method === 2)) throw new ScrubError('unsupported-feature', 'HEIF item stored inside another item');
  const keep = (id: number): boolean => !remove.has(id);
  const rebuilt = children.flatMap((c): Uint8Array[] => {
    switch (c.type) {
      case 'iinf':
        return [writeItemInfos(out, c, infos.filter((i) => keep(i.id)))];
      case 'iloc':
        return [writeItemLocations(out, c, locations.filter((l) => keep(l.id)))];
      case 'iref': {
        const kept = refs.filter((r) => keep(r.from)).map((r) => ({ ...r, to: r.to.filter(keep) })).filter((r) => r.to.length > 0);
        return kept.length === 0 ? [] : [writeItemReferences(out, c, kept)];
      }
      case 'iprp':
        return [boxBytes('iprp', concatBytes(childBoxes(out, c.payload, c.end, 'iprp').map((p) =>
          p.type === 'ipco' ? cleanProperties(out, p, removed) : p.type === 'ipma' ? writePropertyAssociations(out, p, keep) : out.subarray(p.start, p.end))))];
      case 'hdlr': {
        const hdlr = out.slice(c.start, c.end);
        hdlr.fill(0, fullBoxBody(c) - c.start + 8); // reserved fields and name
        return [hdlr];
      }
      case 'free':
      case 'skip':
        return []; // padding, ours or another writer's
      default:
        if (META_KEPT.includes(c.type)) return [out.subarray(c.start, c.end)];
        addOnce(removed, c.type === 'xml ' || c.type === 'bxml' ? 'XML metadata' : `other metadata (${c.type.trim()})`);
        return [];
    }
  });
  writeMeta(out, meta, rebuilt);
}

/** Writes the rebuilt children back into the meta box, padded with 'free' to the same size. */
function writeMeta(out: Uint8Array, meta: Meta, children: readonly Uint8Array[]): void {
  const head = out.slice(meta.box.start, fullBoxBody(meta.box));
  const body = concatBytes(children);
  const spare = meta.box.end - meta.box.start - head.length - body.length;
  if (spare < 0 || (spare > 0 && spare < FREE_HEADER)) {
    throw new ScrubError('unsupported-feature', 'the cleaned HEIF metadata does not fit in place');
  }
  out.set(concatBytes([head, body, spare > 0 ? freeBox(spare) : new Uint8Array()]), meta.box.start);
}

export function cleanHeif(bytes: Uint8Array): CleanOutput {
  return cleanIsoFile(bytes, cleanMeta);
}
