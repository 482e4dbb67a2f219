/**
 * The periods the public page offers: fixed calendar periods that have ended (the server
 * releases nothing else, features/stats/release.ts), newest first, and their names in the
 * reader's language. The default is the last ended quarter: recent, and large enough that
 * most of its cells are published. Pure functions, tested beside.
 */
import { periodOf, periodOrNull, periodsBackFrom, hasEnded as periodHasEnded, previousPeriod } from '@kenekanko/contracts';
import type { LanguageFormats } from '../i18n/types.ts';
import { periodName as sharedPeriodName } from '../shared/period-name.ts';
import type { PeriodPatterns } from '../shared/period-name.ts';

export type PeriodChoice = { readonly id: string; readonly kind: 'month' | 'quarter' | 'year' };

/** The last quarter that has ended by `today` ('YYYY-MM-DD'). */
export function lastEndedQuarter(today: string): string {
  return previousPeriod(periodOf('quarter', today));
}

/** How far back the picker goes (older periods stay reachable through the address). */
export const PICKER_DEPTH = { month: 12, quarter: 8, year: 3 } as const;

/** Ended months, quarters and years, newest first, PICKER_DEPTH of each. */
export function endedPeriods(today: string): { readonly months: readonly string[]; readonly quarters: readonly string[]; readonly years: readonly string[] } {
  return {
    months: periodsBackFrom(previousPeriod(periodOf('month', today)), PICKER_DEPTH.month),
    quarters: periodsBackFrom(lastEndedQuarter(today), PICKER_DEPTH.quarter),
    years: periodsBackFrom(previousPeriod(periodOf('year', today)), PICKER_DEPTH.year),
  };
}

export function periodKind(id: string): PeriodChoice['kind'] | null {
  return periodOrNull(id)?.kind ?? null;
}

/** A period id that has ended by `today`; false for anything that is not a period. */
export function hasEnded(id: string, today: string): boolean {
  const period = periodOrNull(id);
  return period !== null && periodHasEnded(period, today);
}

/** What a period is called: 'juillet 2026', 'juillet – septembre 2026', '2026'. */
export type PeriodNames = PeriodPatterns;

export function periodName(id: string, formats: LanguageFormats, names: PeriodNames): string {
  return sharedPeriodName(id, (n) => formats.months[n - 1] ?? String(n), names);
}
