/**
 * What a calendar period is called on screen — 'juillet 2026', 'juillet – septembre 2026',
 * '2026' — from the language's patterns and its month names (the desk's from Intl, the public
 * page's from its catalogue). An id that is not a period is shown as it is.
 */
import { periodOrNull } from '@kenekanko/contracts';

/** Patterns with {month}, {first}, {last}, {quarter} and {year}. */
export type PeriodPatterns = { readonly month: string; readonly quarter: string; readonly year: string };

const fill = (pattern: string, values: Readonly<Record<string, string>>): string => pattern.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** `monthName(1)` is January's name. */
export function periodName(id: string, monthName: (month: number) => string, patterns: PeriodPatterns): string {
  const period = periodOrNull(id);
  if (period === null) return id;
  const year = String(period.year);
  const monthOf = (key: string | undefined): string => monthName(Number(key?.slice(5, 7)));
  switch (period.kind) {
    case 'year':
      return fill(patterns.year, { year });
    case 'quarter':
      return fill(patterns.quarter, { first: monthOf(period.months[0]), last: monthOf(period.months[2]), year, quarter: id.slice(6) });
    case 'month':
      return fill(patterns.month, { month: monthOf(period.months[0]), year });
  }
}
