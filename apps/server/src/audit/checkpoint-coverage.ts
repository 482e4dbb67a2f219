/**
 * How much of the audit trail no signed checkpoint covers yet (used by `npm run audit:verify`).
 * Entries after the last checkpoint are protected by the chain and the MACs only: someone holding
 * both the database and the server secret could rewrite or cut them off unseen, so the operator
 * is told how many there are and since when, and can demand a checkpoint within so many days.
 *
 * Days come from the entries' own `at`, which the hash (and so the signed checkpoint and the
 * MAC) covers, never from the checkpoint row's unsigned created_at.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export type CheckpointCoverage = {
  /** The last signed checkpoint's seq, null when there is none. */
  readonly lastSeq: number | null;
  /** The day (YYYY-MM-DD) of the entry the last checkpoint signs, null when there is none. */
  readonly lastDay: string | null;
  /** Entries after the last checkpoint (all of them when there is none). */
  readonly uncovered: number;
  /** The instant of the oldest entry no checkpoint covers, null when every entry is covered. */
  readonly oldestUncoveredAt: string | null;
};

async function entryAt(db: Kysely<Database>, seq: number): Promise<string | null> {
  const row = await db.selectFrom('audit_log').select('at').where('seq', '=', seq).executeTakeFirst();
  return row?.at ?? null;
}

/** `lastSeq`: the last verified checkpoint's seq; `chainCount`: the intact chain's length. */
export async function checkpointCoverage(db: Kysely<Database>, lastSeq: number | null, chainCount: number): Promise<CheckpointCoverage> {
  const covered = lastSeq ?? 0;
  const uncovered = Math.max(0, chainCount - covered);
  const lastDay = lastSeq === null ? null : ((await entryAt(db, lastSeq))?.slice(0, 10) ?? null);
  const oldestUncoveredAt = uncovered === 0 ? null : await entryAt(db, covered + 1);
  return { lastSeq, lastDay, uncovered, oldestUncoveredAt };
}
