/**
 * Suppression: no published table reveals a suppressed cell, by subtraction within a table,
 * across the tables of a period, or across nested periods. The attacker here is written
 * independently of exposure.ts: it substitutes published cells into every relation and
 * solves any relation left with one unknown, or forces a one-signed relation whose published
 * part is 0 to all zeros, until nothing new is found (a fixpoint). The stronger check
 * (exposure.ts: any linear combination) must find nothing either.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exposedCells } from './exposure.ts';
import type { Relation } from './exposure.ts';
import { parsePeriod, releaseStages } from './periods.ts';
import type { YearFacts } from './ports.ts';
import { buildRelease } from './release-tables.ts';
import { suppress } from './suppression.ts';

const THRESHOLD = 5;

/** Cells a reader recovers by repeated subtraction; returns their indices. */
function subtractionAttack(relations: readonly Relation[], hidden: readonly boolean[], values: readonly number[]): Set<number> {
  const known = hidden.map((h) => !h);
  const recovered = new Set<number>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const relation of relations) {
      const unknown = relation.filter((t) => !known[t.cell]);
      const rest = relation.filter((t) => known[t.cell]).reduce((s, t) => s + t.coefficient * (values[t.cell] ?? 0), 0);
      const oneSigned = new Set(unknown.map((t) => t.coefficient)).size === 1;
      if (unknown.length === 1 || (unknown.length > 0 && oneSigned && rest === 0)) {
        for (const t of unknown) {
          known[t.cell] = true;
          recovered.add(t.cell);
        }
        progress = true;
      }
    }
  }
  return recovered;
}

const key = (k: string) => ({ key: k, label: k, from: '2000-01-01', to: null });

const month = (m: number): string => `2026-${String(m).padStart(2, '0')}`;

/** Keys that start in a chosen month, or earlier when counts exist before it (as the repository makes them). */
function startingKeys(keys: readonly string[], starts: readonly number[], used: readonly { key: string; month: number }[]) {
  return keys.map((k, i) => {
    const first = Math.min(starts[i] ?? 1, ...used.filter((u) => u.key === k).map((u) => u.month));
    return { ...key(k), from: `${month(first)}-01` };
  });
}

const factsArbitrary = fc
  .record({
    alerts: fc.array(fc.record({ month: fc.integer({ min: 1, max: 12 }), kind: fc.constantFrom('a', 'b', 'c'), region: fc.constantFrom('r1', 'r2', 'r3', 'r4'), org: fc.constantFrom('o1', 'o2'), count: fc.integer({ min: 1, max: 9 }) }), { maxLength: 40 }),
    forwarded: fc.array(fc.record({ month: fc.integer({ min: 1, max: 12 }), authority: fc.constantFrom('x', 'y'), count: fc.integer({ min: 1, max: 7 }) }), { maxLength: 15 }),
    answered: fc.array(fc.record({ month: fc.integer({ min: 1, max: 12 }), authority: fc.constantFrom('x', 'y'), count: fc.integer({ min: 1, max: 7 }) }), { maxLength: 15 }),
    orgStarts: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 2 }),
    authorityStarts: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 2 }),
  })
  .map(({ alerts, forwarded, answered, orgStarts, authorityStarts }): YearFacts => ({
    alerts: alerts.map((a) => ({ ...a, month: month(a.month) })),
    forwarded: forwarded.map((f) => ({ ...f, month: month(f.month) })),
    answered: answered.map((f) => ({ ...f, month: month(f.month) })),
    keys: {
      kind: ['a', 'b', 'c'].map(key),
      region: ['r1', 'r2', 'r3', 'r4'].map(key),
      organisation: startingKeys(['o1', 'o2'], orgStarts, alerts.map((a) => ({ key: a.org, month: a.month }))),
      authority: startingKeys(['x', 'y'], authorityStarts, [...forwarded, ...answered].map((f) => ({ key: f.authority, month: f.month }))),
    },
  }));

const lastStage = fc.constantFrom(...releaseStages(2026).map((p) => p.id));

describe('exposure', () => {
  it('finds a cell left alone in a row, and not one that has a partner', () => {
    const relation: Relation = [{ cell: 0, coefficient: 1 }, { cell: 1, coefficient: -1 }, { cell: 2, coefficient: -1 }, { cell: 3, coefficient: -1 }];
    const values = [12, 3, 4, 5];
    expect(exposedCells([relation], [false, true, false, false], values, [false, true, true, false])).toEqual([1]);
    expect(exposedCells([relation], [false, true, true, false], values, [false, true, true, false])).toEqual([]);
  });

  it('finds cells fixed only by combining relations (a 2×2 table with both totals)', () => {
    // a + b = 7, c + d = 9, a + c = 8, b + d = 8: hiding a and d still lets a reader solve a = 7 − b.
    const values = [3, 4, 5, 4, 7, 9, 8, 8];
    const r = (total: number, x: number, y: number): Relation => [{ cell: total, coefficient: 1 }, { cell: x, coefficient: -1 }, { cell: y, coefficient: -1 }];
    const relations = [r(4, 0, 1), r(5, 2, 3), r(6, 0, 2), r(7, 1, 3)];
    const hidden = [true, false, false, true, false, false, false, false];
    expect(exposedCells(relations, hidden, values, values.map((x) => x < 5))).toEqual([0, 3]);
    expect(exposedCells(relations, [true, true, true, true, false, false, false, false], values, values.map((x) => x < 5))).toEqual([]);
  });

  it('finds hidden cells forced to zero by a published part that sums to zero', () => {
    const relation: Relation = [{ cell: 0, coefficient: 1 }, { cell: 1, coefficient: -1 }, { cell: 2, coefficient: -1 }];
    expect(exposedCells([relation], [false, true, true], [0, 0, 0], [true, true, true])).toEqual([1, 2]);
  });
});

describe('suppress', () => {
  it('hides the complement of a lone small cell: the smallest row, not the total', () => {
    const relation: Relation = [{ cell: 0, coefficient: 1 }, { cell: 1, coefficient: -1 }, { cell: 2, coefficient: -1 }, { cell: 3, coefficient: -1 }];
    const { hidden } = suppress({ values: [20, 3, 7, 10], stages: [0, 0, 0, 0], isTotal: [true, false, false, false], relations: [relation], threshold: THRESHOLD });
    expect(hidden).toEqual([false, true, true, false]);
  });

  it('leaves no suppressed cell recoverable, in one table, across tables and across nested periods', () => {
    fc.assert(
      fc.property(factsArbitrary, lastStage, (facts, last) => {
        const { layout, hidden } = buildRelease(facts, parsePeriod(last), THRESHOLD);
        const primary = layout.values.map((v) => v < THRESHOLD);
        layout.values.forEach((value, cell) => {
          if (value < THRESHOLD) expect(hidden[cell]).toBe(true);
        });
        const byAttack = [...subtractionAttack(layout.relations, hidden, layout.values)].filter((c) => primary[c]);
        expect(byAttack).toEqual([]);
        expect(exposedCells(layout.relations, hidden, layout.values, primary)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('never revises what an earlier stage published: a later release keeps every earlier cell as it was', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 16 }), (facts, a, b) => {
        const stages = releaseStages(2026).map((p) => p.id);
        const [early = '2026-01', late = '2026'] = a < b ? [stages[a], stages[b]] : [stages[b], stages[Math.min(16, a + 1)]];
        const first = buildRelease(facts, parsePeriod(early), THRESHOLD);
        const second = buildRelease(facts, parsePeriod(late), THRESHOLD);
        first.layout.refs.forEach((_, cell) => expect(second.hidden[cell]).toBe(first.hidden[cell]));
      }),
      { numRuns: 40 },
    );
  });

  it('protects the small cells of a whole year of real-sized tables in seconds', () => {
    const kinds = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const regions = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const alerts = kinds.flatMap((kind, k) => regions.map((region, r) => ({ month: `2026-${String(((k * 7 + r) % 12) + 1).padStart(2, '0')}`, kind, region, org: `o${(k + r) % 6}`, count: (k * 3 + r * 5) % 9 })));
    const facts: YearFacts = { alerts, forwarded: [], answered: [], keys: { kind: kinds.map(key), region: regions.map(key), organisation: ['o0', 'o1', 'o2', 'o3', 'o4', 'o5'].map(key), authority: [key('x')] } };
    const started = performance.now();
    const { layout, hidden } = buildRelease(facts, parsePeriod('2026'), THRESHOLD);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(exposedCells(layout.relations, hidden, layout.values, layout.values.map((v) => v < THRESHOLD))).toEqual([]);
  });
});

/**
 * Every value each hidden cell can take, counts being non-negative integers no larger than
 * `max`, given the published cells: a backtracking search written apart from exposure.ts.
 */
function feasibleValues(relations: readonly Relation[], hidden: readonly boolean[], values: readonly number[], max: number): Map<number, Set<number>> {
  const cells = hidden.flatMap((h, cell) => (h ? [cell] : []));
  const seen = new Map(cells.map((cell) => [cell, new Set<number>()]));
  const assigned: (number | undefined)[] = values.map((value, cell) => (hidden[cell] === true ? undefined : value));
  const consistent = (): boolean =>
    relations.every((r) => r.some((t) => assigned[t.cell] === undefined) || r.reduce((s, t) => s + t.coefficient * (assigned[t.cell] ?? 0), 0) === 0);
  const search = (i: number): void => {
    const cell = cells[i];
    if (cell === undefined) {
      for (const c of cells) seen.get(c)?.add(assigned[c] ?? -1);
      return;
    }
    for (let value = 0; value <= max; value++) {
      assigned[cell] = value;
      if (consistent()) search(i + 1);
    }
    assigned[cell] = undefined;
  };
  search(0);
  return seen;
}

describe('suppression against a reader who uses bounds', () => {
  it('hides enough that "x + y = 6, x ≤ 3, y ≤ 3" never pins a small cell (the tester\'s pattern)', () => {
    // Cells: 0 Sep total, 1 Sep coalition, 2 Sep o1, 3 Sep o2, 4 Jul o1, 5 Aug o1, 6 Q3 o1, 7 Jul o2, 8 Aug o2, 9 Q3 o2.
    const values = [14, 8, 3, 3, 5, 0, 8, 0, 9, 12];
    const plus = (cell: number): Relation[number] => ({ cell, coefficient: 1 });
    const minus = (cell: number): Relation[number] => ({ cell, coefficient: -1 });
    const relations: Relation[] = [
      [minus(0), plus(1), plus(2), plus(3)],
      [minus(6), plus(4), plus(5), plus(2)],
      [minus(9), plus(7), plus(8), plus(3)],
    ];
    const stages = [0, 0, 0, 0, 0, 0, 1, 0, 0, 1];
    const isTotal = [true, false, false, false, false, false, false, false, false, false];
    const { hidden, primary } = suppress({ values, stages, isTotal, relations, threshold: THRESHOLD });
    const possible = feasibleValues(relations, hidden, values, 20);
    for (const [cell, options] of possible) {
      if (primary[cell] === true) expect(options.size, `cell ${cell} can take ${[...options].join(', ')}`).toBeGreaterThan(1);
    }
  });
});
