/**
 * Turns the vendored place tree (seed/mali-admin.json, see seed/SOURCE.md) into rows with
 * stable ids. Pure: no database, so the id rules are tested on their own.
 *
 * Ids are slugs of the source names along the path, prefixed by the kind:
 *   region-segou, cercle-segou-bla, commune-segou-bla-diaramana,
 *   district-bamako, commune-bamako-commune-i, quartier-bamako-commune-i-banconi.
 * Two siblings whose names give the same slug (the source lists 'Tambaga' twice under Kita)
 * get '-2', '-3' … in source order, so ids never collide and never depend on anything but the
 * file. SECURITY (integrity): alerts and statistics keep these ids forever; never rename an
 * entry in the seed file; load a reorganisation as new places with valid_from instead.
 *
 * Bamako: the district is a top-level place of kind 'district' (region level for statistics);
 * its six communes have kind 'commune' and sit directly under it, so for statistics they play
 * the part of a cercle (which is what they are administratively); quartiers sit under them.
 */
import type { PlaceKind } from '@kenekanko/contracts';
import * as v from 'valibot';

export const SEED_SOURCE = 'geo-api-mali';
export const SEED_VALID_FROM = '2000-01-01';

const NamedSchema = v.object({ name: v.pipe(v.string(), v.trim(), v.minLength(1)) });
const CommuneSchema = v.object({ ...NamedSchema.entries, quartiers: v.optional(v.array(NamedSchema)) });
const TopLevelSchema = v.object({
  ...NamedSchema.entries,
  cercles: v.optional(v.array(v.object({ ...NamedSchema.entries, communes: v.optional(v.array(NamedSchema)) }))),
  communes: v.optional(v.array(CommuneSchema)),
});
export const SeedTreeSchema = v.array(TopLevelSchema);
export type SeedTree = v.InferOutput<typeof SeedTreeSchema>;

export type SeedPlace = {
  readonly id: string;
  readonly kind: PlaceKind;
  readonly parentId: string | null;
  readonly name: string;
};

/** Accent-free lower-case ASCII with dashes: 'Nioro du sahel' → 'nioro-du-sahel', 'N’Tomikorobougou' → 'n-tomikorobougou'. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Official spellings for names the source writes without accents or capitals. Display only:
 * ids are always made from the source name, so a correction here never moves an id.
 */
const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  Segou: 'Ségou',
  Menaka: 'Ménaka',
  Taoudenit: 'Taoudénit',
};

function displayName(source: string): string {
  const corrected = DISPLAY_NAMES[source] ?? source;
  return corrected.charAt(0).toLocaleUpperCase('fr') + corrected.slice(1);
}

/** Slugs for one set of siblings, with '-2', '-3' … for repeats, in source order. */
function siblingSlugs(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = slugify(name);
    if (base === '') throw new Error('a place name has no letter or digit');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

type Emit = (id: string, kind: PlaceKind, parentId: string | null, name: string) => void;

/** Emits `items` as children of `parent`, each followed at once by its own children (depth first). */
function emitChildren<T extends { readonly name: string }>(
  emit: Emit,
  items: readonly T[],
  kind: PlaceKind,
  parent: { readonly id: string; readonly path: string },
  emitGrandchildren: (item: T, self: { readonly id: string; readonly path: string }) => void = () => undefined,
): void {
  const slugs = siblingSlugs(items.map((item) => item.name));
  items.forEach((item, i) => {
    const path = `${parent.path}-${slugs[i] ?? ''}`;
    const self = { id: `${kind}-${path}`, path };
    emit(self.id, kind, parent.id, displayName(item.name));
    emitGrandchildren(item, self);
  });
}

/** Every place of the tree, parents before children; throws if two ids would collide. */
export function buildSeedPlaces(tree: SeedTree): SeedPlace[] {
  const places: SeedPlace[] = [];
  const ids = new Set<string>();
  const emit: Emit = (id, kind, parentId, name) => {
    if (ids.has(id)) throw new Error(`duplicate place id ${id}`);
    ids.add(id);
    places.push({ id, kind, parentId, name });
  };
  const topSlugs = siblingSlugs(tree.map((top) => top.name));
  tree.forEach((top, i) => {
    const path = topSlugs[i] ?? '';
    // A top-level entry split into communes rather than cercles is the district of Bamako.
    const kind: PlaceKind = top.cercles === undefined && top.communes !== undefined ? 'district' : 'region';
    const self = { id: `${kind}-${path}`, path };
    emit(self.id, kind, null, displayName(top.name));
    emitChildren(emit, top.cercles ?? [], 'cercle', self, (cercle, at) => {
      emitChildren(emit, cercle.communes ?? [], 'commune', at);
    });
    emitChildren(emit, top.communes ?? [], 'commune', self, (commune, at) => {
      emitChildren(emit, commune.quartiers ?? [], 'quartier', at);
    });
  });
  return places;
}
