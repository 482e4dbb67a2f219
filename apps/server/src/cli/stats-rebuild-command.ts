/**
 * `npm run stats:rebuild`: recomputes every monitoring rollup (migration 0009) from the base
 * tables, with the same configuration as the server (loadConfig: DATABASE_URL or DATA_DIR).
 * Never needed for correctness (every write marks its bucket and every read refreshes the
 * marked ones); it is the repair after restoring a backup taken between a write and its
 * refresh, after editing rows by hand with the triggers dropped, or to warm a bulk import
 * up front instead of on the first dashboard read. Safe while the server runs: bucket by
 * bucket, each in its own transaction, alongside the server's own refreshes.
 * Exit codes: 0 done, 2 it could not run (configuration, database).
 */
import { existsSync } from 'node:fs';
import { rebuildStats } from '../adapters/stats-rollup.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import type { Config } from '../config/config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED = 2;

/** Rebuilds and reports; `now` only times it. */
export async function statsRebuildMain(env: NodeJS.ProcessEnv, out: (line: string) => void, err: (line: string) => void, now: () => number = Date.now): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    err(error instanceof ConfigError ? error.message : 'invalid configuration');
    return EXIT_FAILED;
  }
  if (config.database.kind === 'sqlite' && !existsSync(config.database.file)) {
    err('no database file: nothing to rebuild');
    return EXIT_FAILED;
  }
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config.database);
  } catch {
    err('could not open the database');
    return EXIT_FAILED;
  }
  try {
    // The rollup tables and their triggers come with migration 0009: bring an older database up first.
    await migrateToLatest(database.db);
    const started = now();
    const buckets = await rebuildStats(database.db);
    out(`stats rebuilt: ${buckets} buckets (organisation × month) in ${((now() - started) / 1000).toFixed(1)} s`);
    return EXIT_OK;
  } catch {
    err('could not rebuild the statistics (database error)');
    return EXIT_FAILED;
  } finally {
    await database.close();
  }
}
