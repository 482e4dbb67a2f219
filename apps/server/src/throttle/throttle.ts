/**
 * Fixed-window throttles kept in the database, so that several server processes share them
 * (DESIGN §6) and a restart does not reset them.
 *
 * SECURITY: a bucket is global ('intake') or per target ('lookup:' + the lookup hash,
 * 'login:' + the login name), never per client address: the server never sees or keeps one
 * (DESIGN §2). Targets must already be safe to store: pass the peppered lookup hash, never a
 * raw lookup token. The bucket name itself is stored only as its SHA-256, so the table does
 * not list which staff logins were tried (people type passwords into login fields).
 *
 * SECURITY (reporter instants, DESIGN §2): a window start is an instant, and a per-token
 * bucket counts a reporter's look-ups and posts. It is kept because the bucket name is a MAC,
 * under the server secret, of the raw lookup token, which the server never stores: no row
 * of the database (not the peppered lookup hash) leads to it, so a seized server cannot tell
 * which alert a bucket belongs to; only someone holding the receipt itself could, and the row
 * is pruned after its window. Global buckets count everyone together and name nobody.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export type ThrottleRule = { readonly limit: number; readonly windowSeconds: number };

const MAX_BUCKET_CHARS = 300;

function checkRule(rule: ThrottleRule): void {
  if (!Number.isSafeInteger(rule.limit) || rule.limit < 0) throw new RangeError('throttle limit must be a whole number >= 0');
  if (!Number.isSafeInteger(rule.windowSeconds) || rule.windowSeconds < 1) {
    throw new RangeError('throttle windowSeconds must be a whole number >= 1');
  }
}

export function bucketKey(bucket: string): string {
  if (bucket.length === 0 || bucket.length > MAX_BUCKET_CHARS) throw new RangeError('throttle bucket name length');
  return createHash('sha256').update(bucket, 'utf8').digest('hex');
}

/** The start of the fixed window holding `now`, windows aligned on the Unix epoch. */
export function windowStart(now: Date, windowSeconds: number): string {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString();
}

/**
 * Counts one attempt in `bucket` and answers whether it is allowed (true) or over the limit
 * (false). One atomic upsert: concurrent attempts, from any process, are all counted.
 */
export async function consumeThrottle(db: Kysely<Database>, bucket: string, rule: ThrottleRule, now: Date): Promise<boolean> {
  checkRule(rule);
  const start = windowStart(now, rule.windowSeconds);
  const row = await db
    .insertInto('throttle_buckets')
    .values({ bucket: bucketKey(bucket), window_start: start, count: 1 })
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet({
        // A new window starts the count again; the same window adds one.
        count: sql<number>`case when throttle_buckets.window_start = excluded.window_start then throttle_buckets.count + 1 else 1 end`,
        window_start: sql<string>`excluded.window_start`,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return row.count <= rule.limit;
}

/** Deletes buckets whose window started before `before` (a periodic job; none is needed for correctness). */
export async function pruneThrottleBuckets(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db.deleteFrom('throttle_buckets').where('window_start', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
