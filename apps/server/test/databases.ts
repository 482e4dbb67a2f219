/**
 * Fresh, migrated, place-seeded databases for integration tests, on both dialects:
 *
 *   describe.each(DATABASE_KINDS)('inbox on %s', (kind) => {
 *     let handle: DatabaseHandle;
 *     beforeEach(async () => { handle = await createTestDatabase(kind); });
 *     afterEach(() => handle.close());
 *   });
 *
 * SQLite: a file in a temp folder (not ':memory:', so WAL and file locking are exercised as in
 * production). PostgreSQL: a database on the harness server (postgres-global-setup.ts), copied
 * from its migrated and seeded template, or an earlier test's database emptied. Only tests
 * named *.db.test.ts (and the browser tests) have the harness.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle, type Dialect } from '../src/db/database.ts';
import { TABLES_CHILDREN_FIRST as T0001 } from '../src/db/migrations/0001-initial.ts';
import { TABLES_CHILDREN_FIRST as T0002 } from '../src/db/migrations/0002-organisations.ts';
import { TABLES_CHILDREN_FIRST as T0003 } from '../src/db/migrations/0003-second-factor.ts';
import { TABLES_CHILDREN_FIRST as T0004 } from '../src/db/migrations/0004-case-work.ts';
import { TABLES_CHILDREN_FIRST as T0005 } from '../src/db/migrations/0005-forwarding.ts';
import { TABLES_CHILDREN_FIRST as T0006 } from '../src/db/migrations/0006-custody-audit-retention.ts';
import { TABLES_CHILDREN_FIRST as T0007 } from '../src/db/migrations/0007-stats.ts';
import { TABLES_CHILDREN_FIRST as T0008 } from '../src/db/migrations/0008-audit-mac.ts';
import { TABLES_CHILDREN_FIRST as T0009 } from '../src/db/migrations/0009-stats-rollups.ts';
import { TABLES_CHILDREN_FIRST as T0010 } from '../src/db/migrations/0010-stats-frozen.ts';
import { seedPlaces } from '../src/places/places-repository.ts';

export const DATABASE_KINDS = ['sqlite', 'postgres'] as const satisfies readonly Dialect[];
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export type TestDatabaseOptions = {
  /** false for tests of the migrations themselves; true by default. */
  readonly migrate?: boolean;
  /** false for an empty places table; true by default (ignored without migrate). */
  readonly seed?: boolean;
};

export type TestDatabase = DatabaseHandle & { readonly location: string };

/** A fixed instant, so that seeded rows do not depend on the day the test runs. */
const SEED_NOW = new Date('2025-01-15T00:00:00.000Z');

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function openSqliteTest(): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kk-sqlite-'));
  const file = path.join(dir, 'test.sqlite');
  const handle = await openDatabase({ kind: 'sqlite', file });
  return {
    ...handle,
    location: file,
    close: async () => {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Creating a PostgreSQL database costs a few hundred milliseconds, emptying one a few dozen:
 * closed test databases of this file are kept, and the next test gets one emptied (every
 * row of every table deleted, places seeded again).
 */
const idlePostgres: string[] = [];

function postgresUrlOf(name: string): string {
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return url.href;
}

/** Every migration's tables, the newest migration's first: later tables point at earlier ones. */
const TABLES_CHILDREN_FIRST = [...T0010, ...T0009, ...T0008, ...T0007, ...T0006, ...T0005, ...T0004, ...T0003, ...T0002, ...T0001];

async function emptyTables(db: DatabaseHandle['db']): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Names from the migrations' own lists (typed as plain strings there), hence raw SQL.
    for (const table of TABLES_CHILDREN_FIRST) await sql`delete from ${sql.table(table)}`.execute(trx);
  });
}

async function openPostgresTest(migrate: boolean, seed: boolean): Promise<TestDatabase> {
  const reused = migrate ? idlePostgres.pop() : undefined;
  // Named after the run's template, so the harness can drop leftovers on a shared server.
  const name = reused ?? `${inject('postgresTemplate')}_t${randomBytes(6).toString('hex')}`;
  if (reused === undefined) {
    await adminQuery(migrate ? `CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}` : `CREATE DATABASE ${name}`);
  }
  const location = postgresUrlOf(name);
  const handle = await openDatabase({ kind: 'postgres', url: location });
  const close = async (): Promise<void> => {
    await handle.close();
    if (migrate) idlePostgres.push(name);
    else await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    if (migrate && (reused !== undefined || !seed)) await emptyTables(handle.db);
    if (reused !== undefined && seed) await seedPlaces(handle.db, SEED_NOW);
  } catch (error) {
    await close();
    throw error;
  }
  return { ...handle, location, close };
}

/**
 * A new database of `kind`, migrated and seeded with the places unless told otherwise.
 * `location` is the SQLite file or the PostgreSQL URL, for tests that open a second handle
 * (close it before the test ends).
 */
export async function createTestDatabase(kind: DatabaseKind, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  const seed = migrate && (options.seed ?? true);
  // PostgreSQL databases come migrated and seeded from the harness's template.
  if (kind === 'postgres') return openPostgresTest(migrate, seed);
  const handle = await openSqliteTest();
  try {
    if (migrate) await migrateToLatest(handle.db);
    if (seed) await seedPlaces(handle.db, SEED_NOW);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
