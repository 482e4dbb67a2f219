/**
 * The first migration: every table of schema.ts, unchanged on SQLite and PostgreSQL (only
 * `text`, `integer` and `bigint` columns; instants and days are ISO text, binary is base64url
 * text, booleans 0/1).
 *
 * DESIGN §4b's costly-to-add-later decisions are all here from the start:
 * - key_grants: one row per (object, key kind, key version, recipient, recipient key version),
 *   so rotating a key adds rows and never rewrites old data; users and organisations carry
 *   their Ed25519 signing keys and key versions.
 * - audit_log: append-only and hash-chained (seq, prev_hash, hash); seq is the primary key so
 *   a forked chain fails loudly instead of silently.
 * - alerts.questionnaire_version beside the signed questionnaire_versions table.
 * - places: stable ids, parent links and validity dates (valid_from, valid_to).
 * - submissions: the browser-made submission id, declared/received bytes and the stored
 *   finalize result that makes a retried finalize idempotent; blob_chunks keyed by
 *   (blob_id, chunk_index) with the chunk's hash, so a retried chunk is never stored twice.
 * - receipt_lookups: the receipt format version and the pepper version beside each lookup hash.
 *
 * Children of an alert (messages, notes, state changes, receipt lookups) are deleted with it;
 * blobs are not (ON DELETE RESTRICT): their ciphertext lives in the blob store, which must be
 * emptied first, so a deleted alert can never leave files behind unnoticed.
 */
import type { CreateTableBuilder, Kysely } from 'kysely';

type Builder = CreateTableBuilder<string, never>;

function table(db: Kysely<unknown>, name: string): Builder {
  return db.schema.createTable(name);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await table(db, 'settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await table(db, 'organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('x25519_public', 'text', (c) => c.notNull())
    .addColumn('ed25519_public', 'text', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await table(db, 'users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('login_key_hash', 'text', (c) => c.notNull())
    .addColumn('x25519_public', 'text', (c) => c.notNull())
    .addColumn('ed25519_public', 'text', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('wrapped_keys', 'text', (c) => c.notNull())
    .addColumn('recovery_wrapped_keys', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('users_login_unique', ['login'])
    .execute();

  await table(db, 'memberships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('memberships_user_org_role_unique', ['user_id', 'org_id', 'role'])
    .execute();
  await db.schema.createIndex('memberships_org_idx').on('memberships').column('org_id').execute();

  await table(db, 'key_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('key_kind', 'text', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('recipient_type', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('recipient_key_version', 'integer', (c) => c.notNull())
    .addColumn('sealed_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('key_grants_unique', [
      'object_type',
      'object_id',
      'key_kind',
      'key_version',
      'recipient_type',
      'recipient_id',
    ])
    .execute();
  await db.schema
    .createIndex('key_grants_recipient_idx')
    .on('key_grants')
    .columns(['recipient_type', 'recipient_id'])
    .execute();

  for (const name of ['directory_versions', 'questionnaire_versions']) {
    await table(db, name)
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  }

  await table(db, 'places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('places.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('places_parent_idx').on('places').column('parent_id').execute();

  await createIntakeTables(db);
  await createConversationTables(db);
  await createOperationalTables(db);
}

async function createIntakeTables(db: Kysely<unknown>): Promise<void> {
  await table(db, 'alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('received_day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('cercle_id', 'text', (c) => c.references('places.id'))
    .addColumn('institution_type', 'text', (c) => c.notNull())
    .addColumn('amount_band', 'text', (c) => c.notNull())
    .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
    .addColumn('answers_envelope', 'text', (c) => c.notNull())
    .addColumn('identity_envelope', 'text', (c) => c.notNull())
    .addColumn('reporter_x25519_public', 'text', (c) => c.notNull())
    .addColumn('reporter_ed25519_public', 'text', (c) => c.notNull())
    .addColumn('receipt_version', 'integer', (c) => c.notNull())
    .addColumn('duplicate_of', 'text', (c) => c.references('alerts.id'))
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('alerts_inbox_idx')
    .on('alerts')
    .columns(['org_id', 'state', 'received_day'])
    .execute();
  await db.schema.createIndex('alerts_received_day_idx').on('alerts').column('received_day').execute();

  await table(db, 'submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('declared_bytes', 'bigint', (c) => c.notNull())
    .addColumn('received_bytes', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text', (c) => c.references('alerts.id').onDelete('set null'))
    .addColumn('result', 'text')
    .execute();
  await db.schema.createIndex('submissions_expires_idx').on('submissions').column('expires_at').execute();

  await table(db, 'receipt_lookups')
    .addColumn('lookup_hash', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('receipt_version', 'integer', (c) => c.notNull())
    .addColumn('pepper_version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('receipt_lookups_alert_idx').on('receipt_lookups').column('alert_id').execute();

  await table(db, 'blobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('alert_id', 'text', (c) => c.references('alerts.id'))
    .addColumn('chunk_count', 'integer', (c) => c.notNull())
    .addColumn('total_bytes', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_day', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('blobs_submission_idx').on('blobs').column('submission_id').execute();
  await db.schema.createIndex('blobs_alert_idx').on('blobs').column('alert_id').execute();

  await table(db, 'blob_chunks')
    .addColumn('blob_id', 'text', (c) => c.notNull().references('blobs.id').onDelete('cascade'))
    .addColumn('chunk_index', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('blob_chunks_pk', ['blob_id', 'chunk_index'])
    .execute();
}

async function createConversationTables(db: Kysely<unknown>): Promise<void> {
  await table(db, 'messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sender_type', 'text', (c) => c.notNull())
    .addColumn('sender_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('envelope', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('attachment_blob_ids', 'text', (c) => c.notNull())
    .addColumn('created_day', 'text', (c) => c.notNull())
    .addUniqueConstraint('messages_alert_seq_unique', ['alert_id', 'seq'])
    .execute();

  await table(db, 'notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('envelope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notes_alert_idx').on('notes').column('alert_id').execute();

  await table(db, 'state_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('reason_envelope', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('state_changes_alert_seq_unique', ['alert_id', 'seq'])
    .execute();
}

async function createOperationalTables(db: Kysely<unknown>): Promise<void> {
  await table(db, 'audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  await table(db, 'staff_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_sessions_user_idx').on('staff_sessions').column('user_id').execute();
  await db.schema.createIndex('staff_sessions_expires_idx').on('staff_sessions').column('expires_at').execute();

  await table(db, 'pow_challenges_used')
    .addColumn('challenge_hash', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pow_challenges_expires_idx').on('pow_challenges_used').column('expires_at').execute();

  await table(db, 'throttle_buckets')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('throttle_window_idx').on('throttle_buckets').column('window_start').execute();
}

/** Every table, children before parents, so `down` can drop them in this order. */
export const TABLES_CHILDREN_FIRST = [
  'throttle_buckets',
  'pow_challenges_used',
  'staff_sessions',
  'audit_log',
  'state_changes',
  'notes',
  'messages',
  'blob_chunks',
  'blobs',
  'receipt_lookups',
  'submissions',
  'alerts',
  'places',
  'questionnaire_versions',
  'directory_versions',
  'key_grants',
  'memberships',
  'users',
  'organisations',
  'settings',
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of TABLES_CHILDREN_FIRST) await db.schema.dropTable(name).execute();
}
