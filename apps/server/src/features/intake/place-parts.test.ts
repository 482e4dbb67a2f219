import { describe, expect, it } from 'vitest';
import type { Place } from '@kenekanko/contracts';
import { placeOutline } from './place-parts.ts';

const place = (id: string, kind: Place['kind'], parentId: string | null, name = id): Place => ({ id, kind, parentId, name });

const PLACES: readonly Place[] = [
  place('region-kayes', 'region', null),
  place('cercle-kayes-kita', 'cercle', 'region-kayes'),
  place('cercle-kayes-bafoulabe', 'cercle', 'region-kayes'),
  place('commune-kita-a', 'commune', 'cercle-kayes-kita', 'Sébékoro'),
  place('commune-bafoulabe-a', 'commune', 'cercle-kayes-bafoulabe'),
  place('district-bamako', 'district', null),
  place('commune-bamako-i', 'commune', 'district-bamako'),
  place('quartier-bamako-x', 'quartier', 'commune-bamako-i'),
];

describe('the places outline', () => {
  it('opens the form with regions, districts and cercles only, in the list order: never a commune or a quartier', () => {
    expect(placeOutline(PLACES).map((p) => p.id)).toEqual(['region-kayes', 'cercle-kayes-kita', 'cercle-kayes-bafoulabe', 'district-bamako']);
  });
});
