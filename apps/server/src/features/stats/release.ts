/**
 * Released statistics of a fixed calendar period: the partners' report (every released table)
 * and the public statistics (a subset of the same cells), with small counts suppressed.
 *
 * A release is computed once per (period, threshold, data version), at most every five
 * minutes, and kept in the database (stats_releases), so every server process serves the same
 * bytes and a flood of requests costs one cheap version query each. Only periods that have ended are released: their
 * counts no longer grow, and a period's cells are decided before any later period's
 * (suppression.ts), and every release reads the frozen facts of its months (frozen.ts:
 * published figures are final), so releases made at different times agree.
 * SECURITY: the public view drops tables, never cells, from the one suppressed release: the
 * public page and a partner's report can be combined without uncovering anything.
 */
import type { ReleasedPeriod, StatsRelease } from '@kenekanko/contracts';
import { StatsReleaseSchema } from '@kenekanko/contracts';
import * as v from 'valibot';
import { AppError } from '../../http/app-error.ts';
import { releaseFacts } from './frozen.ts';
import { hasEnded, parsePeriod } from './periods.ts';
import type { StatsRepo } from './ports.ts';
import { releasedPeriods } from './release-tables.ts';

const releaseKey = (period: string, threshold: number): string => `release:${period}:threshold-${threshold}`;

/**
 * A release is recomputed at most this often, however often the data change: requests for
 * public statistics then cost one cheap query, and a flood of them, period after period,
 * cannot turn into a flood of computations.
 */
export const RELEASE_MIN_AGE_MS = 5 * 60 * 1000;

/** The suppressed release of `periodId` and its nested periods, from the cache when the data did not change. */
export async function statsRelease(stats: StatsRepo, periodId: string, threshold: number, now: Date): Promise<StatsRelease> {
  const period = parsePeriod(periodId);
  const today = now.toISOString().slice(0, 10);
  if (!hasEnded(period, today)) throw new AppError('stats-period-open');
  const key = releaseKey(period.id, threshold);
  const version = await stats.dataVersion();
  const cached = await stats.cachedRelease(key, version, new Date(now.getTime() - RELEASE_MIN_AGE_MS).toISOString());
  if (cached !== undefined) return v.parse(StatsReleaseSchema, JSON.parse(cached));
  const facts = await releaseFacts(stats, period, threshold, now);
  const release: StatsRelease = { period: period.id, threshold, computedMonth: today.slice(0, 7), periods: releasedPeriods(facts, period, threshold) };
  await stats.saveRelease(key, version, JSON.stringify(release), now.toISOString());
  return release;
}

/** What the public page shows: alerts, by kind, by region; forwarded; answered. */
const PUBLIC_TABLES: readonly string[] = ['alerts/', 'alerts/kind', 'alerts/region', 'forwarded/', 'answered/'];

export function publicView(release: StatsRelease): StatsRelease {
  const keep = (p: ReleasedPeriod): ReleasedPeriod => ({ ...p, tables: p.tables.filter((t) => PUBLIC_TABLES.includes(`${t.measure}/${t.dimension ?? ''}`)) });
  return { ...release, periods: release.periods.map(keep) };
}
