/**
 * Fixed calendar periods (month, quarter, year; never an arbitrary range, which would let
 * overlapping reports be subtracted): parsing and calendar arithmetic, one copy for the
 * server's releases, the desk's dashboard and the public statistics page.
 * Ids: '2026', '2026-Q3', '2026-07' (PeriodSchema in api-stats.ts). Days are 'YYYY-MM-DD' in
 * UTC, Mali's time all year.
 */
import type { PeriodKind } from './api-stats.ts';

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

/** The period of a well-formed id ('2026', '2026-Q3', '2026-07'), or null for anything else. */
export function periodOrNull(id: string): Period | null {
  if (!/^(19|20)\d{2}/.test(id)) return null;
  const year = Number(id.slice(0, 4));
  if (/^\d{4}$/.test(id)) return { id, kind: 'year', year, ...span(year, 1, 12) };
  const quarter = /^\d{4}-Q([1-4])$/.exec(id);
  if (quarter !== null) return { id, kind: 'quarter', year, ...span(year, (Number(quarter[1]) - 1) * 3 + 1, 3) };
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.exec(id);
  if (month !== null) return { id, kind: 'month', year, ...span(year, Number(month[1]), 1) };
  return null;
}

/** Parses an id already checked by PeriodSchema; throws on anything else. */
export function parsePeriod(id: string): Period {
  const period = periodOrNull(id);
  if (period === null) throw new RangeError('not a period id');
  return period;
}

/** A period may be released once it has ended (its figures no longer grow). */
export function hasEnded(period: Period, today: string): boolean {
  return period.endDay <= today;
}

/** The period of `kind` holding `day` ('YYYY-MM-DD'). */
export function periodOf(kind: PeriodKind, day: string): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${pad(month)}`;
}

/** The period just before `id`, of the same kind. */
export function previousPeriod(id: string): string {
  const { kind, year } = parsePeriod(id);
  if (kind === 'year') return String(year - 1);
  if (kind === 'quarter') {
    const q = Number(id.slice(6));
    return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
  }
  const m = Number(id.slice(5, 7));
  return m === 1 ? `${year - 1}-12` : monthId(year, m - 1);
}

/** `count` periods of `kind`, newest first, starting from `first`. */
export function periodsBackFrom(first: string, count: number): string[] {
  const out = [first];
  while (out.length < count) out.push(previousPeriod(out.at(-1) ?? first));
  return out;
}
