import { describe, expect, it } from 'vitest';
import type { ReleasedTable, StatsRelease } from '@kenekanko/contracts';
import { catalogue as english } from '../i18n/public-stats/en.ts';
import { catalogue as french } from '../i18n/public-stats/fr.ts';
import { cellText, cellValue, cellsByKey, childPeriods, mainPeriod, rowsForReading, tableOf, totalOf } from './figures.ts';

const shown = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };

const byRegion: ReleasedTable = {
  measure: 'alerts',
  dimension: 'region',
  total: shown(1234),
  rows: [
    { key: 'region-kayes', label: 'Kayes', cell: shown(12) },
    { key: 'region-gao', label: 'Gao', cell: hidden },
    { key: 'district-bamako', label: 'Bamako', cell: shown(1200) },
    { key: 'region-kidal', label: 'Kidal', cell: hidden },
    { key: 'region-mopti', label: 'Mopti', cell: shown(12) },
  ],
};

const release: StatsRelease = {
  period: '2026-Q3',
  threshold: 5,
  computedMonth: '2026-11',
  periods: [
    { period: '2026-Q3', kind: 'quarter', tables: [{ measure: 'alerts', dimension: null, total: shown(1234), rows: [] }, byRegion] },
    { period: '2026-09', kind: 'month', tables: [] },
    { period: '2026-07', kind: 'month', tables: [{ measure: 'forwarded', dimension: null, total: hidden, rows: [] }] },
    { period: '2026-08', kind: 'month', tables: [] },
  ],
};

describe('what the public page reads from a release', () => {
  it('finds the period asked for and its months in calendar order', () => {
    expect(mainPeriod(release)?.period).toBe('2026-Q3');
    expect(childPeriods(release).map((p) => p.period)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(childPeriods({ ...release, period: '2026-07', periods: release.periods.slice(2, 3) })).toEqual([]);
  });

  it('finds tables by measure and breakdown, and a missing measure counts as zero', () => {
    const q3 = mainPeriod(release);
    expect(tableOf(q3, 'alerts', 'region')).toBe(byRegion);
    expect(totalOf(q3, 'alerts')).toEqual(shown(1234));
    expect(totalOf(q3, 'answered')).toBeUndefined();
    expect(cellText(totalOf(q3, 'answered'), 5, french.formats)).toBe('0');
  });

  it('writes published cells with the language’s separators and suppressed ones as "< 5", never a number', () => {
    expect(cellText(shown(1234), 5, french.formats)).toBe('1\u202f234');
    expect(cellText(shown(1234), 5, english.formats)).toBe('1,234');
    expect(cellText(hidden, 5, french.formats)).toBe('< 5');
    expect(cellText({ value: 3, suppressed: true }, 10, french.formats)).toBe('< 10');
    expect(cellValue(hidden)).toBeNull();
    expect(cellValue({ value: 3, suppressed: true })).toBeNull();
    expect(cellValue(shown(7))).toBe(7);
  });

  it('orders rows by published value, then suppressed ones, ties by name', () => {
    const rows = rowsForReading(byRegion, (_key, label) => label);
    expect(rows.map((r) => r.label)).toEqual(['Bamako', 'Kayes', 'Mopti', 'Gao', 'Kidal']);
    expect(cellsByKey(byRegion).get('region-gao')).toEqual(hidden);
    expect(rowsForReading(undefined, (k) => k)).toEqual([]);
  });
});
