/**
 * Opens the database (SQLite by default, PostgreSQL at scale; DESIGN §6) and runs migrations.
 * Both dialects return plain JavaScript numbers for integer columns and counts, so queries and
 * features never need to know which one they run on.
 *
 * SQLite: WAL (readers never block the writer), foreign keys enforced, a busy timeout for the
 * rare second process (the CLI), `synchronous` set to FULL explicitly (better-sqlite3 and WAL
 * would otherwise run at NORMAL, which can lose the last commits on a power cut, and an alert
 * acknowledged with a receipt must survive one), and `secure_delete` on so that a deleted row
 * (a spam alert's grants, an expired submission) is overwritten with zeros, not left readable
 * in free pages. Database files are created 0600 inside a 0700 folder. Kysely's SQLite driver runs one connection behind a mutex,
 * so transactions are serialised within the process.
 * PostgreSQL: a pg Pool whose int8 and numeric values are parsed to numbers (pg returns them
 * as strings by default); a value beyond 2^53 throws rather than silently losing precision.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config.ts';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-organisations.ts';
import * as m0003 from './migrations/0003-second-factor.ts';
import * as m0004 from './migrations/0004-case-work.ts';
import * as m0005 from './migrations/0005-forwarding.ts';
import * as m0006 from './migrations/0006-custody-audit-retention.ts';
import * as m0007 from './migrations/0007-stats.ts';
import * as m0008 from './migrations/0008-audit-mac.ts';
import * as m0009 from './migrations/0009-stats-rollups.ts';
import * as m0010 from './migrations/0010-stats-frozen.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Dialect = DatabaseConfig['kind'];

export type DatabaseHandle = {
  readonly db: Db;
  readonly dialect: Dialect;
  close(): Promise<void>;
};

/** Every migration, by name, in order. Static so that a bundled server needs no file scanning. */
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': m0001,
  '0002-organisations': m0002,
  '0003-second-factor': m0003,
  '0004-case-work': m0004,
  '0005-forwarding': m0005,
  '0006-custody-audit-retention': m0006,
  '0007-stats': m0007,
  '0008-audit-mac': m0008,
  '0009-stats-rollups': m0009,
  '0010-stats-frozen': m0010,
};

const staticProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};

const SQLITE_BUSY_TIMEOUT_MS = 5000;
const PG_INT8_OID = 20;
const PG_NUMERIC_OID = 1700;

function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError('database integer beyond the safe range');
  return value;
}

const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary' && oid === PG_INT8_OID) return parseSafeInteger;
    if (format !== 'binary' && oid === PG_NUMERIC_OID) return Number;
    return pg.types.getTypeParser(oid, format);
  },
};

/** SECURITY: only the server's user may read the database, its WAL and shared-memory files. */
function restrictFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
  }
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // SECURITY: an existing data folder too; mkdir's mode applies only to a new one.
    chmodSync(path.dirname(file), 0o700);
  }
  const sqlite = new BetterSqlite3(file);
  // Before WAL: SQLite gives the -wal and -shm files the main file's mode.
  if (file !== ':memory:') restrictFiles(file);
  sqlite.pragma('journal_mode = WAL');
  // SECURITY: after WAL, or the driver's NORMAL stays; a receipt must never outlive its alert.
  sqlite.pragma('synchronous = FULL');
  // SECURITY: freed pages are zeroed, so deleted envelopes and rows cannot be carved back.
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

function openPostgres(url: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: pgTypes });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  switch (config.kind) {
    case 'sqlite':
      return openSqlite(config.file);
    case 'postgres': {
      const handle = openPostgres(config.url);
      try {
        // Fail at start-up, not on the first request, when the server is unreachable.
        await handle.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
      } catch (error) {
        await handle.close();
        throw error;
      }
      return handle;
    }
    default:
      return assertNever(config);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected database kind: ${JSON.stringify(value)}`);
}

/** Brings the schema to the latest migration; throws the first migration error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<readonly string[]> {
  const migrator = new Migrator({ db, provider: staticProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
