import { describe, expect, it } from 'vitest';
import { catalogue as bambara } from '../i18n/public-stats/bm.ts';
import { catalogue as french } from '../i18n/public-stats/fr.ts';
import { endedPeriods, hasEnded, lastEndedQuarter, periodKind, periodName } from './periods.ts';

const names = { month: '{month} {year}', quarter: '{first} – {last} {year}', year: 'Année {year}' };

describe('the periods the public page offers', () => {
  it.each([
    ['2026-12-04', '2026-Q3'],
    ['2026-10-01', '2026-Q3'],
    ['2026-09-30', '2026-Q2'],
    ['2026-01-01', '2025-Q4'],
    ['2026-03-31', '2025-Q4'],
    ['2026-04-01', '2026-Q1'],
  ])('on %s the default is the last ended quarter, %s', (today, quarter) => {
    expect(lastEndedQuarter(today)).toBe(quarter);
  });

  it('lists only ended periods, newest first, across a year boundary', () => {
    const { months, quarters, years } = endedPeriods('2026-02-15');
    expect(months.slice(0, 3)).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toBe('2025-02');
    expect(quarters.slice(0, 5)).toEqual(['2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1', '2024-Q4']);
    expect(years).toEqual(['2025', '2024', '2023']);
    for (const id of [...months, ...quarters, ...years]) expect(hasEnded(id, '2026-02-15'), id).toBe(true);
  });

  it('tells ended periods from open ones', () => {
    expect(hasEnded('2026-11', '2026-12-01')).toBe(true);
    expect(hasEnded('2026-12', '2026-12-31')).toBe(false);
    expect(hasEnded('2026-Q4', '2026-12-31')).toBe(false);
    expect(hasEnded('2026-Q4', '2027-01-01')).toBe(true);
    expect(hasEnded('2026', '2026-12-31')).toBe(false);
    expect(hasEnded('2025', '2026-01-01')).toBe(true);
    expect(hasEnded('2026-13', '2030-01-01')).toBe(false);
  });

  it('recognises the three kinds and nothing else', () => {
    expect(['2026', '2026-Q3', '2026-07', '2026-Q5', '2026-00', '26-07', '2026-07-01'].map(periodKind)).toEqual(['year', 'quarter', 'month', null, null, null, null]);
  });

  it('names periods with the catalogue’s own month names (Bambara included)', () => {
    expect(periodName('2026-07', french.formats, names)).toBe('juillet 2026');
    expect(periodName('2026-Q3', french.formats, names)).toBe('juillet – septembre 2026');
    expect(periodName('2026', french.formats, names)).toBe('Année 2026');
    expect(periodName('2026-Q1', bambara.formats, names)).toBe('Zanwuyekalo – Marisikalo 2026');
  });
});
