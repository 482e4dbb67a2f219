/**
 * Forwarding verified cases to authorities and media, and following them to their outcome.
 * Only text/integer/bigint columns, so the same migration runs on SQLite and PostgreSQL. Adds
 * alerts.journalist_consent (the reporter's signed consent to sharing with journalists).
 */
import type { Kysely } from 'kysely';

/** The tables this migration creates, children first (down() drops them in this order). */
export const TABLES_CHILDREN_FIRST: readonly string[] = [
  'forwarding_settings',
  'forwarding_file_chunks',
  'forwarding_files',
  'forwarding_drafts',
  'forwarding_events',
  'forwardings',
];

async function createForwardings(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('forwardings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('from_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('to_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('to_key_version', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('concluded_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('onward_of', 'text', (c) => c.references('forwardings.id'))
    .addColumn('includes_identity', 'integer', (c) => c.notNull())
    .addColumn('package_envelope', 'text', (c) => c.notNull())
    .addColumn('package_sha256', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('attachment_files', 'text', (c) => c.notNull())
    .addUniqueConstraint('forwardings_alert_from_to_unique', ['alert_id', 'from_org_id', 'to_org_id'])
    .execute();
  await db.schema.createIndex('forwardings_to_org_idx').on('forwardings').columns(['to_org_id', 'state']).execute();
  await db.schema.createIndex('forwardings_alert_idx').on('forwardings').column('alert_id').execute();

  await db.schema
    .createTable('forwarding_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forwarding_id', 'text', (c) => c.notNull().references('forwardings.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('details_envelope', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('forwarding_events_seq_unique', ['forwarding_id', 'seq'])
    .execute();
}

async function createUploads(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('forwarding_drafts')
    .addColumn('forwarding_id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('onward_of', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('forwarding_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forwarding_id', 'text', (c) => c.notNull())
    .addColumn('chunk_count', 'integer', (c) => c.notNull())
    .addColumn('total_bytes', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('forwarding_files_forwarding_idx').on('forwarding_files').column('forwarding_id').execute();

  await db.schema
    .createTable('forwarding_file_chunks')
    .addColumn('file_id', 'text', (c) => c.notNull().references('forwarding_files.id').onDelete('cascade'))
    .addColumn('chunk_index', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forwarding_file_chunks_pk', ['file_id', 'chunk_index'])
    .execute();

  await db.schema
    .createTable('forwarding_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('name_to_reporter', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createForwardings(db);
  await createUploads(db);
  // SECURITY: the server learns the consent bit (it must enforce it); the signature proves the reporter gave it.
  await db.schema.alterTable('alerts').addColumn('journalist_consent', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('alerts').dropColumn('journalist_consent').execute();
  for (const name of TABLES_CHILDREN_FIRST) await db.schema.dropTable(name).execute();
}
