/**
 * A throw-away PostgreSQL server for the bench, the same way the tests start theirs
 * (apps/server/test/postgres-global-setup.ts): initdb and pg_ctl from Debian's package, as the
 * `postgres` user when run as root, trust authentication on 127.0.0.1 and a socket in a temp
 * folder, fsync off (the data dies with the run). Set BENCH_POSTGRES_URL to use a server of
 * your own instead (its user must be allowed to CREATE DATABASE).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { chown, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../apps/server/test/free-port.ts';

const PG_ROOT = '/usr/lib/postgresql';
const SUPERUSER = 'postgres';

export type BenchPostgres = { readonly url: string; stop(): void };

function pgBin(): string {
  const versions = existsSync(PG_ROOT) ? readdirSync(PG_ROOT).filter((v) => existsSync(path.join(PG_ROOT, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions[0] === undefined) throw new Error(`PostgreSQL not found under ${PG_ROOT}: install the Debian package 'postgresql'`);
  return path.join(PG_ROOT, versions[0], 'bin');
}

/** A fresh, empty database on a new (or the given) server. */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  const name = `kk_bench_${process.pid}`;
  const external = process.env['BENCH_POSTGRES_URL'];
  if (external !== undefined && external !== '') return createDatabase(external, name, () => undefined);
  const bin = pgBin();
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: readonly string[]): void => {
    const [file, argv] = asRoot ? ['runuser', ['-u', SUPERUSER, '--', command, ...args]] : [command, [...args]];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() });
  };
  const root = await mkdtemp(path.join(tmpdir(), 'kk-bench-pg-'));
  if (asRoot) {
    const ids = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
    await chown(root, ids('-u'), ids('-g'));
  }
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  let started = false;
  const stop = (): void => {
    if (started) {
      const [file, argv] = asRoot ? ['runuser', ['-u', SUPERUSER, '--', path.join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', 'stop']] : [path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']];
      spawnSync(file, argv, { stdio: 'ignore', cwd: tmpdir() });
      started = false;
    }
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', stop);
  run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  started = true;
  const options = `-k ${root} -p ${port} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB -c work_mem=64MB`;
  run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-l', path.join(root, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  return createDatabase(`postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`, name, stop);
}

async function createDatabase(serverUrl: string, name: string, stopServer: () => void): Promise<BenchPostgres> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name}`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.href, stop: stopServer };
}
