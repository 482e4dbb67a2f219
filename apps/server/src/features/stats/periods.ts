/**
 * Fixed calendar periods (month, quarter, year; never an arbitrary range, which would let
 * overlapping reports be subtracted) and the order in which a year's periods are released.
 * A year has 17 release stages: each month when it ends, each quarter right after its last
 * month, the year after its fourth quarter. Suppression is decided stage by stage
 * (suppression.ts), so a period's published cells never depend on later periods.
 */
import type { PeriodKind } from '@kenekanko/contracts';

export type Period = {
  readonly id: string; // '2026', '2026-Q3', '2026-07'
  readonly kind: PeriodKind;
  readonly year: number;
  readonly firstDay: string; // inclusive
  readonly endDay: string; // exclusive: the first day after the period
  readonly months: readonly string[]; // 'YYYY-MM' of the months it covers
};

const pad = (n: number): string => String(n).padStart(2, '0');
const monthId = (year: number, month: number): string => `${year}-${pad(month)}`;

function span(year: number, firstMonth: number, count: number): Pick<Period, 'firstDay' | 'endDay' | 'months'> {
  const months = Array.from({ length: count }, (_, i) => monthId(year, firstMonth + i));
  const last = firstMonth + count; // 13 means January of the next year
  const endDay = last === 13 ? `${year + 1}-01-01` : `${monthId(year, last)}-01`;
  return { firstDay: `${monthId(year, firstMonth)}-01`, endDay, months };
}

/** Parses an id already checked by PeriodSchema; throws on anything else. */
export function parsePeriod(id: string): Period {
  const year = Number(id.slice(0, 4));
  if (/^\d{4}$/.test(id)) return { id, kind: 'year', year, ...span(year, 1, 12) };
  const quarter = /^\d{4}-Q([1-4])$/.exec(id);
  if (quarter !== null) return { id, kind: 'quarter', year, ...span(year, (Number(quarter[1]) - 1) * 3 + 1, 3) };
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.exec(id);
  if (month !== null) return { id, kind: 'month', year, ...span(year, Number(month[1]), 1) };
  throw new RangeError('not a period id');
}

/** The periods of a year in release order (the stage of each is its index). */
export function releaseStages(year: number): readonly Period[] {
  const stages: Period[] = [];
  for (let quarter = 1; quarter <= 4; quarter++) {
    for (let m = 0; m < 3; m++) stages.push(parsePeriod(monthId(year, (quarter - 1) * 3 + m + 1)));
    stages.push(parsePeriod(`${year}-Q${quarter}`));
  }
  stages.push(parsePeriod(String(year)));
  return stages;
}

/** The periods directly nested in this one: a year's quarters, a quarter's months. */
export function childrenOf(period: Period): readonly Period[] {
  if (period.kind === 'year') return [1, 2, 3, 4].map((q) => parsePeriod(`${period.year}-Q${q}`));
  if (period.kind === 'quarter') return period.months.map(parsePeriod);
  return [];
}

/** The period and every period nested in it, in release order. */
export function nestedPeriods(period: Period): readonly Period[] {
  return releaseStages(period.year).filter((p) => p.firstDay >= period.firstDay && p.endDay <= period.endDay);
}

/** A period may be released once it has ended (its figures no longer grow). */
export function hasEnded(period: Period, today: string): boolean {
  return period.endDay <= today;
}
