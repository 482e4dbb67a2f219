/**
 * `npm run bench:stats` (and the end of `npm run bench`): the monitoring dashboard's queries
 * at national scale. Generates BENCH_ALERTS synthetic alerts (default 1,000,000) with their
 * histories (scripts/generate-alerts.ts) on SQLite and on a PostgreSQL it starts itself, then
 * times each dashboard query beside a plain `count(*)` over alerts, the baseline, and prints
 * the ratios. Median of three runs after a warm-up. Figures only; judging them is for people.
 * The dashboard reads the exact rollups of migration 0009 (docs/adr/0018-stats-rollups.md):
 * the bench also times computing them all from scratch (what `npm run stats:rebuild` does, and
 * what the first read after the bulk load does) and the first read after one state change.
 * Generation runs with SQLite's synchronous=OFF and secure_delete=OFF and a large page cache
 * (a bench database, not product settings); the triggers that mark buckets stay on.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createStatsRepos } from '../apps/server/src/adapters/stats-repo.ts';
import { rebuildStats } from '../apps/server/src/adapters/stats-rollup.ts';
import { rollupFilter, rollupQueries } from '../apps/server/src/adapters/stats-rollup-queries.ts';
import { migrateToLatest, openDatabase } from '../apps/server/src/db/database.ts';
import type { DatabaseHandle, Db } from '../apps/server/src/db/database.ts';
import type { DashboardFilter } from '../apps/server/src/features/stats/index.ts';
import { buildRelease } from '../apps/server/src/features/stats/release-tables.ts';
import { parsePeriod } from '../apps/server/src/features/stats/periods.ts';
import { generateAlerts } from '../scripts/generate-alerts.ts';
import { startBenchPostgres } from './postgres-server.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1] ?? 0;
}

async function filters(handle: DatabaseHandle): Promise<[string, DashboardFilter][]> {
  const cso = await handle.db.selectFrom('organisations').select('id').where('kind', '=', 'cso').orderBy('name').executeTakeFirstOrThrow();
  const region = await handle.db.selectFrom('places').select('id').where('kind', '=', 'region').orderBy('id').executeTakeFirstOrThrow();
  const all = { scope: 'all', days: null, kind: undefined, region: undefined } as const;
  const q2 = { firstDay: '2024-04-01', endDay: '2024-07-01' };
  return [
    ['coalition, all time', all],
    ['one CSO, all time', { ...all, scope: [cso.id] }],
    ['coalition, 2024-Q2', { ...all, days: q2 }],
    ['coalition, all time, kind bribery', { ...all, kind: 'bribery' }],
    ['coalition, all time, one region', { ...all, region: region.id }],
    ['one CSO, 2024-Q2, bribery, one region', { scope: [cso.id], days: q2, kind: 'bribery', region: region.id }],
  ];
}

type Row = (name: string, ms: number) => void;

async function benchDashboards(handle: DatabaseHandle, row: Row): Promise<void> {
  const repo = createStatsRepos(handle.db).stats;
  for (const [label, filter] of await filters(handle)) {
    out(`  -- dashboard: ${label}`);
    const rollup = rollupFilter(filter);
    if (rollup === null) throw new Error('bench filters are whole months');
    let total = 0;
    for (const [name, query] of Object.entries(rollupQueries(handle.db, rollup))) {
      const ms = await median(query);
      total += ms;
      row(name, ms);
    }
    row('whole dashboard, one query after another', total);
    row('whole dashboard as served (refresh check + parallel)', await median(() => repo.dashboardCounts(filter)));
  }
}

/** The first dashboard read after one state change: one bucket recomputed, then read. */
async function afterOneChange(db: Db, row: Row): Promise<void> {
  const repo = createStatsRepos(db).stats;
  const times: number[] = [];
  const alerts = await db.selectFrom('alerts').select(['id', 'state', 'updated_at']).where('state', '=', 'received').orderBy('id').limit(4).execute();
  for (const alert of alerts) {
    await db.updateTable('alerts').set({ state: 'acknowledged' }).where('id', '=', alert.id).execute();
    const started = performance.now();
    await repo.dashboardCounts({ scope: 'all', days: null, kind: undefined, region: undefined });
    times.push(performance.now() - started);
    await db.updateTable('alerts').set({ state: alert.state }).where('id', '=', alert.id).execute();
  }
  row('first dashboard read after one state change', times.sort((a, b) => a - b)[1] ?? 0);
}

async function benchDatabase(handle: DatabaseHandle, count: number): Promise<void> {
  const db = handle.db;
  await migrateToLatest(db);
  if (handle.dialect === 'sqlite') for (const pragma of ['synchronous = off', 'secure_delete = off', 'cache_size = -262144']) await sql.raw(`pragma ${pragma}`).execute(db);
  const started = performance.now();
  await generateAlerts(db, { count });
  out(`\n${handle.dialect}: ${count.toLocaleString('en')} alerts generated in ${((performance.now() - started) / 1000).toFixed(1)} s (with their histories; triggers marking buckets on)`);
  const rebuilt = performance.now();
  const buckets = await rebuildStats(db);
  out(`  rollups computed from scratch (stats:rebuild): ${buckets} buckets in ${((performance.now() - rebuilt) / 1000).toFixed(1)} s`);
  await sql`analyze`.execute(db);
  const sizes = await db.selectNoFrom([sql<number>`(select count(*) from state_changes)`.as('changes'), sql<number>`(select count(*) from forwardings)`.as('forwardings'), sql<number>`(select count(*) from stats_counts)`.as('counts'), sql<number>`(select count(*) from stats_flows)`.as('flows')]).executeTakeFirstOrThrow();
  out(`  rows: ${Number(sizes.changes).toLocaleString('en')} state changes, ${Number(sizes.forwardings).toLocaleString('en')} forwardings; rollups ${Number(sizes.counts).toLocaleString('en')} counts + ${Number(sizes.flows).toLocaleString('en')} flows`);
  const baseline = await median(() => sql`select count(*) from alerts`.execute(db));
  const row: Row = (name, ms) => out(`  ${name.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms ${(ms / baseline).toFixed(1).padStart(8)}×`);
  row('count(*) over alerts (baseline)', baseline);
  await benchDashboards(handle, row);
  const repo = createStatsRepos(db).stats;
  out('  -- overdue and releases');
  row('overdue facts (all organisations)', await median(() => repo.overdueFacts('all')));
  row('year facts 2024 (release input)', await median(() => repo.yearFacts(2024)));
  const facts = await repo.yearFacts(2024);
  row('suppression of the 2024 release (CPU)', await median(() => Promise.resolve(buildRelease(facts, parsePeriod('2024'), 5))));
  row('data version (cache check per public request)', await median(() => repo.dataVersion()));
  out('  -- after a change');
  await afterOneChange(db, row);
}

export async function runStatsBench(): Promise<void> {
  const count = Number(process.env['BENCH_ALERTS'] ?? '1000000');
  if (!Number.isSafeInteger(count) || count < 1) throw new Error('BENCH_ALERTS: a whole number of alerts');
  out(`Monitoring dashboard queries, median of 3 after a warm-up; ratio to count(*) over alerts`);
  const dir = await mkdtemp(path.join(tmpdir(), 'kk-bench-stats-'));
  const sqlite = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  try {
    await benchDatabase(sqlite, count);
  } finally {
    await sqlite.close();
    await rm(dir, { recursive: true, force: true });
  }
  const server = await startBenchPostgres();
  try {
    const postgres = await openDatabase({ kind: 'postgres', url: server.url });
    try {
      await benchDatabase(postgres, count);
    } finally {
      await postgres.close();
    }
  } finally {
    server.stop();
  }
}

if (process.argv[1]?.endsWith('stats-bench.ts') === true) await runStatsBench();
