/**
 * Port: fixed-window counters (throttle_buckets). SECURITY: buckets are global or keyed by a
 * token or login, never by a client address (DESIGN §3); keys derived from secrets are
 * MACed first so a bucket name cannot be matched to a stored lookup hash.
 */
import { concatBytes, hkdfSha256, hmacSha256, toBase64Url, utf8Encode } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';

export type ThrottleRule = { readonly limit: number; readonly windowSeconds: number };

export type PowSolution = { readonly challenge: string; readonly nonce: string };

export type Throttle = {
  /** Counts one attempt; false when the bucket is already full for this window. */
  consume(bucket: string, rule: ThrottleRule, now: Date): Promise<boolean>;
};

/**
 * What a full bucket does. 'refuse' answers 'throttled' (a wall: only for buckets of one
 * secret, such as a mistyped receipt). 'proof-of-work' answers 'pow-required' unless the
 * request carries a fresh solution: SECURITY (M1/M2): a flood of random tokens or of one staff
 * login must not lock out the real reporter or coordinator, so shared buckets cost work
 * instead of closing the door; the flood pays the same work for each of its requests.
 */
export type WhenFull = 'refuse' | 'proof-of-work';

export type ThrottledBucket = { readonly bucket: string; readonly rule: ThrottleRule; readonly whenFull?: WhenFull };

/** Spends a proof of work carried by the request; throws 'pow-required' when it is not valid. */
export type PowPayment = () => Promise<void>;

/**
 * Consumes every bucket (so a flood fills the global one too); refuses if a 'refuse' bucket is
 * full, and asks for (or spends) a proof of work if only 'proof-of-work' buckets are.
 */
export async function enforceThrottles(throttle: Throttle, buckets: readonly ThrottledBucket[], now: Date, pay?: PowPayment): Promise<void> {
  let refuse = false;
  let needsWork = false;
  for (const { bucket, rule, whenFull = 'refuse' } of buckets) {
    if (await throttle.consume(bucket, rule, now)) continue;
    if (whenFull === 'refuse') refuse = true;
    else needsWork = true;
  }
  if (refuse) throw new AppError('throttled');
  if (!needsWork) return;
  if (pay === undefined) throw new AppError('pow-required');
  await pay();
}

/** The payment for a request's optional solution, or none. */
export function powPayment(
  pow: { spend(solution: PowSolution, now: Date): Promise<void> },
  solution: PowSolution | undefined,
  now: Date,
): PowPayment | undefined {
  return solution === undefined ? undefined : () => pow.spend(solution, now);
}

export type BucketKey = { readonly key: Uint8Array };

export function deriveBucketKey(serverSecret: Uint8Array): BucketKey {
  return { key: hkdfSha256(serverSecret, new Uint8Array(0), utf8Encode('kenekanko/v1/throttle-key'), 32) };
}

/** A bucket name for a secret-ish value (a lookup token, a login): `${prefix}:${MAC}`. */
export function bucketFor(key: BucketKey, prefix: string, value: Uint8Array): string {
  const mac = hmacSha256(key.key, concatBytes(utf8Encode(prefix), Uint8Array.of(0), value)).slice(0, 16);
  return `${prefix}:${toBase64Url(mac)}`;
}
