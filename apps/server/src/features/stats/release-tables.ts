/**
 * Builds the released tables of a period from a year's monthly facts: the cells of every
 * stage up to the period's (months, quarters, the year), the relations between them, then
 * suppression (suppression.ts) and the published form.
 *
 * Relations a reader knows, and that suppression therefore accounts for: in each period, each
 * breakdown's rows sum to its measure's total (the alerts' total is shared by the kind, region
 * and organisation tables, so the tables of one period are linked); across nested periods,
 * each cell of a quarter is the sum of its months' cells and each cell of the year the sum of
 * its quarters'. A row exists in a period while its key does (an organisation created later,
 * a region made by a reorganisation); elsewhere it is a structural zero that everyone knows,
 * and so is a whole measure in a period where one of its breakdowns has no key at all.
 */
import type { ReleasedCell, ReleasedPeriod, ReleaseDimension, ReleaseMeasure } from '@kenekanko/contracts';
import type { Relation } from './exposure.ts';
import { childrenOf, nestedPeriods, releaseStages } from './periods.ts';
import type { Period } from './periods.ts';
import type { DimensionKey, YearFacts } from './ports.ts';
import { suppress } from './suppression.ts';

/** The tables of a release: each measure's total and its breakdowns. */
export const RELEASE_LAYOUT: Readonly<Record<ReleaseMeasure, readonly ReleaseDimension[]>> = {
  alerts: ['kind', 'region', 'organisation'],
  forwarded: ['authority'],
  answered: ['authority'],
};
const MEASURES = Object.keys(RELEASE_LAYOUT) as ReleaseMeasure[];

type CellRef = { readonly period: string; readonly measure: ReleaseMeasure; readonly dimension: ReleaseDimension | null; readonly key: string };
const refId = (r: CellRef): string => `${r.period}|${r.measure}|${r.dimension ?? ''}|${r.key}`;

const existsIn = (key: DimensionKey, period: Period): boolean =>
  key.months !== undefined ? period.months.some((m) => key.months?.includes(m) === true) : key.from < period.endDay && (key.to === null || key.to > period.firstDay);

type MonthlyIndex = ReadonlyMap<string, number>;
const monthlyId = (month: string, measure: ReleaseMeasure, dimension: ReleaseDimension | null, key: string): string => `${month}|${measure}|${dimension ?? ''}|${key}`;

/** Every monthly count by (month, measure, dimension, key), totals included, in one pass. */
function indexMonthly(facts: YearFacts): MonthlyIndex {
  const index = new Map<string, number>();
  const add = (id: string, count: number): void => {
    index.set(id, (index.get(id) ?? 0) + count);
  };
  for (const f of facts.alerts) {
    add(monthlyId(f.month, 'alerts', null, ''), f.count);
    add(monthlyId(f.month, 'alerts', 'kind', f.kind), f.count);
    add(monthlyId(f.month, 'alerts', 'region', f.region), f.count);
    add(monthlyId(f.month, 'alerts', 'organisation', f.org), f.count);
  }
  for (const [measure, rows] of [['forwarded', facts.forwarded], ['answered', facts.answered]] as const) {
    for (const f of rows) {
      add(monthlyId(f.month, measure, null, ''), f.count);
      add(monthlyId(f.month, measure, 'authority', f.authority), f.count);
    }
  }
  return index;
}

function periodValue(monthly: MonthlyIndex, period: Period, measure: ReleaseMeasure, dimension: ReleaseDimension | null, key: string): number {
  return period.months.reduce((n, month) => n + (monthly.get(monthlyId(month, measure, dimension, key)) ?? 0), 0);
}

type Layout = { refs: CellRef[]; index: Map<string, number>; values: number[]; stages: number[]; isTotal: boolean[]; relations: Relation[] };

function addCell(layout: Layout, ref: CellRef, value: number, stage: number): number {
  const cell = layout.refs.length;
  layout.refs.push(ref);
  layout.index.set(refId(ref), cell);
  layout.values.push(value);
  layout.stages.push(stage);
  layout.isTotal.push(ref.dimension === null);
  return cell;
}

function addPeriod(layout: Layout, facts: YearFacts, monthly: MonthlyIndex, period: Period, stage: number): void {
  for (const measure of MEASURES) {
    // A measure with a breakdown that has no key yet (no organisation existed) is a structural
    // zero that everyone knows: it has no cells, so no relation pretends otherwise.
    if (RELEASE_LAYOUT[measure].some((dimension) => !facts.keys[dimension].some((k) => existsIn(k, period)))) continue;
    const total = addCell(layout, { period: period.id, measure, dimension: null, key: '' }, periodValue(monthly, period, measure, null, ''), stage);
    for (const dimension of RELEASE_LAYOUT[measure]) {
      // Cells in key order, not display order: a renamed organisation must not change which
      // cell a tie in suppression picks (frozen.ts: published figures are final).
      const keys = facts.keys[dimension].filter((k) => existsIn(k, period)).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      if (keys.length === 0) continue;
      const rows = keys.map((k) => addCell(layout, { period: period.id, measure, dimension, key: k.key }, periodValue(monthly, period, measure, dimension, k.key), stage));
      layout.relations.push([{ cell: total, coefficient: 1 }, ...rows.map((cell) => ({ cell, coefficient: -1 as const }))]);
    }
  }
  const children = childrenOf(period);
  if (children.length === 0) return;
  layout.refs.forEach((ref, cell) => {
    if (ref.period !== period.id) return;
    const parts = children.map((child) => layout.index.get(refId({ ...ref, period: child.id }))).filter((c): c is number => c !== undefined);
    layout.relations.push([{ cell, coefficient: 1 }, ...parts.map((c) => ({ cell: c, coefficient: -1 as const }))]);
  });
}

/** Cells, relations and suppression of a year's stages up to (and including) `last`. */
export function buildRelease(facts: YearFacts, last: Period, threshold: number): { layout: Layout; hidden: readonly boolean[] } {
  const stages = releaseStages(last.year);
  const upTo = stages.findIndex((p) => p.id === last.id);
  const layout: Layout = { refs: [], index: new Map(), values: [], stages: [], isTotal: [], relations: [] };
  const monthly = indexMonthly(facts);
  stages.slice(0, upTo + 1).forEach((period, stage) => addPeriod(layout, facts, monthly, period, stage));
  const { hidden } = suppress({ values: layout.values, stages: layout.stages, isTotal: layout.isTotal, relations: layout.relations, threshold });
  return { layout, hidden };
}

const HIDDEN: ReleasedCell = { value: null, suppressed: true };
const published = (value: number, hidden: boolean): ReleasedCell => (hidden ? HIDDEN : { value, suppressed: false });

/** The published tables of `period`, then of every period nested in it in calendar order. */
export function releasedPeriods(facts: YearFacts, period: Period, threshold: number): ReleasedPeriod[] {
  const { layout, hidden } = buildRelease(facts, period, threshold);
  const cellOf = (ref: CellRef): ReleasedCell | undefined => {
    const cell = layout.index.get(refId(ref));
    // SECURITY: a cell without a decision is hidden, never shown.
    return cell === undefined ? undefined : published(layout.values[cell] ?? 0, hidden[cell] !== false);
  };
  const ordered = [period, ...nestedPeriods(period).filter((p) => p.id !== period.id)];
  return ordered.map((p) => ({
    period: p.id,
    kind: p.kind,
    tables: MEASURES.flatMap((measure) => {
      const total = cellOf({ period: p.id, measure, dimension: null, key: '' });
      if (total === undefined) return [];
      const breakdowns = RELEASE_LAYOUT[measure].flatMap((dimension) => {
        const rows = facts.keys[dimension].flatMap((k) => {
          const cell = cellOf({ period: p.id, measure, dimension, key: k.key });
          return cell === undefined ? [] : [{ key: k.key, label: k.label, cell }];
        });
        return rows.length === 0 ? [] : [{ measure, dimension, total, rows }];
      });
      return [{ measure, dimension: null, total, rows: [] }, ...breakdowns];
    }),
  }));
}
