/**
 * The dashboard's period filter: fixed calendar periods only (a year, a quarter or a month;
 * never an arbitrary range, issue 5), the current one included since the desk's counts are
 * internal, and the ended period whose partners' report the page offers. Pure, tested beside.
 */
import { parsePeriod, periodOf, periodsBackFrom, previousPeriod } from '@kenekanko/contracts';
import type { PeriodKind } from '@kenekanko/contracts';
import { periodName as sharedPeriodName } from '../../shared/period-name.ts';
import type { PeriodPatterns } from '../../shared/period-name.ts';

// Calendar arithmetic is the one the server releases by (contracts/periods.ts).
export { periodOf, previousPeriod } from '@kenekanko/contracts';

/** How many periods of each kind the picker lists, newest first (the current one first). */
export const PICKER_LENGTH = { year: 5, quarter: 8, month: 12 } as const satisfies Record<PeriodKind, number>;

export const periodKindOf = (id: string): PeriodKind => parsePeriod(id).kind;

/** The picker's choices of `kind`: the current period, then earlier ones. */
export function periodChoices(kind: PeriodKind, today: string): string[] {
  return periodsBackFrom(periodOf(kind, today), PICKER_LENGTH[kind]);
}

/**
 * The ended period whose report the page offers: the filter's period once it has ended,
 * else the one before it of the same kind; with no period filter, the last ended quarter.
 * (The server releases ended periods only.)
 */
export function reportPeriod(filter: string | undefined, today: string): string {
  if (filter === undefined) return previousPeriod(periodOf('quarter', today));
  const kind = periodKindOf(filter);
  const current = periodOf(kind, today);
  return filter < current ? filter : previousPeriod(current);
}

export type { PeriodPatterns } from '../../shared/period-name.ts';

/** 'juillet 2026', 'juillet – septembre 2026', '2026', in the desk's locale (French or English). */
export function periodName(id: string, locale: string, patterns: PeriodPatterns): string {
  const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return sharedPeriodName(id, (m) => month.format(Date.UTC(2000, m - 1, 1)), patterns);
}

/** A month key 'YYYY-MM' as a column label: 'mars 25' / 'Mar 25'. */
export function shortMonth(key: string, locale: string): string {
  const ms = Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 1);
  if (Number.isNaN(ms)) return key;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(ms);
}
