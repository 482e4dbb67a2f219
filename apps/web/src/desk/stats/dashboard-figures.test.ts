import { describe, expect, it } from 'vitest';
import { CLASS_FILLS, ZERO_FILL } from '@kenekanko/charts';
import type { Dashboard } from '@kenekanko/contracts';
import { funnelOf, keyedBars, monthSeries, regionMap } from './dashboard-figures.ts';

const region = (key: string, count: number) => ({ key, label: key, count });

describe('dashboard figures', () => {
  it('sums Ménaka into Gao and colours each polygon by the legend class of its count', () => {
    const { values, choropleth } = regionMap([region('district-bamako', 23), region('region-gao', 4), region('region-menaka', 3), region('region-kayes', 1)], String);
    expect(values.get('ML-GO')).toBe(7);
    expect(values.get('ML-BA')).toBe(23);
    expect(values.get('ML-KD')).toBe(0);
    // Largest 23 → steps of 5: 1–5, 6–10, 11–15, 16–20, 21–25.
    expect(choropleth.classes.map((c) => c.text)).toEqual(['0', '1–5', '6–10', '11–15', '16–20', '21–25']);
    expect(choropleth.classOf.get('ML-BA')?.fill).toBe(CLASS_FILLS[4]);
    expect(choropleth.classOf.get('ML-GO')?.fill).toBe(CLASS_FILLS[1]);
    expect(choropleth.classOf.get('ML-KY')?.fill).toBe(CLASS_FILLS[0]);
    expect(choropleth.classOf.get('ML-KD')?.fill).toBe(ZERO_FILL);
    expect(choropleth.classes.some((c) => c.key === 'suppressed')).toBe(false);
  });

  it('translates closed-list labels and orders bars largest first', () => {
    const chart = keyedBars([region('bribery', 2), region('extortion', 5)], (g) => `«${g.key}»`);
    expect(chart.rows.map((r) => [r.label, r.fraction])).toEqual([['«extortion»', 1], ['«bribery»', 0.4]]);
  });

  it('builds the funnel from the server steps, in order', () => {
    const steps: Dashboard['funnel'] = [
      { step: 'received', count: 8, share: 1 },
      { step: 'acknowledged', count: 6, share: 0.75 },
    ];
    const model = funnelOf(steps, (s) => s.toUpperCase());
    expect(model.steps.map((s) => [s.label, s.share])).toEqual([['RECEIVED', 1], ['ACKNOWLEDGED', 0.75]]);
  });

  it('fills the months without alerts with 0, across a year end', () => {
    const series = monthSeries([region('2025-11', 3), region('2026-02', 1), region('2025-12', 2)]);
    expect(series.map((g) => [g.key, g.count])).toEqual([['2025-11', 3], ['2025-12', 2], ['2026-01', 0], ['2026-02', 1]]);
    expect(monthSeries([])).toEqual([]);
  });
});
