/**
 * The periods the public page offers: fixed calendar periods that have ended (the server
 * releases nothing else, features/stats/release.ts), newest first, and their names in the
 * reader's language. The default is the last ended quarter: recent, and large enough that
 * most of its cells are published. Pure functions, tested beside.
 */
import type { LanguageFormats } from '../i18n/types.ts';

export type PeriodChoice = { readonly id: string; readonly kind: 'month' | 'quarter' | 'year' };

const pad = (n: number): string => String(n).padStart(2, '0');

/** The year and month (1–12) of a day 'YYYY-MM-DD' (Mali is on UTC all year). */
function yearMonth(today: string): { year: number; month: number } {
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

/** The last quarter that has ended by `today` ('YYYY-MM-DD'). */
export function lastEndedQuarter(today: string): string {
  const { year, month } = yearMonth(today);
  const current = Math.floor((month - 1) / 3) + 1;
  return current === 1 ? `${year - 1}-Q4` : `${year}-Q${current - 1}`;
}

/** How far back the picker goes (older periods stay reachable through the address). */
export const PICKER_DEPTH = { month: 12, quarter: 8, year: 3 } as const;

/** Ended months, quarters and years, newest first, PICKER_DEPTH of each. */
export function endedPeriods(today: string): { readonly months: readonly string[]; readonly quarters: readonly string[]; readonly years: readonly string[] } {
  const { year, month } = yearMonth(today);
  const months = Array.from({ length: PICKER_DEPTH.month }, (_, i) => {
    const index = year * 12 + (month - 1) - (i + 1);
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  });
  const last = lastEndedQuarter(today);
  const lastIndex = Number(last.slice(0, 4)) * 4 + Number(last.slice(6)) - 1;
  const quarters = Array.from({ length: PICKER_DEPTH.quarter }, (_, i) => {
    const index = lastIndex - i;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  });
  const years = Array.from({ length: PICKER_DEPTH.year }, (_, i) => String(year - 1 - i));
  return { months, quarters, years };
}

const PERIOD_PATTERN = /^(19|20)\d{2}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

export function periodKind(id: string): PeriodChoice['kind'] | null {
  if (!PERIOD_PATTERN.test(id)) return null;
  return id.length === 4 ? 'year' : id.includes('Q') ? 'quarter' : 'month';
}

/** The day after the period ends ('YYYY-MM-DD'): it has ended once today is on or after it. */
function endDay(id: string): string {
  const year = Number(id.slice(0, 4));
  const kind = periodKind(id);
  const lastMonth = kind === 'year' ? 12 : kind === 'quarter' ? Number(id.slice(6)) * 3 : Number(id.slice(5, 7));
  return lastMonth === 12 ? `${year + 1}-01-01` : `${year}-${pad(lastMonth + 1)}-01`;
}

export function hasEnded(id: string, today: string): boolean {
  return periodKind(id) !== null && endDay(id) <= today;
}

/** What a period is called: 'juillet 2026', 'juillet – septembre 2026', '2026'. */
export type PeriodNames = { readonly month: string; readonly quarter: string; readonly year: string };

const fill = (pattern: string, values: Readonly<Record<string, string>>): string => pattern.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

export function periodName(id: string, formats: LanguageFormats, names: PeriodNames): string {
  const year = id.slice(0, 4);
  const month = (n: number): string => formats.months[n - 1] ?? String(n);
  switch (periodKind(id)) {
    case 'month':
      return fill(names.month, { month: month(Number(id.slice(5, 7))), year });
    case 'quarter': {
      const q = Number(id.slice(6));
      return fill(names.quarter, { first: month(q * 3 - 2), last: month(q * 3), year, quarter: String(q) });
    }
    case 'year':
      return fill(names.year, { year });
    case null:
      return id;
  }
}
