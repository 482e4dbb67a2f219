/** Percentiles by nearest rank over day histograms, and overdue counts under per-organisation deadlines. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINES } from '@kenekanko/contracts';
import { duration, overdueCounts, percentile } from './dashboard.ts';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const days = new Map([[1, 2], [2, 1], [4, 1], [10, 1]]); // 1, 1, 2, 4, 10
    expect(percentile(days, 0.5)).toBe(2);
    expect(percentile(days, 0.9)).toBe(10);
    expect(percentile(days, 0.2)).toBe(1);
    expect(duration(days)).toEqual({ count: 5, medianDays: 2, p90Days: 10 });
  });

  it('is null when nothing reached the step', () => {
    expect(duration(new Map())).toEqual({ count: 0, medianDays: null, p90Days: null });
  });
});

describe('overdueCounts', () => {
  it('counts an item overdue from the day after its due day, with each sender’s deadlines', () => {
    const facts = {
      unacknowledged: [
        { orgId: 'a', day: '2026-06-01', count: 2 }, // due 06-08: overdue on 06-09
        { orgId: 'b', day: '2026-06-01', count: 1 }, // b allows 30 days
      ],
      unanswered: [{ fromOrgId: 'a', toOrgId: 'oclei', day: '2026-05-09', count: 3 }], // due 06-08
    };
    const deadlines = (orgId: string) => (orgId === 'b' ? { ...DEFAULT_DEADLINES, acknowledgeDays: 30 } : DEFAULT_DEADLINES);
    expect(overdueCounts(facts, deadlines, '2026-06-08')).toEqual({ byOrganisation: [], byAuthority: [] });
    expect(overdueCounts(facts, deadlines, '2026-06-09')).toEqual({ byOrganisation: [{ key: 'a', count: 2 }], byAuthority: [{ key: 'oclei', count: 3 }] });
  });
});
