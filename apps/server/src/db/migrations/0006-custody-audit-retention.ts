/**
 * Identity requests, signed audit checkpoints and retention (issue 3).
 *
 * - identity_requests: who asked to see which alert's reporter identity, for what, and the
 *   custodian's decision. Both reasons are sealed to the custodian key (the server cannot read
 *   them); the state, purpose and dates are workflow fields in clear.
 * - audit_checkpoints: (seq, hash) of the audit chain signed in a coordinator's browser with an
 *   organisation's Ed25519 key; `npm run audit:verify` checks them, which catches truncation.
 * - retention_policies: months after closing before a closed case's ciphertext is deleted, per
 *   organisation (no row: never, the default).
 * - retention_holds: a coordinator's hold on one alert (reason under the desk key).
 * - retention_deletions: which alerts the retention job emptied, and when.
 */
import type { Kysely } from 'kysely';

/** The tables this migration creates, children first (down() drops them in this order). */
export const TABLES_CHILDREN_FIRST: readonly string[] = [
  'retention_deletions',
  'retention_holds',
  'retention_policies',
  'audit_checkpoints',
  'identity_requests',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('identity_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('recipient_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason_envelope', 'text', (c) => c.notNull())
    .addColumn('refusal_envelope', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('identity_requests_alert_idx').on('identity_requests').columns(['alert_id']).execute();
  await db.schema.createIndex('identity_requests_state_idx').on('identity_requests').columns(['state']).execute();

  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('org_key_version', 'integer', (c) => c.notNull())
    .addColumn('signer_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('retention_policies')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('retention_holds')
    .addColumn('alert_id', 'text', (c) => c.primaryKey().references('alerts.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason_envelope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('retention_deletions')
    .addColumn('alert_id', 'text', (c) => c.primaryKey().references('alerts.id').onDelete('cascade'))
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of TABLES_CHILDREN_FIRST) await db.schema.dropTable(name).execute();
}
