/**
 * Case work (issue 3): priority on alerts, the desk-key documents of a case (labels and the
 * verification checklist state, both ciphertext made in a browser, versioned for optimistic
 * concurrency), each organisation's checklist items and deadlines, in-app notifications and the
 * per-user opt-in to content-free e-mail reminders.
 *
 * What is in clear and why: alerts.priority (a workflow field the inbox sorts on), checklist
 * item labels (organisation configuration, never about one case), deadline settings, and
 * notifications (a kind from a closed list and an object id, never content).
 */
import type { Kysely } from 'kysely';

/** The tables this migration creates, children first (down() drops them in this order). */
export const TABLES_CHILDREN_FIRST: readonly string[] = ['mail_preferences', 'notifications', 'case_settings', 'checklist_items', 'case_documents'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('alerts').addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal')).execute();

  await db.schema
    .createTable('case_documents')
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('envelope', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_documents_pk', ['alert_id', 'kind'])
    .execute();

  await db.schema
    .createTable('checklist_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checklist_items_org_idx').on('checklist_items').column('org_id').execute();

  await db.schema
    .createTable('case_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('acknowledge_days', 'integer', (c) => c.notNull())
    .addColumn('feedback_months', 'integer', (c) => c.notNull())
    .addColumn('forwarding_acknowledge_days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('mailed', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('mail_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('last_mailed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of TABLES_CHILDREN_FIRST) await db.schema.dropTable(name).execute();
  await db.schema.alterTable('alerts').dropColumn('priority').execute();
}
