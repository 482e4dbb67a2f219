/**
 * Audit MACs (issue 3, security fix): a keyed MAC per audit entry, so that someone holding the
 * database alone (a stolen backup, a database administrator without the secrets folder) can no
 * longer edit an entry and recompute every later hash: the chain's hash has no secret, the MAC
 * has one (HKDF of the server secret, apps/server/src/audit/audit-mac.ts).
 *
 * - audit_log.mac: base64url HMAC-SHA-256 of the entry's hash; null for entries written before
 *   this migration. The migration cannot MAC them (it does not hold the server secret), so
 *   they stay null and `npm run audit:verify` counts them as predating MACs.
 */
import type { Kysely } from 'kysely';

/** This migration creates no table (it adds a column). */
export const TABLES_CHILDREN_FIRST: readonly string[] = [];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('mac', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('mac').execute();
}
