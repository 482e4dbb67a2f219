/**
 * Monitoring (issue 5): the indexes that keep the dashboard's aggregate queries fast at
 * national scale (bench/stats-bench.ts measures them), and the cache of released statistics.
 *
 * - stats_releases: the published (suppressed) JSON of a period, keyed by what it covers, with
 *   the data version it was computed from. A database table rather than process memory, so
 *   that several server processes share it and each period is computed once per data change
 *   (DESIGN §6). It holds only what is public anyway.
 */
import type { Kysely } from 'kysely';

/** The tables this migration creates, children first (down() drops them in this order). */
export const TABLES_CHILDREN_FIRST: readonly string[] = ['stats_releases'];

/** [name, table, columns]: each serves one family of dashboard queries. */
const INDEXES: readonly (readonly [string, string, readonly string[]])[] = [
  ['alerts_stats_kind_idx', 'alerts', ['received_day', 'kind', 'region_id']],
  ['alerts_stats_org_idx', 'alerts', ['org_id', 'received_day', 'kind']],
  ['alerts_updated_idx', 'alerts', ['updated_at']],
  ['state_changes_to_state_idx', 'state_changes', ['to_state', 'alert_id', 'created_at']],
  ['forwardings_sent_idx', 'forwardings', ['sent_at', 'to_org_id']],
  ['forwardings_acknowledged_idx', 'forwardings', ['acknowledged_at', 'to_org_id']],
  ['forwardings_state_idx', 'forwardings', ['state', 'sent_at']],
  ['forwarding_events_kind_idx', 'forwarding_events', ['kind', 'forwarding_id']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns([...columns]).execute();
  await db.schema
    .createTable('stats_releases')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('data_version', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES_CHILDREN_FIRST) await db.schema.dropTable(table).execute();
  for (const [name] of [...INDEXES].reverse()) await db.schema.dropIndex(name).execute();
}
