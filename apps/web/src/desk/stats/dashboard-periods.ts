/**
 * The dashboard's period filter: fixed calendar periods only (a year, a quarter or a month;
 * never an arbitrary range, issue 5), the current one included since the desk's counts are
 * internal, and the ended period whose partners' report the page offers. Pure, tested beside.
 */
import type { PeriodKind } from '@kenekanko/contracts';

const pad = (n: number): string => String(n).padStart(2, '0');

/** How many periods of each kind the picker lists, newest first (the current one first). */
export const PICKER_LENGTH = { year: 5, quarter: 8, month: 12 } as const satisfies Record<PeriodKind, number>;

export function periodKindOf(id: string): PeriodKind {
  return id.length === 4 ? 'year' : id.includes('Q') ? 'quarter' : 'month';
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
  const year = Number(id.slice(0, 4));
  switch (periodKindOf(id)) {
    case 'year':
      return String(year - 1);
    case 'quarter': {
      const q = Number(id.slice(6));
      return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
    }
    case 'month': {
      const m = Number(id.slice(5, 7));
      return m === 1 ? `${year - 1}-12` : `${year}-${pad(m - 1)}`;
    }
  }
}

/** The picker's choices of `kind`: the current period, then earlier ones. */
export function periodChoices(kind: PeriodKind, today: string): string[] {
  const out = [periodOf(kind, today)];
  while (out.length < PICKER_LENGTH[kind]) out.push(previousPeriod(out.at(-1) ?? ''));
  return out;
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

export type PeriodPatterns = { readonly month: string; readonly quarter: string; readonly year: string };

const fill = (pattern: string, values: Readonly<Record<string, string>>): string => pattern.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** 'juillet 2026', 'juillet – septembre 2026', '2026', in the desk's locale (French or English). */
export function periodName(id: string, locale: string, patterns: PeriodPatterns): string {
  const monthName = (m: number): string => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, m - 1, 1));
  const year = id.slice(0, 4);
  switch (periodKindOf(id)) {
    case 'year':
      return fill(patterns.year, { year });
    case 'quarter': {
      const q = Number(id.slice(6));
      return fill(patterns.quarter, { first: monthName(q * 3 - 2), last: monthName(q * 3), year });
    }
    case 'month':
      return fill(patterns.month, { month: monthName(Number(id.slice(5, 7))), year });
  }
}

/** A month key 'YYYY-MM' as a column label: 'mars 25' / 'Mar 25'. */
export function shortMonth(key: string, locale: string): string {
  const ms = Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 1);
  if (Number.isNaN(ms)) return key;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(ms);
}
