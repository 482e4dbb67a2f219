import { describe, expect, it } from 'vitest';
import type { Place } from '@kenekanko/contracts';
import { indexPlaces, placeChoices, placeName } from './places.ts';

const place = (id: string, kind: Place['kind'], parentId: string | null, name: string): Place => ({ id, kind, parentId, name });

const places: Place[] = [
  place('segou', 'region', null, 'Ségou'),
  place('bamako', 'district', null, 'Bamako'),
  place('kayes', 'region', null, 'Kayes'),
  place('segou-niono', 'cercle', 'segou', 'Niono'),
  place('segou-baroueli', 'cercle', 'segou', 'Barouéli'),
  place('segou-niono-niono', 'commune', 'segou-niono', 'Niono'),
  place('segou-niono-pogo', 'commune', 'segou-niono', 'Pogo'),
  place('segou-baroueli-konobougou', 'commune', 'segou-baroueli', 'Konobougou'),
  place('bamako-commune-ii', 'commune', 'bamako', 'Commune II'),
  place('bamako-commune-i', 'commune', 'bamako', 'Commune I'),
  place('bamako-commune-i-banconi', 'quartier', 'bamako-commune-i', 'Banconi'),
];

describe('places', () => {
  const index = indexPlaces(places);

  it('lists regions and the district by name', () => {
    expect(index.topLevel.map((p) => p.id)).toEqual(['bamako', 'kayes', 'segou']);
  });

  it('offers cercles then their communes for a region', () => {
    const none = placeChoices(index, 'segou', '');
    expect(none.cercles.map((p) => p.name)).toEqual(['Barouéli', 'Niono']);
    expect(none.communes).toEqual([]);
    expect(placeChoices(index, 'segou', 'segou-niono').communes.map((p) => p.id)).toEqual(['segou-niono-niono', 'segou-niono-pogo']);
  });

  it('offers the communes of Bamako directly, with no cercle and no quartier', () => {
    const bamako = placeChoices(index, 'bamako', '');
    expect(bamako.cercles).toEqual([]);
    expect(bamako.communes.map((p) => p.id)).toEqual(['bamako-commune-i', 'bamako-commune-ii']);
  });

  it('never offers a cercle of another region', () => {
    expect(placeChoices(index, 'kayes', 'segou-niono')).toEqual({ cercles: [], communes: [] });
    expect(placeChoices(index, 'nowhere', '')).toEqual({ cercles: [], communes: [] });
  });

  it('names a place, falling back to its id when unknown', () => {
    expect(placeName(index, 'segou')).toBe('Ségou');
    expect(placeName(index, 'gone-place')).toBe('gone-place');
    expect(placeName(null, 'segou')).toBe('segou');
    expect(placeName(index, null)).toBeNull();
  });
});
