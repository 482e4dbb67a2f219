/** Fixed-window throttles in the database: global or per target, never per address. */
export { bucketKey, consumeThrottle, pruneThrottleBuckets, windowStart, type ThrottleRule } from './throttle.ts';
