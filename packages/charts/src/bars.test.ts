import { describe, expect, it } from 'vitest';
import { barChart, funnel, percent } from './bars.ts';

describe('barChart', () => {
  const rows = [
    { key: 'a', label: 'Kayes', value: 5 },
    { key: 'b', label: 'Bamako', value: 20 },
    { key: 'c', label: 'Gao', value: null },
    { key: 'd', label: 'Mopti', value: 10 },
  ];

  it('scales each bar to the largest value and keeps the given order', () => {
    const chart = barChart(rows);
    expect(chart.max).toBe(20);
    expect(chart.rows.map((r) => [r.key, r.fraction])).toEqual([['a', 0.25], ['b', 1], ['c', 0], ['d', 0.5]]);
  });

  it('orders by value (suppressed last) and limits', () => {
    expect(barChart(rows, { order: 'value' }).rows.map((r) => r.key)).toEqual(['b', 'd', 'a', 'c']);
    expect(barChart(rows, { order: 'value', limit: 2 }).rows.map((r) => r.key)).toEqual(['b', 'd']);
  });

  it('draws nothing when every value is 0 or hidden, and refuses negatives', () => {
    expect(barChart([{ key: 'x', label: 'x', value: 0 }, { key: 'y', label: 'y', value: null }]).rows.map((r) => r.fraction)).toEqual([0, 0]);
    expect(() => barChart([{ key: 'x', label: 'x', value: -1 }])).toThrow(/≥ 0/);
  });
});

describe('funnel', () => {
  it('gives each step its share of the first and of the previous step', () => {
    const model = funnel([
      { key: 'received', label: 'Reçues', count: 40 },
      { key: 'verified', label: 'Vérifiées', count: 20 },
      { key: 'forwarded', label: 'Transmises', count: 5 },
      { key: 'closed', label: 'Clôturées', count: 0 },
      { key: 'after', label: 'Après', count: 0 },
    ]);
    expect(model.steps.map((s) => s.share)).toEqual([1, 0.5, 0.125, 0, 0]);
    expect(model.steps.map((s) => s.fromPrevious)).toEqual([1, 0.5, 0.25, 0, 0]);
  });

  it('is all zeros for an empty period', () => {
    expect(funnel([{ key: 'received', label: 'r', count: 0 }]).steps[0]).toMatchObject({ share: 0, fromPrevious: 1 });
  });

  it('rounds shares for display without claiming 100 % too early', () => {
    expect([0, 0.456, 0.996, 1].map(percent)).toEqual([0, 46, 99, 100]);
  });
});
