import { PlaceIdSchema } from '@kenekanko/contracts';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { seedPlaceList } from './places-repository.ts';
import { buildSeedPlaces, slugify } from './seed-tree.ts';

describe('slugify', () => {
  it.each([
    ['Ségou', 'segou'],
    ['Nioro du sahel', 'nioro-du-sahel'],
    ['N’Tomikorobougou', 'n-tomikorobougou'],
    ['Abeïbara', 'abeibara'],
    ['Commune IV', 'commune-iv'],
    ['  Tin-Essako ', 'tin-essako'],
    ['Dravela1 Bolibana', 'dravela1-bolibana'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe('buildSeedPlaces', () => {
  it('names places by kind and path, Bamako as a district with communes and quartiers', () => {
    const places = buildSeedPlaces([
      { name: 'Bamako', communes: [{ name: 'Commune I', quartiers: [{ name: 'Banconi' }] }] },
      { name: 'Segou', cercles: [{ name: 'Bla', communes: [{ name: 'Diaramana' }] }] },
    ]);
    expect(places).toEqual([
      { id: 'district-bamako', kind: 'district', parentId: null, name: 'Bamako' },
      { id: 'commune-bamako-commune-i', kind: 'commune', parentId: 'district-bamako', name: 'Commune I' },
      { id: 'quartier-bamako-commune-i-banconi', kind: 'quartier', parentId: 'commune-bamako-commune-i', name: 'Banconi' },
      { id: 'region-segou', kind: 'region', parentId: null, name: 'Ségou' },
      { id: 'cercle-segou-bla', kind: 'cercle', parentId: 'region-segou', name: 'Bla' },
      { id: 'commune-segou-bla-diaramana', kind: 'commune', parentId: 'cercle-segou-bla', name: 'Diaramana' },
    ]);
  });

  it('suffixes repeated sibling names in source order, and only siblings', () => {
    const places = buildSeedPlaces([
      {
        name: 'Kayes',
        cercles: [
          { name: 'Kita', communes: [{ name: 'Tambaga' }, { name: 'Kita' }, { name: 'Tambaga' }, { name: 'TAMBAGA' }] },
          { name: 'Kayes', communes: [{ name: 'Tambaga' }] },
        ],
      },
    ]);
    expect(places.map((p) => p.id)).toEqual([
      'region-kayes',
      'cercle-kayes-kita',
      'commune-kayes-kita-tambaga',
      'commune-kayes-kita-kita',
      'commune-kayes-kita-tambaga-2',
      'commune-kayes-kita-tambaga-3',
      'cercle-kayes-kayes',
      'commune-kayes-kayes-tambaga',
    ]);
  });

  it('refuses a tree whose ids would collide', () => {
    // 'Kita 2' slugs to the id the second 'Kita' would get.
    expect(() => buildSeedPlaces([{ name: 'Kita', cercles: [] }, { name: 'Kita', cercles: [] }, { name: 'Kita 2', cercles: [] }])).toThrow(
      /duplicate place id/,
    );
  });

  it('capitalises lower-case source names for display without changing the id', () => {
    const places = buildSeedPlaces([{ name: 'Gao', cercles: [{ name: 'gao', communes: [] }] }]);
    expect(places[1]).toEqual({ id: 'cercle-gao-gao', kind: 'cercle', parentId: 'region-gao', name: 'Gao' });
  });
});

describe('the vendored seed', () => {
  it('has the expected shape: 10 regions and the district, 56 cercles, 708 communes, 70 quartiers', () => {
    const places = seedPlaceList();
    const countOf = (kind: string) => places.filter((p) => p.kind === kind).length;
    expect(countOf('region')).toBe(10);
    expect(countOf('district')).toBe(1);
    expect(countOf('cercle')).toBe(56);
    expect(countOf('commune')).toBe(702 + 6);
    expect(countOf('quartier')).toBe(70);
    expect(places).toHaveLength(845);
  });

  it('gives every place a unique id that the contracts accept, parents listed first', () => {
    const places = seedPlaceList();
    const seen = new Set<string>();
    for (const place of places) {
      expect(v.is(PlaceIdSchema, place.id), place.id).toBe(true);
      expect(seen.has(place.id)).toBe(false);
      if (place.parentId !== null) expect(seen.has(place.parentId), place.id).toBe(true);
      seen.add(place.id);
    }
  });

  it('keeps both Tambaga communes of Kita apart', () => {
    const ids = seedPlaceList().filter((p) => p.parentId === 'cercle-kayes-kita' && p.name === 'Tambaga').map((p) => p.id);
    expect(ids).toEqual(['commune-kayes-kita-tambaga', 'commune-kayes-kita-tambaga-2']);
  });
});
