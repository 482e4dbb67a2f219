/**
 * What the public page reads from a release (GET /api/public/stats): the chosen period's
 * tables, each cell as the page writes it, and the months of a quarter or the quarters of a
 * year. Pure functions over the parsed answer, tested beside.
 * SECURITY: a suppressed cell is only ever written "< threshold"; nothing here adds, subtracts
 * or estimates cells (the page must not undo the server's suppression, even by accident).
 */
import type { ReleasedCell, ReleasedPeriod, ReleasedTable, ReleaseMeasure, StatsRelease } from '@kenekanko/contracts';
import { formatNumber } from '../i18n/format.ts';
import type { LanguageFormats } from '../i18n/types.ts';

export type Breakdown = 'kind' | 'region';

/** The released period the page is about (the release also carries the periods nested in it). */
export function mainPeriod(release: StatsRelease): ReleasedPeriod | undefined {
  return release.periods.find((p) => p.period === release.period);
}

/** The periods nested one level down (a quarter's months, a year's quarters), in calendar order. */
export function childPeriods(release: StatsRelease): readonly ReleasedPeriod[] {
  const kind = mainPeriod(release)?.kind;
  const childKind = kind === 'year' ? 'quarter' : kind === 'quarter' ? 'month' : null;
  return childKind === null ? [] : release.periods.filter((p) => p.kind === childKind).sort((a, b) => a.period.localeCompare(b.period));
}

export function tableOf(period: ReleasedPeriod | undefined, measure: ReleaseMeasure, dimension: Breakdown | null = null): ReleasedTable | undefined {
  return period?.tables.find((t) => t.measure === measure && t.dimension === dimension);
}

/** A measure's total in a period, or undefined when the period has no such table (nothing to count yet). */
export function totalOf(period: ReleasedPeriod | undefined, measure: ReleaseMeasure): ReleasedCell | undefined {
  return tableOf(period, measure)?.total;
}

/** '1 234', or '< 5' for a suppressed cell. */
export function cellText(cell: ReleasedCell | undefined, threshold: number, formats: LanguageFormats): string {
  if (cell === undefined) return formatNumber(0, formats);
  if (cell.suppressed || cell.value === null) return `< ${formatNumber(threshold, formats)}`;
  return formatNumber(cell.value, formats);
}

/** A cell as the map and the bars take it: a number, or null when suppressed. */
export function cellValue(cell: ReleasedCell | undefined): number | null {
  if (cell === undefined) return 0;
  return cell.suppressed ? null : cell.value;
}

/** Rows of a breakdown by key (region place ids, kinds of wrongdoing). */
export function cellsByKey(table: ReleasedTable | undefined): ReadonlyMap<string, ReleasedCell> {
  return new Map((table?.rows ?? []).map((row) => [row.key, row.cell]));
}

/**
 * Rows in the order a reader scans them: largest published first, then suppressed ones, then
 * by label. The order uses published values only, so it says nothing about a hidden cell.
 */
export function rowsForReading(table: ReleasedTable | undefined, labelOf: (key: string, label: string) => string): readonly { readonly key: string; readonly label: string; readonly cell: ReleasedCell }[] {
  const rows = (table?.rows ?? []).map((row) => ({ key: row.key, label: labelOf(row.key, row.label), cell: row.cell }));
  const rank = (cell: ReleasedCell): number => (cell.suppressed || cell.value === null ? -1 : cell.value);
  return rows.sort((a, b) => rank(b.cell) - rank(a.cell) || a.label.localeCompare(b.label));
}
