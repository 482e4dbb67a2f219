/**
 * Port: fixed-window counters (throttle_buckets). SECURITY: buckets are global or keyed by a
 * token or login, never by a client address (DESIGN §3); keys derived from secrets are
 * MACed first so a bucket name cannot be matched to a stored lookup hash.
 */
import { concatBytes, hkdfSha256, hmacSha256, toBase64Url, utf8Encode } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';

export type ThrottleRule = { readonly limit: number; readonly windowSeconds: number };

export type Throttle = {
  /** Counts one attempt; false when the bucket is already full for this window. */
  consume(bucket: string, rule: ThrottleRule, now: Date): Promise<boolean>;
};

/** Consumes every bucket (so a flood fills the global one too) and refuses if any is full. */
export async function enforceThrottles(
  throttle: Throttle,
  buckets: readonly { readonly bucket: string; readonly rule: ThrottleRule }[],
  now: Date,
): Promise<void> {
  let allowed = true;
  for (const { bucket, rule } of buckets) allowed = (await throttle.consume(bucket, rule, now)) && allowed;
  if (!allowed) throw new AppError('throttled');
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
