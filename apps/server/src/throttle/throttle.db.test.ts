import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase } from '../../test/databases.ts';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { bucketKey, consumeThrottle, pruneThrottleBuckets, windowStart } from './throttle.ts';

const RULE = { limit: 3, windowSeconds: 60 };
const T0 = new Date('2025-03-01T10:00:00.000Z');
const plus = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

describe('windowStart', () => {
  it('aligns windows on the epoch', () => {
    expect(windowStart(new Date('2025-03-01T10:00:59.999Z'), 60)).toBe('2025-03-01T10:00:00.000Z');
    expect(windowStart(new Date('2025-03-01T10:01:00.000Z'), 60)).toBe('2025-03-01T10:01:00.000Z');
    expect(windowStart(new Date('2025-03-01T10:59:00.000Z'), 3600)).toBe('2025-03-01T10:00:00.000Z');
  });
});

describe.each(DATABASE_KINDS)('consumeThrottle on %s', (kind) => {
  let handle: DatabaseHandle;
  let db: Db;
  beforeEach(async () => {
    handle = await createTestDatabase(kind, { seed: false });
    db = handle.db;
  });
  afterEach(async () => {
    await handle.close();
  });

  const attempts = async (bucket: string, times: number, at: Date): Promise<boolean[]> => {
    const answers: boolean[] = [];
    for (let i = 0; i < times; i++) answers.push(await consumeThrottle(db, bucket, RULE, at));
    return answers;
  };

  it('allows up to the limit in a window, then refuses', async () => {
    expect(await attempts('login:amadou', 5, plus(1))).toEqual([true, true, true, false, false]);
  });

  it('starts again in the next window', async () => {
    await attempts('login:amadou', 4, plus(1));
    expect(await attempts('login:amadou', 4, plus(61))).toEqual([true, true, true, false]);
  });

  it('keeps buckets apart', async () => {
    await attempts('login:amadou', 4, plus(1));
    expect(await attempts('login:fatoumata', 1, plus(2))).toEqual([true]);
    expect(await attempts('intake', 1, plus(2))).toEqual([true]);
  });

  it('counts every concurrent attempt exactly once', async () => {
    const rule = { limit: 10, windowSeconds: 60 };
    const answers = await Promise.all(Array.from({ length: 25 }, () => consumeThrottle(db, 'intake', rule, plus(5))));
    expect(answers.filter(Boolean)).toHaveLength(10);
    const row = await db.selectFrom('throttle_buckets').select('count').executeTakeFirstOrThrow();
    expect(row.count).toBe(25);
  });

  it('stores only a hash of the bucket name', async () => {
    await consumeThrottle(db, 'login:amadou', RULE, plus(1));
    const rows = await db.selectFrom('throttle_buckets').selectAll().execute();
    expect(rows).toEqual([{ bucket: bucketKey('login:amadou'), window_start: '2025-03-01T10:00:00.000Z', count: 1 }]);
    expect(JSON.stringify(rows)).not.toContain('amadou');
  });

  it('refuses everything with a limit of zero', async () => {
    expect(await consumeThrottle(db, 'closed', { limit: 0, windowSeconds: 60 }, plus(1))).toBe(false);
  });

  it('rejects a malformed rule before touching the database', async () => {
    await expect(consumeThrottle(db, 'x', { limit: 1, windowSeconds: 0 }, plus(1))).rejects.toThrow(RangeError);
    await expect(consumeThrottle(db, 'x', { limit: -1, windowSeconds: 60 }, plus(1))).rejects.toThrow(RangeError);
    await expect(consumeThrottle(db, '', RULE, plus(1))).rejects.toThrow(RangeError);
    expect(await db.selectFrom('throttle_buckets').selectAll().execute()).toEqual([]);
  });

  it('prunes old windows only', async () => {
    await consumeThrottle(db, 'old', RULE, plus(0));
    await consumeThrottle(db, 'new', RULE, plus(3600));
    expect(await pruneThrottleBuckets(db, plus(1800))).toBe(1);
    const left = await db.selectFrom('throttle_buckets').select('bucket').execute();
    expect(left).toEqual([{ bucket: bucketKey('new') }]);
  });
});
