/**
 * Frozen month facts (frozen.ts): what a month keeps, that a year rebuilt from frozen months
 * releases the same cells as the live facts it was frozen from, that a key exists exactly in
 * the months it was frozen in, and that renaming an organisation (display order) changes no cell.
 */
import { describe, expect, it } from 'vitest';
import type { ReleasedPeriod } from '@kenekanko/contracts';
import { freezeMonth, frozenYearFacts, monthsUpTo } from './frozen.ts';
import { parsePeriod } from './periods.ts';
import type { YearFacts } from './ports.ts';
import { releasedPeriods } from './release-tables.ts';

const months = Array.from({ length: 6 }, (_, i) => `2026-0${i + 1}`);
const live: YearFacts = {
  alerts: months.flatMap((month, i) => [
    { month, kind: 'bribery', region: 'r1', org: 'o-a', count: 1 + (i % 3) },
    { month, kind: 'extortion', region: 'r2', org: 'o-b', count: 6 + i },
    { month, kind: 'bribery', region: 'r2', org: 'o-b', count: i === 2 ? 0 : 2 },
  ]),
  forwarded: months.map((month, i) => ({ month, authority: 'o-x', count: i + 1 })),
  answered: months.map((month) => ({ month, authority: 'o-x', count: 1 })),
  keys: {
    kind: [{ key: 'bribery', label: 'bribery', from: '0000-01-01', to: null }, { key: 'extortion', label: 'extortion', from: '0000-01-01', to: null }],
    region: [{ key: 'r1', label: 'Kayes', from: '0000-01-01', to: null }, { key: 'r2', label: 'Mopti', from: '0000-01-01', to: null }],
    organisation: [{ key: 'o-a', label: 'A', from: '2026-01-01', to: null }, { key: 'o-b', label: 'B', from: '2026-01-01', to: null }],
    authority: [{ key: 'o-x', label: 'OCLEI', from: '2026-01-01', to: null }],
  },
};
const cells = (periods: readonly ReleasedPeriod[]): unknown => periods.map((p) => p.tables.map((t) => [t.measure, t.dimension, t.total, Object.fromEntries(t.rows.map((r) => [r.key, r.cell]))]));
const frozen = (facts: YearFacts) => months.map((month) => ({ month, facts: freezeMonth(facts, month) }));

describe('frozen month facts', () => {
  it('lists the months a release reads: every month of the stages up to its period', () => {
    expect(monthsUpTo(parsePeriod('2026-02'))).toEqual(['2026-01', '2026-02']);
    expect(monthsUpTo(parsePeriod('2026-Q2'))).toEqual(months);
    expect(monthsUpTo(parsePeriod('2026'))).toHaveLength(12);
  });

  it("keeps only the month's rows and the keys that exist in it", () => {
    const march = freezeMonth({ ...live, keys: { ...live.keys, organisation: [...live.keys.organisation, { key: 'o-c', label: 'C', from: '2026-04-10', to: null }] } }, '2026-03');
    expect(march.alerts.every((a) => a.month === '2026-03')).toBe(true);
    expect(march.alerts).toHaveLength(3);
    expect(march.keys.organisation.map((k) => k.key)).toEqual(['o-a', 'o-b']);
  });

  it('releases from frozen months exactly the cells of the live facts they were frozen from', () => {
    const rebuilt = frozenYearFacts(frozen(live), new Map());
    expect(cells(releasedPeriods(rebuilt, parsePeriod('2026-Q2'), 5))).toEqual(cells(releasedPeriods(live, parsePeriod('2026-Q2'), 5)));
  });

  it('gives a key rows exactly in the months it was frozen with, even with a gap', () => {
    const parts = frozen(live).map((m) => (m.month === '2026-02' ? { ...m, facts: { ...m.facts, keys: { ...m.facts.keys, organisation: m.facts.keys.organisation.filter((k) => k.key !== 'o-a') } } } : m));
    const released = releasedPeriods(frozenYearFacts(parts, new Map()), parsePeriod('2026-Q1'), 5);
    const orgRows = (period: string): string[] => released.find((p) => p.period === period)?.tables.find((t) => t.dimension === 'organisation')?.rows.map((r) => r.key) ?? [];
    expect(orgRows('2026-01')).toEqual(['o-a', 'o-b']);
    expect(orgRows('2026-02')).toEqual(['o-b']);
    expect(orgRows('2026-Q1')).toEqual(['o-a', 'o-b']);
  });

  it('publishes the same cells after an organisation is renamed, with the new name', () => {
    // o-a's 3 is hidden, so one of the two 6s must be too: which one must not follow the names.
    const tie: YearFacts = {
      ...live,
      alerts: [['o-a', 3], ['o-b', 6], ['o-c', 6]].map(([org, count]) => ({ month: '2026-01', kind: 'bribery', region: 'r1', org: String(org), count: Number(count) })),
      keys: { ...live.keys, organisation: ['o-a', 'o-b', 'o-c'].map((key) => ({ key, label: key, from: '2026-01-01', to: null })) },
    };
    const january = [{ month: '2026-01', facts: freezeMonth(tie, '2026-01') }];
    const before = releasedPeriods(frozenYearFacts(january, new Map()), parsePeriod('2026-01'), 5);
    const renamed = frozenYearFacts(january, new Map([['o-c', 'AAA renamed']]));
    const after = releasedPeriods({ ...renamed, keys: { ...renamed.keys, organisation: [...renamed.keys.organisation].reverse() } }, parsePeriod('2026-01'), 5);
    expect(before[0]?.tables.find((t) => t.dimension === 'organisation')?.rows.filter((r) => r.cell.suppressed)).toHaveLength(2);
    expect(cells(after)).toEqual(cells(before));
    expect(JSON.stringify(after)).toContain('AAA renamed');
  });
});
