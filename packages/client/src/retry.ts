/**
 * Retries for the reporter's uploads over 2G/3G: exponential backoff on failures that may
 * pass (no answer, a 5xx, throttling), never on a refusal that would only repeat.
 */
import { isApiError, isNetworkError } from './errors.ts';

export type RetryPolicy = {
  /** Consecutive failures tolerated before giving up. */
  readonly maxRetries: number;
  /** First delay in milliseconds; doubled at each further failure, capped at MAX_DELAY_MS. */
  readonly delayMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, delayMs: 1_000 };
export const MAX_DELAY_MS = 30_000;

export function isRetryable(error: unknown): boolean {
  if (isNetworkError(error)) return true;
  return isApiError(error) && (error.status >= 500 || error.code === 'throttled');
}

export const backoffDelay = (policy: RetryPolicy, failures: number): number =>
  Math.min(MAX_DELAY_MS, policy.delayMs * 2 ** Math.max(0, failures - 1));

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, a non-retryable error occurs, or retries run out. */
export async function withRetry<T>(policy: RetryPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let failures = 0; ; ) {
    try {
      return await attempt();
    } catch (error) {
      failures += 1;
      if (!isRetryable(error) || failures > policy.maxRetries) throw error;
      await sleep(backoffDelay(policy, failures));
    }
  }
}
