import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase } from '../../test/databases.ts';
import { isForeignKeyViolation, isUniqueViolation } from './db-errors.ts';
import { migrateToLatest, type DatabaseHandle } from './database.ts';
import { TABLES_CHILDREN_FIRST as T0001 } from './migrations/0001-initial.ts';
import { TABLES_CHILDREN_FIRST as T0002 } from './migrations/0002-organisations.ts';
import { TABLES_CHILDREN_FIRST as T0003 } from './migrations/0003-second-factor.ts';
import { TABLES_CHILDREN_FIRST as T0004 } from './migrations/0004-case-work.ts';
import { TABLES_CHILDREN_FIRST as T0005 } from './migrations/0005-forwarding.ts';
import { TABLES_CHILDREN_FIRST as T0006 } from './migrations/0006-custody-audit-retention.ts';
import { TABLES_CHILDREN_FIRST as T0007 } from './migrations/0007-stats.ts';
import { TABLES_CHILDREN_FIRST as T0008 } from './migrations/0008-audit-mac.ts';
import { TABLES_CHILDREN_FIRST as T0009 } from './migrations/0009-stats-rollups.ts';
import { TABLES_CHILDREN_FIRST as T0010 } from './migrations/0010-stats-frozen.ts';

const TABLES_CHILDREN_FIRST = [...T0010, ...T0009, ...T0008, ...T0007, ...T0006, ...T0005, ...T0004, ...T0003, ...T0002, ...T0001];
const MIGRATION_NAMES = ['0001-initial', '0002-organisations', '0003-second-factor', '0004-case-work', '0005-forwarding', '0006-custody-audit-retention', '0007-stats', '0008-audit-mac', '0009-stats-rollups', '0010-stats-frozen'];
import type { Database } from './schema.ts';

/** Every table of schema.ts; `satisfies` makes the compiler flag a table added to one list only. */
const SCHEMA_TABLES = Object.keys({
  settings: 0,
  organisations: 0,
  users: 0,
  memberships: 0,
  key_grants: 0,
  directory_versions: 0,
  questionnaire_versions: 0,
  places: 0,
  submissions: 0,
  alerts: 0,
  receipt_lookups: 0,
  blobs: 0,
  blob_chunks: 0,
  messages: 0,
  notes: 0,
  state_changes: 0,
  audit_log: 0,
  staff_sessions: 0,
  pow_challenges_used: 0,
  throttle_buckets: 0,
  second_factors: 0,
  invitations: 0,
  forwardings: 0,
  forwarding_events: 0,
  forwarding_drafts: 0,
  forwarding_files: 0,
  forwarding_file_chunks: 0,
  forwarding_settings: 0,
  identity_requests: 0,
  audit_checkpoints: 0,
  retention_policies: 0,
  retention_holds: 0,
  retention_deletions: 0,
  case_documents: 0,
  checklist_items: 0,
  case_settings: 0,
  notifications: 0,
  mail_preferences: 0,
  stats_releases: 0,
  stats_dirty: 0,
  stats_counts: 0,
  stats_flows: 0,
  stats_frozen_months: 0,
} satisfies Record<keyof Database, 0>);

const NOW = '2025-01-15T10:00:00.000Z';
const ORG = { id: 'org-0000000000000000000', kind: 'cso', name: 'Org', x25519_public: 'x', ed25519_public: 'e', key_version: 1, created_at: NOW };
const USER = {
  id: 'usr-0000000000000000000',
  login: 'amadou',
  salt: 's',
  login_key_hash: 'h',
  x25519_public: 'x',
  ed25519_public: 'e',
  key_version: 1,
  wrapped_keys: 'w',
  recovery_wrapped_keys: 'r',
  disabled: 0,
  created_at: NOW,
};
const ALERT = {
  id: 'alr-0000000000000000000',
  org_id: ORG.id,
  state: 'received',
  received_day: '2025-01-15',
  kind: 'bribery',
  region_id: 'region-segou',
  cercle_id: 'cercle-segou-bla',
  institution_type: 'customs',
  amount_band: 'unknown',
  questionnaire_version: 1,
  answers_envelope: 'a',
  identity_envelope: 'i',
  reporter_x25519_public: 'x',
  reporter_ed25519_public: 'e',
  receipt_version: 1,
  duplicate_of: null,
  assignee_id: null,
  updated_at: '2025-01-15',
  priority: 'normal',
  journalist_consent: null,
};

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let handle: DatabaseHandle;
  afterEach(async () => {
    await handle.close();
  });

  it('creates every table of schema.ts, and running again changes nothing', async () => {
    handle = await createTestDatabase(kind, { migrate: false });
    expect(await migrateToLatest(handle.db)).toEqual(MIGRATION_NAMES);
    expect(await migrateToLatest(handle.db)).toEqual([]);
    const tables = (await handle.db.introspection.getTables()).map((t) => t.name);
    expect(tables.filter((name) => !name.startsWith('kysely_')).sort()).toEqual([...SCHEMA_TABLES].sort());
    expect([...TABLES_CHILDREN_FIRST].sort()).toEqual([...SCHEMA_TABLES].sort());
  });

  it('gives each table exactly the columns of schema.ts', async () => {
    handle = await createTestDatabase(kind, { seed: false });
    const tables = await handle.db.introspection.getTables();
    const alerts = tables.find((t) => t.name === 'alerts');
    expect(alerts?.columns.map((c) => c.name).sort()).toEqual(Object.keys(ALERT).sort());
    const cercle = alerts?.columns.find((c) => c.name === 'cercle_id');
    expect(cercle?.isNullable).toBe(true);
    expect(alerts?.columns.find((c) => c.name === 'region_id')?.isNullable).toBe(false);
  });

  it('returns integers and counts as numbers', async () => {
    handle = await createTestDatabase(kind, { seed: false });
    await handle.db.insertInto('submissions').values({
      id: 'sub-0000000000000000000',
      purpose: 'alert',
      state: 'open',
      declared_bytes: 3_000_000_000,
      received_bytes: 0,
      created_at: NOW,
      expires_at: NOW,
      alert_id: null,
      result: null,
    }).execute();
    const row = await handle.db.selectFrom('submissions').select(['declared_bytes', 'received_bytes']).executeTakeFirstOrThrow();
    expect(row).toEqual({ declared_bytes: 3_000_000_000, received_bytes: 0 });
    const count = await handle.db.selectFrom('submissions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
    const sum = await handle.db.selectFrom('submissions').select((eb) => eb.fn.sum('declared_bytes').as('s')).executeTakeFirstOrThrow();
    expect(sum.s).toBe(3_000_000_000);
  });

  it('enforces the unique constraints', async () => {
    handle = await createTestDatabase(kind, { seed: false });
    const db = handle.db;
    await db.insertInto('users').values(USER).execute();
    expect(isUniqueViolation(await failure(db.insertInto('users').values({ ...USER, id: 'usr-1111111111111111111' }).execute()))).toBe(true);

    await db.insertInto('organisations').values(ORG).execute();
    const membership = { id: 'm1', user_id: USER.id, org_id: ORG.id, role: 'analyst', created_at: NOW };
    await db.insertInto('memberships').values(membership).execute();
    await db.insertInto('memberships').values({ ...membership, id: 'm2', role: 'coordinator' }).execute();
    expect(isUniqueViolation(await failure(db.insertInto('memberships').values({ ...membership, id: 'm3' }).execute()))).toBe(true);

    const grant = {
      id: 'g1',
      object_type: 'alert',
      object_id: ALERT.id,
      key_kind: 'content',
      key_version: 1,
      recipient_type: 'organisation',
      recipient_id: ORG.id,
      recipient_key_version: 1,
      sealed_key: 'k',
      created_at: NOW,
    };
    await db.insertInto('key_grants').values(grant).execute();
    // A rotated key is a new version beside the old one, never an overwrite.
    await db.insertInto('key_grants').values({ ...grant, id: 'g2', key_version: 2 }).execute();
    expect(isUniqueViolation(await failure(db.insertInto('key_grants').values({ ...grant, id: 'g3' }).execute()))).toBe(true);
  });

  it('enforces per-alert sequence numbers and foreign keys', async () => {
    handle = await createTestDatabase(kind);
    const db = handle.db;
    await db.insertInto('organisations').values(ORG).execute();
    expect(isForeignKeyViolation(await failure(db.insertInto('alerts').values({ ...ALERT, region_id: 'region-atlantis' }).execute()))).toBe(true);
    await db.insertInto('alerts').values(ALERT).execute();
    const message = {
      id: 'msg1',
      alert_id: ALERT.id,
      seq: 1,
      sender_type: 'reporter',
      sender_user_id: null,
      envelope: 'e',
      signature: 's',
      attachment_blob_ids: '[]',
      created_day: '2025-01-15',
    };
    await db.insertInto('messages').values(message).execute();
    expect(isUniqueViolation(await failure(db.insertInto('messages').values({ ...message, id: 'msg2' }).execute()))).toBe(true);
    const change = { id: 'sc1', alert_id: ALERT.id, seq: 1, from_state: null, to_state: 'received', actor_type: 'reporter', actor_id: null, reason_envelope: null, created_at: '2025-01-15' };
    await db.insertInto('state_changes').values(change).execute();
    expect(isUniqueViolation(await failure(db.insertInto('state_changes').values({ ...change, id: 'sc2' }).execute()))).toBe(true);
    expect(isForeignKeyViolation(await failure(db.insertInto('messages').values({ ...message, id: 'msg3', alert_id: 'nope' }).execute()))).toBe(true);

    // Deleting an alert takes its messages and state changes with it.
    await db.deleteFrom('alerts').where('id', '=', ALERT.id).execute();
    const left = await sql<{ n: number }>`select (select count(*) from messages) + (select count(*) from state_changes) as n`.execute(db);
    expect(Number(left.rows[0]?.n)).toBe(0);
  });

  it('refuses to delete an alert whose blobs are still stored', async () => {
    handle = await createTestDatabase(kind);
    const db = handle.db;
    await db.insertInto('organisations').values(ORG).execute();
    await db.insertInto('alerts').values(ALERT).execute();
    await db.insertInto('submissions').values({ id: ALERT.id, purpose: 'alert', state: 'finalized', declared_bytes: 1, received_bytes: 1, created_at: '2025-01-15', expires_at: NOW, alert_id: ALERT.id, result: null }).execute();
    await db.insertInto('blobs').values({ id: 'blob1', submission_id: ALERT.id, alert_id: ALERT.id, chunk_count: 1, total_bytes: 1, state: 'complete', created_day: '2025-01-15' }).execute();
    expect(isForeignKeyViolation(await failure(db.deleteFrom('alerts').where('id', '=', ALERT.id).execute()))).toBe(true);
  });
});
