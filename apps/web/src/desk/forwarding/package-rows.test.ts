import { afterEach, describe, expect, it } from 'vitest';
import { language } from '../../i18n/catalogues.ts';
import { indexPlaces } from '../../shared/places.ts';
import { fieldRows, messageHeading, statisticsRows } from './package-rows.ts';

const PLACES = indexPlaces([
  { id: 'region-koulikoro', kind: 'region', parentId: null, name: 'Koulikoro' },
  { id: 'cercle-koulikoro-kati', kind: 'cercle', parentId: 'region-koulikoro', name: 'Kati' },
  { id: 'commune-koulikoro-kati-baguineda-camp', kind: 'commune', parentId: 'cercle-koulikoro-kati', name: 'Baguinéda-Camp' },
]);

const value = (rows: readonly { key: string; value: string }[], key: string) => rows.find((r) => r.key === key)?.value;

afterEach(() => {
  language.value = 'fr';
});

describe('fieldRows', () => {
  it('shows place names, days and FCFA amounts, never raw ids or numbers', () => {
    language.value = 'en';
    const rows = fieldRows({ communeId: 'commune-koulikoro-kati-baguineda-camp', when: '2026-11-20', amountFcfa: 1500000, institutionName: 'Kati town hall', description: 'Paid [█████].' }, PLACES);
    expect(value(rows, 'communeId')).toBe('Baguinéda-Camp');
    expect(value(rows, 'when')).toBe('20 November 2026');
    expect(value(rows, 'amountFcfa')).toMatch(/^1,500,000\s+FCFA$/u);
    expect(value(rows, 'institutionName')).toBe('Kati town hall');
    expect(value(rows, 'description')).toBe('Paid [█████].');
  });

  it('tells a withheld field ("Not sent") from one the reporter left empty', () => {
    language.value = 'en';
    const rows = fieldRows({ communeId: null, amountFcfa: null }, PLACES);
    expect(value(rows, 'communeId')).toBe('Not given');
    expect(value(rows, 'amountFcfa')).toBe('Not given');
    expect(value(rows, 'when')).toBe('Not sent');
    expect(value(rows, 'description')).toBe('Not sent');
    expect(rows.map((r) => r.key)).toEqual(['communeId', 'when', 'institutionName', 'amountFcfa', 'description']);
  });
});

describe('statisticsRows', () => {
  it('translates the statistics fields that go with every package', () => {
    language.value = 'fr';
    const rows = statisticsRows({ kind: 'bribery', regionId: 'region-koulikoro', cercleId: 'cercle-koulikoro-kati', institutionType: 'town-hall', amountBand: '1m-10m' }, PLACES);
    expect(value(rows, 'region')).toBe('Koulikoro');
    expect(value(rows, 'cercle')).toBe('Kati');
    for (const row of rows) expect(row.value).not.toMatch(/^(bribery|town-hall|1m-10m|region-|cercle-)/);
    expect(rows.every((r) => r.label !== '' && !r.label.startsWith('desk.'))).toBe(true);
  });
});

describe('messageHeading', () => {
  it('names the sender and the day of a forwarded message', () => {
    language.value = 'en';
    expect(messageHeading({ senderType: 'organisation', createdDay: '2026-12-04' })).toBe('Organisation · 4 December 2026');
  });
});
