/**
 * The place tree as pickers need it. Two shapes exist in Mali's list: a region has cercles,
 * which have communes; the district of Bamako has communes directly (and quartiers below
 * them, which the reporter is not asked for: too precise for someone's safety).
 */
import type { Place } from '@kenekanko/contracts';

export type PlaceIndex = {
  readonly byId: ReadonlyMap<string, Place>;
  /** Regions and districts, by name. */
  readonly topLevel: readonly Place[];
  readonly children: ReadonlyMap<string, readonly Place[]>;
};

export function indexPlaces(places: readonly Place[]): PlaceIndex {
  const byId = new Map<string, Place>();
  const children = new Map<string, Place[]>();
  for (const place of places) {
    byId.set(place.id, place);
    if (place.parentId === null) continue;
    const siblings = children.get(place.parentId) ?? [];
    siblings.push(place);
    children.set(place.parentId, siblings);
  }
  const byName = (a: Place, b: Place) => a.name.localeCompare(b.name, 'fr');
  for (const list of children.values()) list.sort(byName);
  const topLevel = places.filter((place) => place.parentId === null && (place.kind === 'region' || place.kind === 'district')).sort(byName);
  return { byId, topLevel, children };
}

export type PlaceChoices = {
  /** Cercles of the chosen region; empty for a district. */
  readonly cercles: readonly Place[];
  /** Communes of the chosen cercle, or of the chosen district. */
  readonly communes: readonly Place[];
};

const ofKind = (list: readonly Place[] | undefined, kind: Place['kind']) => (list ?? []).filter((place) => place.kind === kind);

export function placeChoices(index: PlaceIndex, regionId: string, cercleId: string): PlaceChoices {
  const region = index.byId.get(regionId);
  if (region === undefined) return { cercles: [], communes: [] };
  const cercles = ofKind(index.children.get(region.id), 'cercle');
  const directCommunes = ofKind(index.children.get(region.id), 'commune');
  if (cercles.length === 0) return { cercles, communes: directCommunes };
  const cercle = cercles.find((place) => place.id === cercleId);
  return { cercles, communes: cercle === undefined ? [] : ofKind(index.children.get(cercle.id), 'commune') };
}

export function placeName(index: PlaceIndex | null, id: string | null): string | null {
  if (id === null) return null;
  return index?.byId.get(id)?.name ?? id;
}
