/**
 * The places a reporter's form opens with (issue 4's 60 KB first load, counted strictly): the
 * outline (regions, the district of Bamako, cercles). A cercle's communes come from the whole
 * list (`/api/places`), fetched once when a cercle is first chosen.
 *
 * SECURITY: there is no route per cercle. A request that named the chosen cercle would tell a
 * network observer (its path changes HTTP/2 header compression, padding or not) and every
 * access log which cercle was chosen, before anything is sealed and even for an alert never
 * sent. The outline and the whole list are the same for everyone.
 */
import type { Place, PlaceKind } from '@kenekanko/contracts';

const OUTLINE_KINDS: ReadonlySet<PlaceKind> = new Set<PlaceKind>(['region', 'district', 'cercle']);

export const placeOutline = (places: readonly Place[]): Place[] => places.filter((place) => OUTLINE_KINDS.has(place.kind));
