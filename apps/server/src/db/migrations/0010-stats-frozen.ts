/**
 * Monitoring (issue 5): published figures are final (docs/adr/0017-small-count-suppression.md).
 *
 * - stats_frozen_months: the facts of an ended month (its monthly counts and the row keys that
 *   exist in it, as JSON) and the suppression threshold in force, stored the first time any
 *   release needs that month. Every later release reads these rows instead of the live data,
 *   so a late change (an old alert marked spam, a forwarding answered late) cannot make a
 *   release re-decide, and so uncover, cells an earlier release already published.
 */
import type { Kysely } from 'kysely';

/** The tables this migration creates, children first (down() drops them in this order). */
export const TABLES_CHILDREN_FIRST: readonly string[] = ['stats_frozen_months'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stats_frozen_months')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES_CHILDREN_FIRST) await db.schema.dropTable(table).execute();
}
