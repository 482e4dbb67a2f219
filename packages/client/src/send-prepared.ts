/**
 * Sending a sealed submission: solve the proof of work, upload in resumable chunks, finalize.
 * Idempotent by submission id: calling it again with the same package (after an error, a
 * reload, or days offline) re-opens the same submission, sends only the chunks the server
 * lacks, and a finalize that already went through answers its stored result. So a retried
 * alert is never filed twice.
 *
 * The proof of work is solved here, at send time, never stored: a challenge expires, and one
 * cached on an earlier visit would be refused.
 */
import type { PowChallenge } from '@kenekanko/contracts';
import type { IntakeApi } from './intake-api-client.ts';
import { isApiError } from './errors.ts';
import { createPowSource } from './pow.ts';
import { DEFAULT_RETRY_POLICY, backoffDelay, isRetryable, sleep } from './retry.ts';
import type { RetryPolicy } from './retry.ts';
import type { SealedSubmission } from './sealed-submission.ts';
import type { SubmitProgress } from './types.ts';
import { planBytes, uploadChunks } from './upload.ts';
import type { UploadPlan } from './upload.ts';

/** The routes sending uses, so a reporter's page can hand in a client made of these only. */
export type SendApi = Pick<IntakeApi, 'pow' | 'openSubmission' | 'putChunk' | 'finalize'>;

export type SendOptions = {
  readonly onProgress?: (progress: SubmitProgress) => void;
  /** A challenge fetched moments ago (with the intake), to save a round trip; refused ones are replaced. */
  readonly firstChallenge?: PowChallenge | null;
  /** Consecutive failures tolerated per request before giving up (default 5). */
  readonly maxRetries?: number;
  /** First backoff delay in milliseconds, doubled at each retry (default 1000). */
  readonly retryDelayMs?: number;
};

export type SendResult = { readonly alertId: string; readonly receivedDay: string };

type Finalize = () => Promise<SendResult>;

/** Finalize is idempotent on the server, so it is retried like a chunk; a missing chunk is re-sent once. */
async function finalizeWithRetry(finalize: Finalize, resend: () => Promise<unknown>, policy: RetryPolicy): Promise<SendResult> {
  let resent = false;
  for (let failures = 0; ; ) {
    try {
      return await finalize();
    } catch (error) {
      if (isApiError(error) && error.code === 'upload-incomplete' && !resent) {
        resent = true;
        await resend();
        continue;
      }
      failures += 1;
      if (!isRetryable(error) || failures > policy.maxRetries) throw error;
      await sleep(backoffDelay(policy, failures));
    }
  }
}

export async function sendPrepared(api: SendApi, sealed: SealedSubmission, opts: SendOptions = {}): Promise<SendResult> {
  const policy: RetryPolicy = {
    maxRetries: opts.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    delayMs: opts.retryDelayMs ?? DEFAULT_RETRY_POLICY.delayMs,
  };
  const plan: UploadPlan = { submissionId: sealed.submissionId, purpose: 'alert', blobs: sealed.blobs };
  const total = planBytes(plan);
  const progress = (phase: SubmitProgress['phase'], sentBytes: number) => opts.onProgress?.({ phase, sentBytes, totalBytes: total });

  const pow = createPowSource(api, opts.firstChallenge ?? null, () => progress('proof-of-work', 0));
  const upload = () => uploadChunks(api, plan, pow, policy, { onSent: (sent) => progress('uploading', sent) });
  await upload();
  progress('finalizing', total);
  return finalizeWithRetry(() => api.finalize(sealed.submissionId, sealed.finalize), upload, policy);
}
