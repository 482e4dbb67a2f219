import { describe, expect, it } from 'vitest';
import { PeriodSchema } from '@kenekanko/contracts';
import * as v from 'valibot';
import { periodChoices, periodName, periodOf, previousPeriod, reportPeriod, shortMonth } from './dashboard-periods.ts';

const PATTERNS = { month: '{month} {year}', quarter: '{first} – {last} {year}', year: '{year}' };

describe('the dashboard period filter', () => {
  it('finds the period holding a day', () => {
    expect([periodOf('year', '2026-12-04'), periodOf('quarter', '2026-12-04'), periodOf('month', '2026-12-04')]).toEqual(['2026', '2026-Q4', '2026-12']);
    expect(periodOf('quarter', '2026-04-01')).toBe('2026-Q2');
  });

  it('steps back across year ends', () => {
    expect(['2026', '2026-Q1', '2026-01', '2026-10'].map(previousPeriod)).toEqual(['2025', '2025-Q4', '2025-12', '2026-09']);
  });

  it('lists the current period first, then earlier ones, all accepted by the server', () => {
    const months = periodChoices('month', '2026-02-10');
    expect(months.slice(0, 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(months).toHaveLength(12);
    expect(periodChoices('quarter', '2026-02-10').slice(0, 2)).toEqual(['2026-Q1', '2025-Q4']);
    expect(periodChoices('year', '2026-02-10')).toEqual(['2026', '2025', '2024', '2023', '2022']);
    for (const id of [...months, ...periodChoices('quarter', '2026-02-10')]) expect(v.is(PeriodSchema, id)).toBe(true);
  });

  it('offers the report of an ended period only', () => {
    expect(reportPeriod(undefined, '2026-12-04')).toBe('2026-Q3');
    expect(reportPeriod('2025-Q2', '2026-12-04')).toBe('2025-Q2');
    expect(reportPeriod('2026-Q4', '2026-12-04')).toBe('2026-Q3');
    expect(reportPeriod('2026', '2026-12-04')).toBe('2025');
    expect(reportPeriod('2026-11', '2026-12-04')).toBe('2026-11');
    expect(reportPeriod('2026-12', '2026-12-04')).toBe('2026-11');
  });

  it('names periods in French and English', () => {
    expect(periodName('2026-07', 'fr', PATTERNS)).toBe('juillet 2026');
    expect(periodName('2026-Q3', 'fr', PATTERNS)).toBe('juillet – septembre 2026');
    expect(periodName('2026-Q1', 'en', PATTERNS)).toBe('January – March 2026');
    expect(periodName('2026', 'en', PATTERNS)).toBe('2026');
    expect(shortMonth('2025-03', 'fr')).toMatch(/^mars 25$/);
  });
});
