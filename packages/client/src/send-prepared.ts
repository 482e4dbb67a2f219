/**
 * Sending a sealed submission: solve the proof of work, upload in resumable chunks, finalize.
 * Idempotent by submission id: calling it again with the same package (after an error, a
 * reload, or days offline) re-opens the same submission, sends only the chunks the server
 * lacks, and a finalize that already went through answers its stored result. So a retried
 * alert is never filed twice.
 *
 * The proof of work is solved here, at send time, never stored: a challenge expires, and one
 * cached on an earlier visit would be refused.
 *
 * A consent to journalists ticked in the form (sealed.journalistConsent) is posted right after
 * a successful finalize (idempotent on the server). Failing to post it never fails the send:
 * the alert is filed, the result says 'not-sent', and the reporter can still agree from the
 * follow-up page (which signs it again from the receipt).
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
export type SendApi = Pick<IntakeApi, 'pow' | 'openSubmission' | 'putChunk' | 'finalize' | 'consent'>;

export type SendOptions = {
  readonly onProgress?: (progress: SubmitProgress) => void;
  /** A challenge fetched moments ago (with the intake), to save a round trip; refused ones are replaced. */
  readonly firstChallenge?: PowChallenge | null;
  /** Consecutive failures tolerated per request before giving up (default 5). */
  readonly maxRetries?: number;
  /** First backoff delay in milliseconds, doubled at each retry (default 1000). */
  readonly retryDelayMs?: number;
};

/** 'none': not ticked in the form; 'not-sent': the alert is filed but the consent must be given again from the follow-up page. */
export type ConsentOutcome = 'none' | 'sent' | 'not-sent';

export type SendResult = { readonly alertId: string; readonly receivedDay: string; readonly journalistConsent: ConsentOutcome };

type Finalize = () => Promise<Omit<SendResult, 'journalistConsent'>>;

/** Finalize is idempotent on the server, so it is retried like a chunk; a missing chunk is re-sent once. */
async function finalizeWithRetry(finalize: Finalize, resend: () => Promise<unknown>, policy: RetryPolicy): ReturnType<Finalize> {
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
  const filed = await finalizeWithRetry(() => api.finalize(sealed.submissionId, sealed.finalize), upload, policy);
  return { ...filed, journalistConsent: await postConsent(api, sealed, policy) };
}

/** Posts the form's consent, retried like a chunk; work is solved only if the server asks for it. */
async function postConsent(api: SendApi, sealed: SealedSubmission, policy: RetryPolicy): Promise<ConsentOutcome> {
  const signature = sealed.journalistConsent;
  if (signature === undefined) return 'none';
  const pow = createPowSource(api, null);
  let work = false;
  for (let failures = 0; ; ) {
    try {
      await api.consent(sealed.finalize.lookupToken, signature, work ? await pow.fresh() : undefined);
      return 'sent';
    } catch (error) {
      if (isApiError(error) && error.code === 'pow-required' && !work) {
        work = true;
        continue;
      }
      failures += 1;
      if (!isRetryable(error) || failures > policy.maxRetries) return 'not-sent';
      await sleep(backoffDelay(policy, failures));
    }
  }
}
