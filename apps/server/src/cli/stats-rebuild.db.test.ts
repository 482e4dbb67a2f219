/**
 * `npm run stats:rebuild` on both databases: rollups lost or stale (a restored backup, rows
 * edited by hand) come back equal to the figures computed straight from the base tables.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateAlerts } from '../../../../scripts/generate-alerts.ts';
import { DATABASE_KINDS, createTestDatabase } from '../../test/databases.ts';
import { dashboardCountsDirect } from '../adapters/stats-direct.ts';
import { rollupDashboardCounts, rollupFilter } from '../adapters/stats-rollup-queries.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { EXIT_FAILED, EXIT_OK, statsRebuildMain } from './stats-rebuild-command.ts';

const ALL = { scope: 'all', days: null, kind: undefined, region: undefined } as const;
const ROLLUP_ALL = rollupFilter(ALL) ?? ({} as never);

describe.each(DATABASE_KINDS)('npm run stats:rebuild on %s', (kind) => {
  let dir: string;
  let handle: DatabaseHandle;
  let env: Record<string, string>;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kk-stats-rebuild-'));
    if (kind === 'sqlite') {
      handle = await openDatabase({ kind, file: path.join(dir, 'kenekanko.sqlite') });
      await migrateToLatest(handle.db);
      env = { DATA_DIR: dir };
    } else {
      const test = await createTestDatabase(kind);
      handle = test;
      env = { DATA_DIR: dir, DATABASE_URL: test.location };
    }
  });
  afterEach(async () => {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('recomputes rollups that were lost, and reports how many buckets', async () => {
    await generateAlerts(handle.db, { count: 80, firstYear: 2024, seed: 3 });
    // As after restoring a backup of the base tables alone: no rollup, no mark.
    await handle.db.deleteFrom('stats_dirty').execute();
    await handle.db.deleteFrom('stats_counts').execute();
    await handle.db.deleteFrom('stats_flows').execute();
    expect((await rollupDashboardCounts(handle.db, ROLLUP_ALL)).total).toBe(0);
    const lines: string[] = [];
    expect(await statsRebuildMain(env, (line) => lines.push(line), (line) => lines.push(line))).toBe(EXIT_OK);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^stats rebuilt: \d+ buckets/);
    const direct = await dashboardCountsDirect(handle.db, ALL);
    expect(direct.total).toBe(80);
    expect(await rollupDashboardCounts(handle.db, ROLLUP_ALL)).toEqual(direct);
  });

  it('fails with a clear line when there is no database to rebuild', async () => {
    const lines: string[] = [];
    const missing = kind === 'sqlite' ? { DATA_DIR: path.join(dir, 'nowhere') } : { DATA_DIR: dir, DATABASE_URL: 'not a url' };
    expect(await statsRebuildMain(missing, () => undefined, (line) => lines.push(line))).toBe(EXIT_FAILED);
    expect(lines).toHaveLength(1);
  });
});
