/**
 * Monitoring at national scale (issue 5): exact rollups of the dashboard's and the releases'
 * counts, kept per bucket (the alert's organisation, the month it was received), and the
 * dirty marks that say which buckets must be recomputed (docs/adr/0018-stats-rollups.md).
 *
 * - stats_dirty: one row per bucket whose base rows changed since it was last computed, with
 *   a version bumped by every change. Written by database TRIGGERS on alerts, state_changes,
 *   forwardings and forwarding_events in the writer's own transaction, so no writer (the
 *   product's, a CLI's, a test fixture's, a future one) can change a counted field without
 *   marking its bucket. A stats read recomputes the marked buckets first
 *   (adapters/stats-rollup.ts) and clears a mark only if its version did not move meanwhile.
 * - stats_counts: (bucket, grain, kind, region, measure, key) → n. The grain says which of
 *   kind and region the row is split by ('kind-region', 'kind', 'region', 'all'; '*' stands
 *   in the other columns), so each filter combination reads rows of its own grain only.
 * - stats_flows: forwardings of the bucket's alerts by the month they were sent or answered
 *   (releases), and those still unanswered by sender, recipient and day sent (overdue).
 * SECURITY: counts grouped by closed-list values, places, organisations and months or days;
 * the same figures the dashboard already showed, nothing about a single alert.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

/** The tables this migration creates, children first (down() drops them in this order). */
export const TABLES_CHILDREN_FIRST: readonly string[] = ['stats_dirty', 'stats_counts', 'stats_flows'];

/**
 * [table, the columns the statistics read]: a change to one of them marks the row's bucket.
 * A statistic that starts reading another column or table must be added here (a new migration).
 */
const WATCHED = [
  ['alerts', ['org_id', 'received_day', 'kind', 'region_id', 'cercle_id', 'state']],
  ['state_changes', ['alert_id', 'to_state', 'created_at']],
  ['forwardings', ['alert_id', 'from_org_id', 'to_org_id', 'sent_at', 'acknowledged_at', 'state']],
  ['forwarding_events', ['forwarding_id', 'kind']],
] as const;

type Watched = (typeof WATCHED)[number];

/**
 * [name, table, columns]. Covering indexes, so that recomputing a bucket reads index pages
 * only (a bucket's alerts are scattered over the whole table), and the one the dashboard of
 * one kind in one region reads the base tables through (stats-rollup-queries.ts).
 */
const INDEXES: readonly (readonly [string, string, readonly string[]])[] = [
  ['alerts_stats_bucket_idx', 'alerts', ['org_id', 'received_day', 'kind', 'region_id', 'state', 'cercle_id', 'id']],
  ['forwardings_stats_bucket_idx', 'forwardings', ['alert_id', 'to_org_id', 'from_org_id', 'sent_at', 'acknowledged_at', 'state', 'id']],
  ['alerts_stats_kind_region_idx', 'alerts', ['kind', 'region_id', 'org_id', 'received_day']],
];

/**
 * The bucket (org_id, month) of each row `r` of `table` found in `from`. The alert is reached
 * through a LATERAL lookup by primary key, so PostgreSQL never scans alerts for a transition
 * table it has no statistics about.
 */
function bucketsOf(table: Watched[0], r: string, from: string, where = ''): string {
  const tail = where === '' ? '' : ` where ${where}`;
  if (table === 'alerts') return `select ${r}.org_id, substr(${r}.received_day, 1, 7) from ${from}${tail}`;
  const lookup =
    table === 'forwarding_events'
      ? `select a.org_id, substr(a.received_day, 1, 7) as month from forwardings f join alerts a on a.id = f.alert_id where f.id = ${r}.forwarding_id`
      : `select a.org_id, substr(a.received_day, 1, 7) as month from alerts a where a.id = ${r}.alert_id`;
  return `select b.org_id, b.month from ${from} cross join lateral (${lookup}) b${tail}`;
}

/** SQLite (no LATERAL; `old`/`new` are one row): the same lookup by primary key. */
function sqliteBucketOf(table: Watched[0], r: 'new' | 'old'): string {
  if (table === 'alerts') return `select ${r}.org_id, substr(${r}.received_day, 1, 7)`;
  if (table === 'forwarding_events') return `select a.org_id, substr(a.received_day, 1, 7) from forwardings f join alerts a on a.id = f.alert_id where f.id = ${r}.forwarding_id`;
  return `select a.org_id, substr(a.received_day, 1, 7) from alerts a where a.id = ${r}.alert_id`;
}

const UPSERT = 'on conflict (org_id, month) do update set version = stats_dirty.version + 1';

/** SQLite: row triggers (only when a watched column really changes, for updates). */
function sqliteTriggers(table: Watched[0], columns: readonly string[]): string[] {
  const mark = (r: 'new' | 'old') => `insert into stats_dirty (org_id, month, version) select b.*, 1 from (${sqliteBucketOf(table, r)}) b where true ${UPSERT};`;
  const changed = columns.map((c) => `old.${c} is not new.${c}`).join(' or ');
  return [
    `create trigger stats_mark_${table}_insert after insert on ${table} begin ${mark('new')} end`,
    `create trigger stats_mark_${table}_update after update of ${columns.join(', ')} on ${table} when ${changed} begin ${mark('old')} ${mark('new')} end`,
    `create trigger stats_mark_${table}_delete after delete on ${table} begin ${mark('old')} end`,
  ];
}

/** PostgreSQL: statement-level triggers over transition tables (one upsert per statement, not per row). */
function postgresTriggers(table: Watched[0], columns: readonly string[]): string[] {
  const tuple = (alias: string) => `(${columns.map((c) => `${alias}.${c}`).join(', ')})`;
  const moved = (before: string, after: string) => `${tuple(before)} is distinct from ${tuple(after)}`;
  const upsert = (select: string) => `insert into stats_dirty (org_id, month, version) select distinct b.*, 1 from (${select}) b order by 1, 2 ${UPSERT};`;
  const body = {
    insert: upsert(bucketsOf(table, 'r', 'new_rows r')),
    // Only rows whose counted columns moved (a lock's `set state = state` marks nothing), both sides.
    update: upsert(`${bucketsOf(table, 'r', 'old_rows r join new_rows n on n.id = r.id', moved('r', 'n'))} union ${bucketsOf(table, 'r', 'new_rows r join old_rows o on o.id = r.id', moved('o', 'r'))}`),
    delete: upsert(bucketsOf(table, 'r', 'old_rows r')),
  } as const;
  const referencing = { insert: 'new table as new_rows', update: 'old table as old_rows new table as new_rows', delete: 'old table as old_rows' } as const;
  return (['insert', 'update', 'delete'] as const).flatMap((op) => [
    `create function stats_mark_${table}_${op}() returns trigger language plpgsql as $$ begin ${body[op]} return null; end $$`,
    `create trigger stats_mark_${table}_${op} after ${op} on ${table} referencing ${referencing[op]} for each statement execute function stats_mark_${table}_${op}()`,
  ]);
}

const isPostgres = (db: Kysely<unknown>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stats_dirty')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_dirty_pk', ['org_id', 'month'])
    .execute();
  await db.schema
    .createTable('stats_counts')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_counts_pk', ['org_id', 'month', 'grain', 'kind', 'region_id', 'measure', 'key'])
    .execute();
  await db.schema.createIndex('stats_counts_grain_idx').on('stats_counts').columns(['measure', 'grain', 'kind', 'region_id', 'month', 'org_id', 'key', 'n']).execute();
  await db.schema
    .createTable('stats_flows')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('from_org_id', 'text', (c) => c.notNull())
    .addColumn('to_org_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_flows_pk', ['org_id', 'month', 'flow', 'period', 'from_org_id', 'to_org_id'])
    .execute();
  await db.schema.createIndex('stats_flows_period_idx').on('stats_flows').columns(['flow', 'period', 'to_org_id', 'from_org_id', 'n']).execute();
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns([...columns]).execute();
  const postgres = isPostgres(db);
  for (const [table, columns] of WATCHED) {
    for (const statement of postgres ? postgresTriggers(table, columns) : sqliteTriggers(table, columns)) await sql.raw(statement).execute(db);
  }
  // Existing data: every bucket starts dirty, so the first read computes it.
  await sql.raw(`insert into stats_dirty (org_id, month, version) select distinct org_id, substr(received_day, 1, 7), 1 from alerts`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db);
  for (const [table] of WATCHED) {
    for (const op of ['insert', 'update', 'delete']) {
      await sql.raw(postgres ? `drop trigger stats_mark_${table}_${op} on ${table}` : `drop trigger stats_mark_${table}_${op}`).execute(db);
      if (postgres) await sql.raw(`drop function stats_mark_${table}_${op}()`).execute(db);
    }
  }
  for (const [name] of [...INDEXES].reverse()) await db.schema.dropIndex(name).execute();
  for (const table of TABLES_CHILDREN_FIRST) await db.schema.dropTable(table).execute();
}
