/**
 * Keeps the monitoring rollups (migration 0009) exact: recomputes each bucket (the alerts of
 * one organisation received in one month) that the triggers marked dirty, from the base
 * tables, inside one transaction per bucket. A bucket is always recomputed whole (delete its
 * rows, insert them again), never adjusted, so a rollup is right as soon as its recompute is.
 *
 * Concurrency (two server processes, or a server and `npm run stats:rebuild`):
 * - SQLite: the transaction begins with a write, so it holds the database's write lock from
 *   its first statement (others wait on the busy timeout) and reads data nobody can change.
 * - PostgreSQL: the bucket's mark is locked FOR UPDATE; a writer changing that bucket blocks
 *   on the mark (its trigger upserts it) until the recompute commits, so it cannot commit a
 *   change the recompute missed; a second refresher finds the mark gone and skips.
 * - Either way the mark is deleted only at the version read, so a change that slipped in
 *   leaves its bucket dirty for the next read.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { daysBetween } from './stats-direct.ts';

type Trx = Transaction<Database>;

const isPostgres = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** The first day of the month after `month` ('YYYY-MM'). */
export function nextMonthDay(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The bucket's alerts (served by alerts_stats_org_idx: org_id, received_day). */
const inBucket = (org: string, month: string) => sql`a.org_id = ${org} and a.received_day >= ${`${month}-01`} and a.received_day < ${nextMonthDay(month)}`;

/** [grain, kind column, region column, what it groups by] over a measure's rows `m`: the three grains of every measure but 'state'. */
const GRAINS = [
  ['kind', 'kind', "'*'", ['kind']],
  ['region', "'*'", 'region_id', ['region_id']],
  ['all', "'*'", "'*'", []],
] as const;

const INTO = sql`insert into stats_counts (org_id, month, grain, kind, region_id, measure, key, n)`;

/**
 * 'state' at the finest grain (kind × region: the releases' cells), and its coarser grains
 * added up from those rows (every alert has one kind and one region, so the sums are exact).
 */
function stateInserts(org: string, month: string): ReturnType<typeof sql>[] {
  const finest = sql`from stats_counts where org_id = ${org} and month = ${month} and grain = 'kind-region' and measure = 'state'`;
  return [
    sql`${INTO} select ${org}, ${month}, 'kind-region', a.kind, a.region_id, 'state', a.state, count(*) from alerts a where ${inBucket(org, month)} group by a.kind, a.region_id, a.state`,
    sql`${INTO} select org_id, month, 'kind', kind, '*', measure, key, sum(n) ${finest} group by org_id, month, kind, measure, key`,
    sql`${INTO} select org_id, month, 'region', '*', region_id, measure, key, sum(n) ${finest} group by org_id, month, region_id, measure, key`,
    sql`${INTO} select org_id, month, 'all', '*', '*', measure, key, sum(n) ${finest} group by org_id, month, measure, key`,
  ];
}

/**
 * The other measures, at the grains 'kind', 'region' and 'all', as [measure, key, FROM-and-WHERE]
 * over the bucket's alerts `a` (always the outer table: SQLite keeps a CROSS JOIN's order).
 */
function measures(db: Db, org: string, month: string): [string, ReturnType<typeof sql> | string, ReturnType<typeof sql>, boolean][] {
  const bucket = inBucket(org, month);
  // Each alert's first change into `state`, named `a` like the alerts so the CTE reads it alike.
  const firstInto = (state: string) =>
    sql`from (select a.id, a.kind, a.region_id, a.received_day, min(s.created_at) as at from alerts a cross join state_changes s where s.alert_id = a.id and ${bucket} and s.to_state = ${state} group by a.id, a.kind, a.region_id, a.received_day) a`;
  const daysTo = daysBetween(db, sql.ref('a.at'), sql.ref('a.received_day'));
  const answer = daysBetween(db, sql.ref('f.acknowledged_at'), sql.ref('f.sent_at'));
  const forwardings = sql`from alerts a cross join forwardings f where f.alert_id = a.id and ${bucket}`;
  // [measure, key, from-where, key counts distinct alerts]
  return [
    ['cercle', sql`a.cercle_id`, sql`from alerts a where ${bucket} and a.cercle_id is not null`, false],
    // Steps count alerts, not events; the desk's own steps leave spam aside.
    ['step', sql`s.to_state`, sql`from alerts a cross join state_changes s where s.alert_id = a.id and ${bucket} and a.state <> 'spam' and s.to_state in ('acknowledged', 'verified')`, true],
    ['step', 'forwarded', forwardings, true],
    ['step', 'authority-acknowledged', sql`${forwardings} and f.acknowledged_at is not null`, true],
    ['step', 'action-taken', sql`from alerts a cross join forwardings f cross join forwarding_events e where f.alert_id = a.id and e.forwarding_id = f.id and ${bucket} and e.kind = 'action'`, true],
    ['authority', sql`f.to_org_id`, forwardings, false],
    ['to-acknowledgement', sql`cast(${daysTo} as text)`, firstInto('acknowledged'), false],
    ['to-verification', sql`cast(${daysTo} as text)`, firstInto('verified'), false],
    ['to-authority-answer', sql`cast(${answer} as text)`, sql`${forwardings} and f.acknowledged_at is not null`, false],
  ];
}

/** One statement per measure: its rows computed once (a materialised CTE), then summed at each grain. */
function measureInserts(db: Db, org: string, month: string): ReturnType<typeof sql>[] {
  return measures(db, org, month).map(([measure, key, from, distinct]) => {
    const n = distinct ? sql`count(distinct alert_id)` : sql`count(*)`;
    const keyColumn = typeof key === 'string' ? sql`cast(${key} as text)` : key;
    const sums = GRAINS.map(([grain, kind, region, by]) => {
      const groups = [...by.map((column) => sql.raw(column)), sql.raw('key')];
      return sql`select ${org}, ${month}, ${grain}, ${sql.raw(kind)}, ${sql.raw(region)}, ${measure}, key, ${n} from m group by ${sql.join(groups)}`;
    });
    return sql`with m as materialized (select a.id as alert_id, a.kind as kind, a.region_id as region_id, ${keyColumn} as key ${from}) ${INTO} ${sql.join(sums, sql` union all `)}`;
  });
}

/** What only the overdue lists and the releases read: kept at the coarsest grain. */
function otherInserts(org: string, month: string): ReturnType<typeof sql>[] {
  const bucket = inBucket(org, month);
  const flows = sql`insert into stats_flows (org_id, month, flow, period, from_org_id, to_org_id, n)`;
  const join = sql`from alerts a cross join forwardings f where f.alert_id = a.id and ${bucket}`;
  return [
    sql`${INTO} select ${org}, ${month}, 'all', '*', '*', 'received-day', a.received_day, count(*) from alerts a where ${bucket} and a.state = 'received' group by a.received_day`,
    sql`${flows} select ${org}, ${month}, 'sent', substr(f.sent_at, 1, 7), f.from_org_id, f.to_org_id, count(*) ${join} group by substr(f.sent_at, 1, 7), f.from_org_id, f.to_org_id`,
    sql`${flows} select ${org}, ${month}, 'answered', substr(f.acknowledged_at, 1, 7), f.from_org_id, f.to_org_id, count(*) ${join} and f.acknowledged_at is not null group by substr(f.acknowledged_at, 1, 7), f.from_org_id, f.to_org_id`,
    sql`${flows} select ${org}, ${month}, 'unanswered', substr(f.sent_at, 1, 10), f.from_org_id, f.to_org_id, count(*) ${join} and f.state = 'sent' group by substr(f.sent_at, 1, 10), f.from_org_id, f.to_org_id`,
  ];
}

/** Deletes and recomputes one bucket's rows (inside the caller's transaction). */
export async function recomputeBucket(trx: Trx, org: string, month: string): Promise<void> {
  await trx.deleteFrom('stats_counts').where('org_id', '=', org).where('month', '=', month).execute();
  await trx.deleteFrom('stats_flows').where('org_id', '=', org).where('month', '=', month).execute();
  for (const statement of [...stateInserts(org, month), ...measureInserts(trx, org, month), ...otherInserts(org, month)]) await statement.execute(trx);
}

/** Recomputes one marked bucket; false when another process already did. */
async function refreshBucket(db: Db, org: string, month: string): Promise<boolean> {
  const postgres = isPostgres(db);
  return db.transaction().execute(async (trx) => {
    // SQLite: a write first, so this transaction takes the write lock before it reads anything.
    if (!postgres) await sql`update stats_dirty set version = version where org_id = ${org} and month = ${month}`.execute(trx);
    const query = trx.selectFrom('stats_dirty').select('version').where('org_id', '=', org).where('month', '=', month);
    const mark = await (postgres ? query.forUpdate() : query).executeTakeFirst();
    if (mark === undefined) return false;
    await recomputeBucket(trx, org, month);
    await trx.deleteFrom('stats_dirty').where('org_id', '=', org).where('month', '=', month).where('version', '=', mark.version).execute();
    return true;
  });
}

/** Brings every marked bucket up to date; how many it recomputed. Cheap when nothing changed (one indexed read). */
export async function refreshStats(db: Db): Promise<number> {
  const marks = await db.selectFrom('stats_dirty').select(['org_id', 'month']).orderBy('org_id').orderBy('month').execute();
  let done = 0;
  for (const m of marks) if (await refreshBucket(db, m.org_id, m.month)) done++;
  return done;
}

/** Marks every bucket (with alerts now, or with rollup rows from before) and recomputes them all. */
export async function rebuildStats(db: Db): Promise<number> {
  const buckets = sql`select distinct org_id, substr(received_day, 1, 7) as month from alerts union select org_id, month from stats_counts union select org_id, month from stats_flows`;
  await sql`insert into stats_dirty (org_id, month, version) select b.org_id, b.month, 1 from (${buckets}) b where true on conflict (org_id, month) do update set version = stats_dirty.version + 1`.execute(db);
  return refreshStats(db);
}
