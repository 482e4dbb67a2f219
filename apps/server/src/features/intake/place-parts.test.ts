import { describe, expect, it } from 'vitest';
import type { Place } from '@kenekanko/contracts';
import { communesAnswerLength, communesOf, paddedCommunesAnswer, placeOutline } from './place-parts.ts';

const place = (id: string, kind: Place['kind'], parentId: string | null, name = id): Place => ({ id, kind, parentId, name });

const PLACES: readonly Place[] = [
  place('region-kayes', 'region', null),
  place('cercle-kayes-kita', 'cercle', 'region-kayes'),
  place('cercle-kayes-bafoulabe', 'cercle', 'region-kayes'),
  place('commune-kita-a', 'commune', 'cercle-kayes-kita', 'Sébékoro'),
  place('commune-kita-b', 'commune', 'cercle-kayes-kita', 'A long commune name '.repeat(60)),
  place('commune-bafoulabe-a', 'commune', 'cercle-kayes-bafoulabe'),
  place('district-bamako', 'district', null),
  place('commune-bamako-i', 'commune', 'district-bamako'),
  place('quartier-bamako-x', 'quartier', 'commune-bamako-i'),
];

describe('the places in parts', () => {
  it('opens the form with regions, districts and cercles only', () => {
    expect(placeOutline(PLACES).map((p) => p.id)).toEqual(['region-kayes', 'cercle-kayes-kita', 'cercle-kayes-bafoulabe', 'district-bamako']);
  });

  it("gives a cercle's or a district's communes, never a quartier, and nothing below a commune", () => {
    expect(communesOf(PLACES, 'cercle-kayes-kita')?.map((p) => p.id)).toEqual(['commune-kita-a', 'commune-kita-b']);
    expect(communesOf(PLACES, 'district-bamako')?.map((p) => p.id)).toEqual(['commune-bamako-i']);
    expect(communesOf(PLACES, 'region-kayes')).toEqual([]);
    expect(communesOf(PLACES, 'commune-bamako-i')).toBeNull();
    expect(communesOf(PLACES, 'cercle-nowhere')).toBeNull();
  });

  it('pads every answer to the longest one in bytes (names have accents), rounded up to a kilobyte, and keeps it valid JSON', () => {
    const length = communesAnswerLength(PLACES);
    expect(length % 1024).toBe(0);
    expect(length).toBeGreaterThan(JSON.stringify({ places: communesOf(PLACES, 'cercle-kayes-kita') }).length);
    for (const id of ['cercle-kayes-kita', 'cercle-kayes-bafoulabe', 'district-bamako', 'region-kayes']) {
      const answer = paddedCommunesAnswer(PLACES, id);
      expect(new TextEncoder().encode(answer ?? '').length, id).toBe(length);
      expect(JSON.parse(answer ?? '')).toEqual({ places: communesOf(PLACES, id) });
    }
    expect(paddedCommunesAnswer(PLACES, 'quartier-bamako-x')).toBeNull();
  });
});
