/**
 * Fixed calendar periods (month, quarter, year; never an arbitrary range, which would let
 * overlapping reports be subtracted) and the order in which a year's periods are released.
 * A year has 17 release stages: each month when it ends, each quarter right after its last
 * month, the year after its fourth quarter. Suppression is decided stage by stage
 * (suppression.ts), so a period's published cells never depend on later periods.
 */
import { parsePeriod } from '@kenekanko/contracts';
import type { Period } from '@kenekanko/contracts';

// Parsing and calendar arithmetic are shared with the desk and the public page (contracts/periods.ts).
export { hasEnded, parsePeriod } from '@kenekanko/contracts';
export type { Period } from '@kenekanko/contracts';

const monthId = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

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
