/**
 * Places in the database: the initial load from the vendored seed, the list a place picker
 * shows, and the checks the server makes on an alert's statistics fields.
 *
 * A place is current on `day` when valid_from <= day < valid_to (valid_to null = still
 * current). A reorganisation (Mali's 19 regions of 2023, and later ones) closes old places
 * with valid_to and adds new ones: old alerts keep pointing at the places they were filed
 * under, and statistics over old periods stay true.
 */
import { PlaceSchema, type Place, type PlaceKind } from '@kenekanko/contracts';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { dayOf } from '../db/days.ts';
import type { Database } from '../db/schema.ts';
import { SEED_SOURCE, SEED_VALID_FROM, SeedTreeSchema, buildSeedPlaces, type SeedPlace } from './seed-tree.ts';
import seedJson from './seed/mali-admin.json' with { type: 'json' };

type Db = Kysely<Database>;

/** Kinds that may stand in an alert's regionId. */
export const REGION_LEVEL_KINDS: readonly PlaceKind[] = ['region', 'district'];
/** Kinds that may stand in an alert's cercleId (a commune only directly under the district). */
export const CERCLE_LEVEL_KINDS: readonly PlaceKind[] = ['cercle', 'commune'];

const SEED_DAY_SETTING = 'places_seed_day';
const INSERT_BATCH = 100;

let seedCache: readonly SeedPlace[] | undefined;

/** The seed's places, parsed and built once per process. */
export function seedPlaceList(): readonly SeedPlace[] {
  seedCache ??= buildSeedPlaces(v.parse(SeedTreeSchema, seedJson));
  return seedCache;
}

/**
 * Loads the seed places that are missing; places already there are left untouched (an
 * administrator may have closed them). Safe to run at every start, and concurrently.
 */
export async function seedPlaces(db: Db, now: Date): Promise<{ readonly inserted: number }> {
  return db.transaction().execute(async (trx) => {
    const existing = new Set((await trx.selectFrom('places').select('id').execute()).map((row) => row.id));
    const missing = seedPlaceList().filter((place) => !existing.has(place.id));
    for (let i = 0; i < missing.length; i += INSERT_BATCH) {
      const rows = missing.slice(i, i + INSERT_BATCH).map((place) => ({
        id: place.id,
        kind: place.kind,
        parent_id: place.parentId,
        name: place.name,
        valid_from: SEED_VALID_FROM,
        valid_to: null,
        source: SEED_SOURCE,
      }));
      await trx.insertInto('places').values(rows).onConflict((oc) => oc.column('id').doNothing()).execute();
    }
    // Kept for the operations guide: when this deployment first loaded its place list.
    await trx
      .insertInto('settings')
      .values({ key: SEED_DAY_SETTING, value: dayOf(now) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return { inserted: missing.length };
  });
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Every place current on `day` ('YYYY-MM-DD'), sorted by name then id. */
export async function listCurrentPlaces(db: Db, day: string): Promise<Place[]> {
  const rows = await db
    .selectFrom('places')
    .select(['id', 'kind', 'parent_id', 'name'])
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .execute();
  const places = rows.map((row) => v.parse(PlaceSchema, { id: row.id, kind: row.kind, parentId: row.parent_id, name: row.name }));
  return places.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** True when `id` is a place of one of `kinds`, current on `day`. */
export async function isPlaceOfKind(db: Db, id: string, kinds: readonly PlaceKind[], day: string): Promise<boolean> {
  if (kinds.length === 0) return false;
  const row = await db
    .selectFrom('places')
    .select('id')
    .where('id', '=', id)
    .where('kind', 'in', [...kinds])
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .executeTakeFirst();
  return row !== undefined;
}

/** True when `parentId` is the direct parent of `childId`. */
export async function isChildOf(db: Db, childId: string, parentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('places')
    .select('id')
    .where('id', '=', childId)
    .where('parent_id', '=', parentId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The statistics fields' places (DESIGN §2): a current region or the district, and either no
 * cercle or a current cercle-level place directly under it (a cercle of that region, or one
 * of Bamako's communes under the district).
 */
export async function areStatisticsPlacesValid(
  db: Db,
  regionId: string,
  cercleId: string | null,
  day: string,
): Promise<boolean> {
  if (!(await isPlaceOfKind(db, regionId, REGION_LEVEL_KINDS, day))) return false;
  if (cercleId === null) return true;
  return (await isPlaceOfKind(db, cercleId, CERCLE_LEVEL_KINDS, day)) && isChildOf(db, cercleId, regionId);
}
