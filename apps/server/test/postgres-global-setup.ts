/**
 * Vitest globalSetup for the 'db' and 'browser' projects: a throw-away PostgreSQL server.
 *
 * initdb refuses to run as root, and CI runs as root, so as root every PostgreSQL command runs
 * as the unprivileged `postgres` user that Debian's package creates (via `runuser`), in a temp
 * folder handed to that user. Trust authentication, a unix socket inside the temp folder and a
 * free TCP port on 127.0.0.1 only; fsync off, since the data dies with the run. Tests read the
 * server's URL with `inject('postgresUrl')`.
 *
 * It also builds, once, a template database that is migrated and seeded with the places
 * (`inject('postgresTemplate')`): copying it is several times faster than migrating each test
 * database (see databases.ts).
 *
 * Set KENEKANKO_TEST_POSTGRES_URL to use an existing server instead (its user must be allowed
 * to CREATE DATABASE).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chown, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { seedPlaces } from '../src/places/places-repository.ts';
import { freePort } from './free-port.ts';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- vitest's ProvidedContext can only be extended by interface merging
  export interface ProvidedContext {
    postgresUrl: string;
    postgresTemplate: string;
  }
}

const PG_ROOT = '/usr/lib/postgresql';
const SUPERUSER = 'postgres';

/** The bin folder of the newest PostgreSQL installed by Debian's packages. */
function findPgBin(): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((name) => /^\d+$/.test(name) && existsSync(path.join(PG_ROOT, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error(`PostgreSQL not found under ${PG_ROOT}: install the Debian package 'postgresql' (see .ci/run)`);
  }
  return path.join(PG_ROOT, newest, 'bin');
}


type Runner = (command: string, args: readonly string[]) => void;

function makeRunner(asRoot: boolean): Runner {
  return (command, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', SUPERUSER, '--', command, ...args]] : [command, [...args]];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() });
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Runs one statement as the harness superuser. */
async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Drops the template and the test databases named after it (databases.ts), on a shared server. */
async function dropRunDatabases(url: string, template: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2', [
      template,
      `${template}\\_t%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Creates a migrated, seeded database to copy; returns its name. */
async function buildTemplate(url: string): Promise<string> {
  const name = `kk_template_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: target.href });
  try {
    await migrateToLatest(handle.db);
    await seedPlaces(handle.db, new Date('2025-01-15T00:00:00.000Z'));
  } finally {
    // A template can only be copied while nobody is connected to it.
    await handle.close();
  }
  return name;
}

function describeFailure(error: unknown, logFile: string): Error {
  const stderr = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr) : '';
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
  return new Error(`could not start the test PostgreSQL server\n${stderr}\n${log}`, { cause: error });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env['KENEKANKO_TEST_POSTGRES_URL'];
  if (external !== undefined && external !== '') {
    const template = await buildTemplate(external);
    project.provide('postgresUrl', external);
    project.provide('postgresTemplate', template);
    return () => dropRunDatabases(external, template);
  }

  const bin = findPgBin();
  const asRoot = process.getuid?.() === 0;
  const run = makeRunner(asRoot);
  const root = await mkdtemp(path.join(tmpdir(), 'kk-pg-'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  let started = false;

  const stop = (): void => {
    if (started) {
      // A synchronous stop, so that it also works from an 'exit' handler.
      const [file, argv] = asRoot
        ? ['runuser', ['-u', SUPERUSER, '--', path.join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', 'stop']]
        : [path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']];
      spawnSync(file, argv, { stdio: 'ignore', cwd: tmpdir() });
      started = false;
    }
    rmSync(root, { recursive: true, force: true });
  };
  // Should vitest die without calling the teardown, do not leave a server running.
  process.once('exit', stop);

  try {
    if (asRoot) {
      const { uid, gid } = userIds(SUPERUSER);
      await chown(root, uid, gid);
    }
    const port = await freePort();
    run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const options = `-k ${root} -p ${port} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    started = true;
    run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
    const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
    const template = await buildTemplate(url);
    project.provide('postgresUrl', url);
    project.provide('postgresTemplate', template);
  } catch (error) {
    const failure = describeFailure(error, logFile);
    stop();
    process.removeListener('exit', stop);
    throw failure;
  }

  return () => {
    stop();
    process.removeListener('exit', stop);
    return Promise.resolve();
  };
}
