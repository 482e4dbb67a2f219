/**
 * Second factor (TOTP): one row per user that has started or finished enrolling.
 * secret_envelope is the TOTP secret encrypted under a key derived from the server secret
 * (outside the database), so a database dump alone does not yield it; last_step is the last
 * accepted 30-second step, so a code is never accepted twice (replay); failed_count counts
 * wrong codes since the last good one (it goes to the audit trail, never the code).
 * Account recovery needs no table: its challenges are stateless MACs bound to the user's salt.
 */
import type { Kysely } from 'kysely';

/** The tables this migration creates, children first (down() drops them in this order). */
export const TABLES_CHILDREN_FIRST: readonly string[] = ['second_factors'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('second_factors')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('secret_envelope', 'text', (c) => c.notNull())
    .addColumn('last_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of TABLES_CHILDREN_FIRST) await db.schema.dropTable(name).execute();
}
