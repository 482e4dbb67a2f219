// Which HEIF items go: every item that is not a coded or derived image (EXIF, XMP and other
// 'mime' items, URIs, unknown types), every thumbnail, and the images only those use (a
// thumbnail's tiles, its alpha plane). The primary image and what it is built from stay.

import type { ItemInfo, ItemReference } from './heif-items.ts';
import { ScrubError } from './scrub-error.ts';

/** Item types that hold pixels: coded images and the derived images built from them. */
export const ITEM_IMAGE_TYPES: readonly string[] = ['hvc1', 'hev1', 'av01', 'avc1', 'jpeg', 'j2k1', 'vvc1', 'unci', 'grid', 'iovl', 'iden', 'tmap'];

/** References by which an image needs another item to be drawn. */
const NEEDS = ['dimg', 'base'];

export function removedItemLabel(info: ItemInfo): string {
  if (info.type === 'Exif') return 'EXIF';
  if (info.type === 'mime') return info.contentType === 'application/rdf+xml' ? 'XMP' : 'other metadata item';
  if (ITEM_IMAGE_TYPES.includes(info.type)) return 'thumbnail';
  return 'other metadata item';
}

export function itemsToRemove(infos: readonly ItemInfo[], refs: readonly ItemReference[], primary: number | undefined): Set<number> {
  const remove = new Set<number>(infos.filter((i) => !ITEM_IMAGE_TYPES.includes(i.type)).map((i) => i.id));
  for (const ref of refs) if (ref.type === 'thmb') remove.add(ref.from);
  // Items only removed items use: a removed image's inputs, and auxiliary images of removed images.
  for (let changed = true; changed; ) {
    changed = false;
    for (const info of infos) {
      if (remove.has(info.id) || info.id === primary) continue;
      const users = refs.filter((r) => NEEDS.includes(r.type) && r.to.includes(info.id)).map((r) => r.from);
      const auxOf = refs.filter((r) => r.type === 'auxl' && r.from === info.id).flatMap((r) => r.to);
      const orphan = (users.length > 0 && users.every((u) => remove.has(u))) || (auxOf.length > 0 && auxOf.every((m) => remove.has(m)));
      if (orphan) {
        remove.add(info.id);
        changed = true;
      }
    }
  }
  if (primary !== undefined && remove.has(primary)) throw new ScrubError('unsupported-feature', 'the primary HEIF item is not an image we can keep');
  for (const ref of refs) {
    if (NEEDS.includes(ref.type) && !remove.has(ref.from) && ref.to.some((id) => remove.has(id))) {
      throw new ScrubError('unsupported-feature', `image item ${ref.from} is built from an item we must remove`);
    }
  }
  return remove;
}
