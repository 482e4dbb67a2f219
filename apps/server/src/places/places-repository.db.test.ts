import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from '../../test/databases.ts';
import {
  areStatisticsPlacesValid,
  isChildOf,
  isPlaceOfKind,
  listCurrentPlaces,
  seedPlaces,
} from './places-repository.ts';

const NOW = new Date('2025-05-02T08:00:00.000Z');
const TODAY = '2025-05-02';

describe.each(DATABASE_KINDS)('places on %s', (kind) => {
  const open: TestDatabase[] = [];
  const fresh = async (seed: boolean): Promise<TestDatabase> => {
    const handle = await createTestDatabase(kind, { seed });
    open.push(handle);
    return handle;
  };
  afterEach(async () => {
    for (const handle of open.splice(0)) await handle.close();
  });

  it('seeds 11 top-level places, 56 cercles, 708 communes and 70 quartiers', async () => {
    const { db } = await fresh(false);
    expect(await seedPlaces(db, NOW)).toEqual({ inserted: 845 });
    const counts = await db.selectFrom('places').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').execute();
    expect(Object.fromEntries(counts.map((c) => [c.kind, c.n]))).toEqual({ region: 10, district: 1, cercle: 56, commune: 708, quartier: 70 });
    const top = await db.selectFrom('places').select('id').where('parent_id', 'is', null).orderBy('id').execute();
    expect(top).toHaveLength(11);
    const row = await db.selectFrom('places').selectAll().where('id', '=', 'cercle-segou-bla').executeTakeFirstOrThrow();
    expect(row).toEqual({ id: 'cercle-segou-bla', kind: 'cercle', parent_id: 'region-segou', name: 'Bla', valid_from: '2000-01-01', valid_to: null, source: 'geo-api-mali' });
  });

  it('is idempotent and leaves places an administrator changed as they are', async () => {
    const { db } = await fresh(false);
    await seedPlaces(db, NOW);
    await db.updateTable('places').set({ valid_to: '2023-07-01' }).where('id', '=', 'region-segou').execute();
    expect(await seedPlaces(db, new Date('2026-01-01T00:00:00.000Z'))).toEqual({ inserted: 0 });
    const total = await db.selectFrom('places').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(total.n).toBe(845);
    const segou = await db.selectFrom('places').select('valid_to').where('id', '=', 'region-segou').executeTakeFirstOrThrow();
    expect(segou.valid_to).toBe('2023-07-01');
    const seeded = await db.selectFrom('settings').select('value').where('key', '=', 'places_seed_day').executeTakeFirstOrThrow();
    expect(seeded.value).toBe(TODAY);
  });

  it('gives the same ids in two separate databases', async () => {
    const a = await fresh(false);
    const b = await fresh(false);
    await seedPlaces(a.db, NOW);
    await seedPlaces(b.db, NOW);
    const ids = async (h: TestDatabase) => (await h.db.selectFrom('places').select(['id', 'parent_id', 'name']).orderBy('id').execute());
    expect(await ids(a)).toEqual(await ids(b));
  });

  it('lists current places in the contracts shape, without closed or future ones', async () => {
    const { db } = await fresh(true);
    await db.updateTable('places').set({ valid_to: '2023-07-01' }).where('id', '=', 'region-kidal').execute();
    await db.insertInto('places').values({ id: 'region-bougouni', kind: 'region', parent_id: null, name: 'Bougouni', valid_from: '2026-01-01', valid_to: null, source: 'test' }).execute();
    const places = await listCurrentPlaces(db, TODAY);
    expect(places).toHaveLength(844);
    expect(places.find((p) => p.id === 'cercle-kayes-kita')).toEqual({ id: 'cercle-kayes-kita', kind: 'cercle', parentId: 'region-kayes', name: 'Kita' });
    expect(places.some((p) => p.id === 'region-kidal')).toBe(false);
    expect(places.some((p) => p.id === 'region-bougouni')).toBe(false);
    expect((await listCurrentPlaces(db, '2023-06-30')).some((p) => p.id === 'region-kidal')).toBe(true);
    expect((await listCurrentPlaces(db, '2026-01-01')).some((p) => p.id === 'region-bougouni')).toBe(true);
    const regions = places.filter((p) => p.parentId === null).map((p) => p.name);
    expect(regions).toEqual(['Bamako', 'Gao', 'Kayes', 'Koulikoro', 'Ménaka', 'Mopti', 'Ségou', 'Sikasso', 'Taoudénit', 'Tombouctou']);
  });

  it('checks kinds, parents and validity', async () => {
    const { db } = await fresh(true);
    expect(await isPlaceOfKind(db, 'region-segou', ['region', 'district'], TODAY)).toBe(true);
    expect(await isPlaceOfKind(db, 'district-bamako', ['region', 'district'], TODAY)).toBe(true);
    expect(await isPlaceOfKind(db, 'cercle-segou-bla', ['region', 'district'], TODAY)).toBe(false);
    expect(await isPlaceOfKind(db, 'region-atlantis', ['region'], TODAY)).toBe(false);
    expect(await isPlaceOfKind(db, 'region-segou', [], TODAY)).toBe(false);
    expect(await isPlaceOfKind(db, 'region-segou', ['region'], '1999-12-31')).toBe(false);
    expect(await isChildOf(db, 'cercle-segou-bla', 'region-segou')).toBe(true);
    expect(await isChildOf(db, 'cercle-segou-bla', 'region-kayes')).toBe(false);
    expect(await isChildOf(db, 'commune-bamako-commune-i', 'district-bamako')).toBe(true);
  });

  it('validates the statistics places: region level, then a cercle level place directly under it', async () => {
    const { db } = await fresh(true);
    expect(await areStatisticsPlacesValid(db, 'region-segou', null, TODAY)).toBe(true);
    expect(await areStatisticsPlacesValid(db, 'region-segou', 'cercle-segou-bla', TODAY)).toBe(true);
    expect(await areStatisticsPlacesValid(db, 'district-bamako', 'commune-bamako-commune-iv', TODAY)).toBe(true);
    expect(await areStatisticsPlacesValid(db, 'region-kayes', 'cercle-segou-bla', TODAY)).toBe(false);
    // A commune of a cercle is below the statistics level: it stays inside the encrypted answers.
    expect(await areStatisticsPlacesValid(db, 'region-kayes', 'commune-kayes-kita-tambaga', TODAY)).toBe(false);
    expect(await areStatisticsPlacesValid(db, 'cercle-segou-bla', null, TODAY)).toBe(false);
    expect(await areStatisticsPlacesValid(db, 'region-segou', 'region-segou', TODAY)).toBe(false);
  });
});
