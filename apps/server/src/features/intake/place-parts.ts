/**
 * The places a reporter's form needs, in parts (issue 4's 60 KB first load, counted strictly):
 * the outline (regions, the district of Bamako, cercles) with the form, and a cercle's or
 * district's communes when it is chosen. Quartiers are never sent to the reporter: the form
 * never asks them (they could point at a person).
 *
 * SECURITY: every communes answer has the same length (the JSON is padded with spaces to the
 * longest one, rounded up) and is sent uncompressed, so its size on the wire does not tell a
 * network observer which cercle was chosen. The cercle itself reaches the server in clear
 * with the alert's statistics anyway; the commune stays inside the sealed answers.
 */
import type { Place, PlaceKind } from '@kenekanko/contracts';

const OUTLINE_KINDS: ReadonlySet<PlaceKind> = new Set<PlaceKind>(['region', 'district', 'cercle']);

/** The padded length is a multiple of this, so that a new commune rarely changes it. */
const PAD_STEP = 1024;

export const placeOutline = (places: readonly Place[]): Place[] => places.filter((place) => OUTLINE_KINDS.has(place.kind));

/** The communes directly below `parentId`, or null when it is not a cercle, district or region. */
export function communesOf(places: readonly Place[], parentId: string): Place[] | null {
  if (!places.some((place) => place.id === parentId && OUTLINE_KINDS.has(place.kind))) return null;
  return places.filter((place) => place.parentId === parentId && place.kind === 'commune');
}

const answerOf = (communes: readonly Place[]): string => JSON.stringify({ places: communes });

const encoder = new TextEncoder();
/** Bytes on the wire (UTF-8): names have accents. */
const bytesOf = (text: string): number => encoder.encode(text).length;

/** The length in bytes every communes answer is padded to: the longest, rounded up to PAD_STEP. */
export function communesAnswerLength(places: readonly Place[]): number {
  const byParent = new Map<string, Place[]>();
  for (const place of places) {
    if (place.kind !== 'commune' || place.parentId === null) continue;
    byParent.set(place.parentId, [...(byParent.get(place.parentId) ?? []), place]);
  }
  const longest = Math.max(bytesOf(answerOf([])), ...[...byParent.values()].map((communes) => bytesOf(answerOf(communes))));
  return Math.ceil((longest + 1) / PAD_STEP) * PAD_STEP;
}

/** The JSON answer for `parentId`'s communes, padded to communesAnswerLength; null when `parentId` lists none. */
export function paddedCommunesAnswer(places: readonly Place[], parentId: string): string | null {
  const communes = communesOf(places, parentId);
  if (communes === null) return null;
  const body = answerOf(communes);
  return body + ' '.repeat(communesAnswerLength(places) - bytesOf(body));
}
