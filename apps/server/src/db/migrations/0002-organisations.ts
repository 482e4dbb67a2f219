/**
 * Organisations, memberships, invitations, organisation keys and the signed key directory
 * (issue 3). Memberships, key grants and directory versions already exist (0001); this adds:
 *
 * - organisations without keys yet. An organisation created on the server has none: its key
 *   pairs are made in a member's browser (DESIGN §3). 0001 made the key columns NOT NULL, so
 *   a keyless organisation is written with key_version 0 and '' public keys (the first real
 *   key version is 1). Every reader of keys (directory signing, routing, finalize, /api/me)
 *   goes through the signed directory, which can only list 32-byte keys, so it ignores them.
 * - organisations.preset: which preset entry ('mali:oclei', …) made the row, so adding the
 *   preset again adds only what is missing, even after a rename.
 * - invitations: one row per invitation. SECURITY: only the SHA-256 of the one-time code is
 *   kept (the code itself is shown once to the administrator), it expires, and it is used once.
 */
import type { Kysely } from 'kysely';

/** The tables this migration creates, children first (down() drops them in this order). */
export const TABLES_CHILDREN_FIRST: readonly string[] = ['invitations'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('preset', 'text').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('login', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('invitations_code_hash_unique', ['code_hash'])
    .execute();
  await db.schema.createIndex('invitations_org_idx').on('invitations').column('org_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of TABLES_CHILDREN_FIRST) await db.schema.dropTable(name).execute();
  await db.schema.alterTable('organisations').dropColumn('preset').execute();
}
