/**
 * The append-only, hash-chained audit trail (DESIGN §4b): every staff action appends an entry
 * whose hash covers its content and the previous entry's hash, so an entry edited, removed or
 * moved in the database breaks the chain at a point verifyAuditChain names. Truncating the
 * newest entries leaves a valid shorter chain: that is what the signed audit checkpoints
 * (made in coordinators' browsers, DESIGN §3) are for, so verifyAuditChain returns the count
 * and the caller compares it with the last checkpoint.
 *
 * hash = hex SHA-256( 'kenekanko/v1/audit' || 0x00 || JSON array of
 *        [seq, at, actor_id, action, object_type, object_id, details, prev_hash] )
 * where details is the stored canonical JSON text (keys sorted). Genesis prev_hash: 64 zeros.
 * The hash has no secret, so each entry also carries a keyed MAC of it (audit-mac.ts): a
 * database-only attacker who edits an entry and re-hashes the rest is caught by verifyAuditMacs.
 *
 * SECURITY: details hold ids, states and counts, never content: the audit trail is in clear.
 * SECURITY: entries record staff (and system) actions only. `at` is an exact instant, so a
 * reporter's action must never be audited here: it would pin the reporter's time to the second,
 * which the rest of the database deliberately keeps to the day.
 *
 * Concurrency: two appends must not read the same previous entry. On PostgreSQL the append
 * takes a transaction-scoped advisory lock inside the caller's transaction (opening one when
 * given a plain connection), so appends are serialised until commit; on SQLite Kysely runs one
 * connection behind a mutex, so transactions are already serialised. In any case seq is the
 * primary key: a fork fails loudly instead of being stored.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema.ts';
import { auditMac, type AuditMacKey } from './audit-mac.ts';

export type AuditDetails = Readonly<Record<string, string | number | boolean | null>>;

export type AuditEntry = {
  readonly actorId: string | null;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string | null;
  readonly details: AuditDetails;
};

export type AuditVerification =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly badSeq: number; readonly reason: 'altered' | 'missing' | 'reordered' };

export const GENESIS_HASH = '0'.repeat(64);
const HASH_PURPOSE = 'kenekanko/v1/audit';
/** A constant naming "the audit trail" among advisory locks: the ASCII bytes 'kkaudit1' as an int8. */
const AUDIT_LOCK_KEY = sql.raw('7740387541390029873');
const VERIFY_PAGE = 1000;
/** How many moved entries in a row classify() follows back before calling the damage 'altered'. */
const MAX_TRACE_BACK = 16;

/** Canonical JSON of a flat record: sorted keys, no spaces; refuses non-finite numbers. */
export function canonicalDetails(details: AuditDetails): string {
  const keys = Object.keys(details).sort();
  for (const key of keys) {
    const value = details[key];
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`audit detail ${key} is not finite`);
  }
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, details[key]])));
}

type HashedFields = Omit<AuditLogTable, 'hash' | 'mac'>;
type AuditRow = Selectable<AuditLogTable>;

export function auditHash(row: HashedFields): string {
  const body = JSON.stringify([row.seq, row.at, row.actor_id, row.action, row.object_type, row.object_id, row.details, row.prev_hash]);
  return createHash('sha256').update(`${HASH_PURPOSE}\u0000${body}`, 'utf8').digest('hex');
}

/**
 * Whether `db` (or the transaction) speaks PostgreSQL, through public API only: its compiler
 * numbers parameters ($1), SQLite's does not (?). Kysely's adapter is internal API.
 */
function isPostgres(db: Kysely<Database>): boolean {
  return sql`${0}`.compile(db).sql === '$1';
}

/** The append itself; `trx` is always a transaction (appendAudit sees to it). */
async function appendLocked(trx: Kysely<Database>, entry: AuditEntry, now: Date, macKey: AuditMacKey): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const fields: HashedFields = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actor_id: entry.actorId,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId,
    details: canonicalDetails(entry.details),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(fields);
  await trx.insertInto('audit_log').values({ ...fields, hash, mac: auditMac(macKey, hash) }).execute();
}

/**
 * Appends one entry. Pass the transaction of the action being audited, so that the action and
 * its entry are committed together or not at all. `macKey` (deriveAuditMacKey of the server
 * secret) keys the entry's MAC (audit-mac.ts).
 */
export async function appendAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
  now: Date,
  macKey: AuditMacKey,
): Promise<void> {
  if (db.isTransaction) {
    await appendLocked(db, entry, now, macKey);
    return;
  }
  await db.transaction().execute((trx) => appendLocked(trx, entry, now, macKey));
}

/**
 * The position an entry was hashed at: its own seq when intact, else the position right after
 * the entry its prev_hash names (itself traced back the same way, for entries swapped with a
 * neighbour). undefined when no position fits: the entry's content was changed.
 */
async function hashedPosition(db: Kysely<Database>, row: AuditRow, depth: number): Promise<number | undefined> {
  if (auditHash(row) === row.hash) return row.seq;
  if (depth === 0) return undefined;
  let predecessor = 0;
  if (row.prev_hash !== GENESIS_HASH) {
    const linked = await db.selectFrom('audit_log').selectAll().where('hash', '=', row.prev_hash).executeTakeFirst();
    const position = linked === undefined ? undefined : await hashedPosition(db, linked, depth - 1);
    if (position === undefined) return undefined;
    predecessor = position;
  }
  return auditHash({ ...row, seq: predecessor + 1 }) === row.hash ? predecessor + 1 : undefined;
}

/** Why the chain breaks at `row`, found where entry `seq` was expected after `prevHash`. */
async function classify(db: Kysely<Database>, row: AuditRow, seq: number, prevHash: string): Promise<AuditVerification> {
  if (row.seq !== seq) return { ok: false, badSeq: seq, reason: 'missing' };
  if (auditHash(row) === row.hash && row.prev_hash !== prevHash) {
    // An intact entry that no longer links to its predecessor: the predecessor was rewritten
    // and its hash recomputed to hide the edit.
    return { ok: false, badSeq: Math.max(1, seq - 1), reason: 'altered' };
  }
  const position = await hashedPosition(db, row, MAX_TRACE_BACK);
  if (position !== undefined && position !== seq) return { ok: false, badSeq: seq, reason: 'reordered' };
  return { ok: false, badSeq: seq, reason: 'altered' };
}

/** Walks the whole chain in order, a page at a time; names the first entry that breaks it. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq', 'asc')
      .limit(VERIFY_PAGE)
      .execute();
    for (const row of page) {
      if (row.seq !== expectedSeq || row.prev_hash !== prevHash || auditHash(row) !== row.hash) {
        return classify(db, row, expectedSeq, prevHash);
      }
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (page.length < VERIFY_PAGE) return { ok: true, count: expectedSeq - 1 };
  }
}
