/**
 * Published figures are final (features/stats/frozen.ts, ADR 0017), on both databases: late
 * changes to an ended period's data (an old alert marked spam, a state change, a forwarding
 * answered late, an organisation renamed) leave every cell of every period already released
 * exactly as it was, while the internal dashboard shows them; two processes freezing at once
 * end with one stored version; a release at another threshold is refused.
 * The fixture is the security tester's scenario: a sparse year where re-deciding suppression
 * from the live data after one spam mark changes published cells (asserted below, so the test
 * fails if the releases ever go back to the live data).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_CODES, STATS_ROUTES } from '@kenekanko/contracts';
import type { Dashboard, ReleasedPeriod, StatsRelease } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createStatsRepos } from '../../adapters/stats-repo.ts';
import { parsePeriod, statsRelease } from '../../features/stats/index.ts';
import type { StatsRepo } from '../../features/stats/index.ts';
import { releasedPeriods } from '../../features/stats/release-tables.ts';
import { AppError } from '../app-error.ts';
import { createHarness, START } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { insertSparseYear } from '../testing/stats-sparse-year.ts';
import type { SparseYear } from '../testing/stats-sparse-year.ts';

const THRESHOLD = 5;
/** A seed whose year leaks without freezing (found by searching; asserted in the first test). */
const SEED = 2;
const JANUARY_2027 = new Date('2027-01-05T10:00:00.000Z');

/** Every cell of every period, by (period, measure, dimension, key): labels left out. */
const cellsOf = (periods: readonly ReleasedPeriod[]): Record<string, unknown> =>
  Object.fromEntries(
    periods.flatMap((p) =>
      p.tables.flatMap((t) => [[`${p.period}|${t.measure}|${t.dimension ?? ''}|total`, t.total], ...t.rows.map((r) => [`${p.period}|${t.measure}|${t.dimension ?? ''}|${r.key}`, r.cell])]),
    ),
  );

describe.each(DATABASE_KINDS)('published figures are final on %s', (kind) => {
  let h: Harness;
  let y: SparseYear;
  let stats: StatsRepo;
  beforeEach(async () => {
    h = await createHarness(kind, { statsSuppressionThreshold: THRESHOLD });
    y = await insertSparseYear(h, 2026, SEED);
    h.advance((JANUARY_2027.getTime() - START.getTime()) / 1000);
    stats = createStatsRepos(h.db).stats;
  });
  afterEach(async () => h.close());

  const report = async (cookie: string, period: string): Promise<StatsRelease> => {
    const response = await h.request('GET', `${STATS_ROUTES.report}?period=${period}&format=json`, { cookie });
    expect(response.status).toBe(200);
    return (await response.json()) as StatsRelease;
  };
  const liveRelease = async (period: string): Promise<readonly ReleasedPeriod[]> => releasedPeriods(await stats.yearFacts(2026), parsePeriod(period), THRESHOLD);

  it('publishes the same cells for every period already released after late changes, which only the dashboard shows', async () => {
    const coordinator = await y.world.addMember(y.world.coalition, 'coordinator');
    const cookie = await coordinator.logIn();
    const before = { year: await report(cookie, '2026'), q1: await report(cookie, '2026-Q1') };
    expect(cellsOf(before.year.periods)).toEqual(cellsOf(await liveRelease('2026'))); // freezing alone changes nothing
    const spamCount = async (): Promise<number> =>
      ((await (await h.request('GET', `${STATS_ROUTES.dashboard}?period=2026`, { cookie })).json()) as Dashboard).byState.find((g) => g.key === 'spam')?.count ?? 0;
    const spamBefore = await spamCount();

    // In January 2027: one March alert marked spam, another verified, a forwarding answered, an organisation renamed.
    const [spam, verified] = y.alertsByMonth.get('2026-03') ?? [];
    const late = h.now().toISOString();
    await h.db.updateTable('alerts').set({ state: 'spam', updated_at: late }).where('id', '=', spam ?? '').execute();
    await h.db.updateTable('alerts').set({ state: 'verified', updated_at: late }).where('id', '=', verified ?? '').execute();
    await h.db.updateTable('forwardings').set({ state: 'acknowledged', acknowledged_at: late }).where('id', '=', y.unanswered).execute();
    await h.db.updateTable('organisations').set({ name: 'AA Association renommée' }).where('id', '=', y.orgs[2]?.id ?? '').execute();
    h.advance(6 * 60);

    // Without freezing, this very change re-decides suppression and publishes different cells: the leak.
    expect(cellsOf(await liveRelease('2026'))).not.toEqual(cellsOf(before.year.periods));
    const after = { year: await report(cookie, '2026'), q1: await report(cookie, '2026-Q1'), march: await report(cookie, '2026-03') };
    expect(cellsOf(after.year.periods)).toEqual(cellsOf(before.year.periods));
    expect(cellsOf(after.q1.periods)).toEqual(cellsOf(before.q1.periods));
    expect(cellsOf(after.march.periods)).toEqual(cellsOf(before.year.periods.filter((p) => p.period === '2026-03')));
    // Labels are today's names; the internal dashboard is live and exact.
    expect(JSON.stringify(after.year)).toContain('AA Association renommée');
    expect(await spamCount()).toBe(spamBefore + 1);
  });

  it('keeps one stored version of each month when two processes freeze at once, and both publish it', async () => {
    // The second process read different live facts (one more alert in March) at the same moment.
    const other: StatsRepo = {
      ...stats,
      async yearFacts(year) {
        const facts = await stats.yearFacts(year);
        return { ...facts, alerts: [...facts.alerts, { month: '2026-03', kind: 'bribery', region: facts.keys.region[0]?.key ?? '', org: y.orgs[1]?.id ?? '', count: 40 }] };
      },
    };
    const [a, b] = await Promise.all([statsRelease(stats, '2026', THRESHOLD, h.now()), statsRelease(other, '2026', THRESHOLD, h.now())]);
    expect(cellsOf(b.periods)).toEqual(cellsOf(a.periods));
    const frozen = await h.db.selectFrom('stats_frozen_months').select(['month', 'threshold']).orderBy('month').execute();
    expect(frozen.map((r) => r.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(frozen.every((r) => r.threshold === THRESHOLD)).toBe(true);
    // Whichever won, a third release (cache emptied) publishes exactly the stored version.
    await h.db.deleteFrom('stats_releases').execute();
    expect(cellsOf((await statsRelease(other, '2026', THRESHOLD, h.now())).periods)).toEqual(cellsOf(a.periods));
  });

  it('refuses a release at another threshold once its months were published, with a translated error', async () => {
    await statsRelease(stats, '2026-Q1', THRESHOLD, h.now());
    for (const period of ['2026-Q1', '2026-02', '2026']) {
      const refused = await statsRelease(stats, period, THRESHOLD + 2, h.now()).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('stats-threshold-changed');
    }
    // Months frozen under another threshold (the configuration changed since): the server says so.
    await h.db.updateTable('stats_frozen_months').set({ threshold: THRESHOLD + 1 }).where('month', '=', '2026-01').execute();
    const response = await h.request('GET', `${STATS_ROUTES.publicStats}?period=2026-04`);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('stats-threshold-changed');
    expect(ERROR_CODES['stats-threshold-changed'].fr).toMatch(/seuil/);
    // Another year was never published: its months are frozen at the threshold in force.
    await expect(statsRelease(stats, '2025', THRESHOLD + 2, h.now())).resolves.toMatchObject({ threshold: THRESHOLD + 2 });
  });
});
