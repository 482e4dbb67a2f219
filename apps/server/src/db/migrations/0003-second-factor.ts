/** Second factor (TOTP) and account recovery. */
import type { Kysely } from 'kysely';

/** The tables this migration creates, children first (down() drops them in this order). */
export const TABLES_CHILDREN_FIRST: readonly string[] = [];

export async function up(_db: Kysely<unknown>): Promise<void> {
  // tables are added by the issue-3 work on security
}

export async function down(_db: Kysely<unknown>): Promise<void> {
  // nothing to undo yet
}
