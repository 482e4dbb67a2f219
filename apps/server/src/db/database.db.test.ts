import { mkdtemp, rm, stat, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './database.ts';

type PragmaRow = Record<string, number | string>;

async function pragma(handle: DatabaseHandle, name: string): Promise<number | string | undefined> {
  const result = await sql<PragmaRow>`${sql.raw(`PRAGMA ${name}`)}`.execute(handle.db);
  const row = result.rows[0];
  return row === undefined ? undefined : Object.values(row)[0];
}

describe('openDatabase on SQLite', () => {
  let dir: string;
  let handle: DatabaseHandle | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kk-db-open-'));
  });
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('runs WAL with synchronous FULL (2) and secure_delete on', async () => {
    handle = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'data', 'k.sqlite') });
    expect(await pragma(handle, 'journal_mode')).toBe('wal');
    expect(await pragma(handle, 'synchronous')).toBe(2);
    expect(await pragma(handle, 'secure_delete')).toBe(1);
  });

  it('creates the database files 0600 and keeps the data folder 0700', async () => {
    const data = path.join(dir, 'data');
    const file = path.join(data, 'k.sqlite');
    handle = await openDatabase({ kind: 'sqlite', file });
    await sql`CREATE TABLE t (x INTEGER)`.execute(handle.db);
    await sql`INSERT INTO t VALUES (1)`.execute(handle.db);
    for (const name of [file, `${file}-wal`]) {
      expect((await stat(name)).mode & 0o777).toBe(0o600);
    }
    expect((await stat(data)).mode & 0o777).toBe(0o700);
  });

  it('tightens an existing, too open data folder and database file', async () => {
    const data = path.join(dir, 'data');
    const file = path.join(data, 'k.sqlite');
    handle = await openDatabase({ kind: 'sqlite', file });
    await handle.close();
    handle = undefined;
    await chmod(data, 0o755);
    await chmod(file, 0o644);
    handle = await openDatabase({ kind: 'sqlite', file });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(data)).mode & 0o777).toBe(0o700);
  });
});
