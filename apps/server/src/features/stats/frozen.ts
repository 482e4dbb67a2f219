/**
 * Published figures are final (docs/adr/0017-small-count-suppression.md): the facts of an
 * ended month (its monthly counts and the row keys that exist in it) are frozen the first time
 * any release needs them, with the threshold in force, and every later release of the year is
 * computed from the frozen months only. Suppression is decided stage by stage in a fixed order
 * over the same inputs, so a release computed at any later time publishes exactly the same
 * cells for the periods an earlier release covered.
 * SECURITY: without this, one late change to an ended month (an old alert marked spam, a
 * forwarding answered late) re-decided every later stage, and the releases before and after
 * could be subtracted to uncover small cells the change did not touch. A different threshold
 * over the same months would allow the same subtraction, so it is refused.
 * Late corrections appear only on the internal dashboard, which reads the live data.
 */
import * as v from 'valibot';
import { AppError } from '../../http/app-error.ts';
import { parsePeriod, releaseStages } from './periods.ts';
import type { Period } from './periods.ts';
import type { DimensionKey, FrozenMonthRow, StatsRepo, YearFacts } from './ports.ts';

type Dimension = keyof YearFacts['keys'];

const FlowSchema = v.object({ month: v.string(), authority: v.string(), count: v.number() });
const KeySchema = v.object({ key: v.string(), label: v.string() });
const FrozenMonthFactsSchema = v.object({
  alerts: v.array(v.object({ month: v.string(), kind: v.string(), region: v.string(), org: v.string(), count: v.number() })),
  forwarded: v.array(FlowSchema),
  answered: v.array(FlowSchema),
  keys: v.object({ kind: v.array(KeySchema), region: v.array(KeySchema), organisation: v.array(KeySchema), authority: v.array(KeySchema) }),
});
export type FrozenMonthFacts = v.InferOutput<typeof FrozenMonthFactsSchema>;

/** The months a release of `last` reads: every month of the year's stages up to it. */
export function monthsUpTo(last: Period): readonly string[] {
  const stages = releaseStages(last.year);
  const upTo = stages.findIndex((p) => p.id === last.id);
  return [...new Set(stages.slice(0, upTo + 1).flatMap((p) => p.months))].sort();
}

const existsInMonth = (key: DimensionKey, month: Period): boolean =>
  key.months !== undefined ? key.months.includes(month.months[0] ?? '') : key.from < month.endDay && (key.to === null || key.to > month.firstDay);

/** What is frozen of `month`: its rows of the live facts, and the keys that have a row in it, in their order. */
export function freezeMonth(live: YearFacts, month: string): FrozenMonthFacts {
  const period = parsePeriod(month);
  const keysIn = (dimension: Dimension): { key: string; label: string }[] =>
    live.keys[dimension].filter((k) => existsInMonth(k, period)).map((k) => ({ key: k.key, label: k.label }));
  return {
    alerts: live.alerts.filter((f) => f.month === month).map((f) => ({ ...f })),
    forwarded: live.forwarded.filter((f) => f.month === month).map((f) => ({ ...f })),
    answered: live.answered.filter((f) => f.month === month).map((f) => ({ ...f })),
    keys: { kind: keysIn('kind'), region: keysIn('region'), organisation: keysIn('organisation'), authority: keysIn('authority') },
  };
}

/** A year's facts made of frozen months only; labels are today's names (they are not counts). */
export function frozenYearFacts(months: readonly { readonly month: string; readonly facts: FrozenMonthFacts }[], labels: ReadonlyMap<string, string>): YearFacts {
  const ordered = [...months].sort((a, b) => (a.month < b.month ? -1 : 1));
  const keysOf = (dimension: Dimension): DimensionKey[] => {
    const found = new Map<string, { label: string; months: string[] }>();
    // Display order: the latest month's order first, then keys only earlier months had.
    for (const m of [...ordered].reverse()) {
      for (const k of m.facts.keys[dimension]) {
        const known = found.get(k.key);
        if (known === undefined) found.set(k.key, { label: labels.get(k.key) ?? k.label, months: [m.month] });
        else known.months.push(m.month);
      }
    }
    return [...found].map(([key, f]) => ({ key, label: f.label, from: `${[...f.months].sort()[0] ?? ''}-01`, to: null, months: f.months.sort() }));
  };
  return {
    alerts: ordered.flatMap((m) => m.facts.alerts),
    forwarded: ordered.flatMap((m) => m.facts.forwarded),
    answered: ordered.flatMap((m) => m.facts.answered),
    keys: { kind: keysOf('kind'), region: keysOf('region'), organisation: keysOf('organisation'), authority: keysOf('authority') },
  };
}

function refuseOtherThreshold(rows: readonly FrozenMonthRow[], threshold: number): void {
  // SECURITY: the same months suppressed at two thresholds could be subtracted.
  if (rows.some((r) => r.threshold !== threshold)) throw new AppError('stats-threshold-changed');
}

/**
 * The facts a release of `last` is computed from: the frozen months, after freezing those not
 * frozen yet. Freezing inserts only absent months, then reads back what is stored, so two
 * processes freezing at once both use the one version that won.
 */
export async function releaseFacts(stats: StatsRepo, last: Period, threshold: number, now: Date): Promise<YearFacts> {
  const months = monthsUpTo(last);
  let stored = await stats.frozenMonths(months);
  refuseOtherThreshold(stored, threshold);
  if (stored.length < months.length) {
    const live = await stats.yearFacts(last.year);
    const have = new Set(stored.map((r) => r.month));
    const missing = months.filter((m) => !have.has(m)).map((month) => ({ month, threshold, facts: JSON.stringify(freezeMonth(live, month)) }));
    await stats.freezeMonths(missing, now.toISOString());
    stored = await stats.frozenMonths(months);
    refuseOtherThreshold(stored, threshold);
  }
  const parsed = stored.map((r) => ({ month: r.month, facts: v.parse(FrozenMonthFactsSchema, JSON.parse(r.facts)) }));
  return frozenYearFacts(parsed, await stats.labels());
}
