/**
 * `npm run bench:stats` (and the end of `npm run bench`): the monitoring dashboard's queries
 * at national scale. Generates BENCH_ALERTS synthetic alerts (default 1,000,000) with their
 * histories (scripts/generate-alerts.ts) on SQLite and on a PostgreSQL it starts itself, then
 * times each dashboard query beside a plain `count(*)` over alerts, the baseline, and prints
 * the ratios. Median of three runs after a warm-up. Figures only; judging them is for people.
 * Generation runs with SQLite's synchronous=OFF (a bench database, not a product setting).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createStatsRepos, dashboardQueries } from '../apps/server/src/adapters/stats-repo.ts';
import { migrateToLatest, openDatabase } from '../apps/server/src/db/database.ts';
import type { DatabaseHandle } from '../apps/server/src/db/database.ts';
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
  return [
    ['all alerts', { scope: 'all', days: null, kind: undefined, region: undefined }],
    ['year 2024', { scope: 'all', days: { firstDay: '2024-01-01', endDay: '2025-01-01' }, kind: undefined, region: undefined }],
    ['one CSO, 2024-Q2, bribery', { scope: [cso.id], days: { firstDay: '2024-04-01', endDay: '2024-07-01' }, kind: 'bribery', region: undefined }],
  ];
}

async function benchDatabase(handle: DatabaseHandle, count: number): Promise<void> {
  const db = handle.db;
  await migrateToLatest(db);
  if (handle.dialect === 'sqlite') await sql`pragma synchronous = off`.execute(db);
  const started = performance.now();
  await generateAlerts(db, { count });
  out(`\n${handle.dialect}: ${count.toLocaleString('en')} alerts generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await sql`analyze`.execute(db);
  const baseline = await median(() => sql`select count(*) from alerts`.execute(db));
  const row = (name: string, ms: number) => out(`  ${name.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms ${(ms / baseline).toFixed(1).padStart(7)}×`);
  row('count(*) over alerts (baseline)', baseline);
  const repo = createStatsRepos(db).stats;
  for (const [label, filter] of await filters(handle)) {
    out(`  -- ${label}`);
    let total = 0;
    for (const [name, query] of Object.entries(dashboardQueries(db, filter))) {
      const ms = await median(query);
      total += ms;
      row(name, ms);
    }
    row('whole dashboard, one query after another', total);
    row('whole dashboard as served (in parallel)', await median(() => repo.dashboardCounts(filter)));
  }
  out('  -- overdue and releases');
  row('overdue facts (all organisations)', await median(() => repo.overdueFacts('all')));
  row('year facts 2024 (release input)', await median(() => repo.yearFacts(2024)));
  const facts = await repo.yearFacts(2024);
  row('suppression of the 2024 release (CPU)', await median(() => Promise.resolve(buildRelease(facts, parsePeriod('2024'), 5))));
  row('data version (cache check per public request)', await median(() => repo.dataVersion()));
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
