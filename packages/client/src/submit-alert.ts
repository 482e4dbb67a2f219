/**
 * Filing an alert (DESIGN §3, §4b): verify what the server hands out, make the receipt and
 * every key here, encrypt, solve the proof of work, upload in resumable chunks, finalize.
 *
 * SECURITY: nothing is written to any storage (no localStorage, no IndexedDB, no log): the
 * receipt exists only in the returned value, for the UI to show once. The server receives the
 * receipt's lookup token, never the receipt.
 */
import { RECEIPT_FORMAT_VERSION, deriveReceiptKeys, fromBase64Url, generateReceipt, toBase64Url } from '@kenekanko/crypto';
import type { FinalizeAlertRequest } from '@kenekanko/contracts';
import type { ApiClient } from './api-client.ts';
import { isApiError } from './errors.ts';
import { buildAlertPackage } from './alert-package.ts';
import { newId } from './ids.ts';
import { createPowSource } from './pow.ts';
import { DEFAULT_RETRY_POLICY, isRetryable, backoffDelay, sleep } from './retry.ts';
import type { RetryPolicy } from './retry.ts';
import { loadTrustedIntake } from './trusted-intake.ts';
import type { AlertDraft, SubmitOptions, SubmitProgress, SubmitResult } from './types.ts';
import { manifests, planBytes, uploadChunks } from './upload.ts';
import type { UploadPlan } from './upload.ts';
import type { PowSource } from './pow.ts';

type Finalize = () => Promise<{ alertId: string; receivedDay: string }>;

/** Finalize is idempotent on the server, so it is retried like a chunk; a missing chunk is re-sent once. */
async function finalizeWithRetry(finalize: Finalize, resend: () => Promise<unknown>, policy: RetryPolicy): Promise<{ alertId: string; receivedDay: string }> {
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

export async function submitAlert(api: ApiClient, draft: AlertDraft, opts: SubmitOptions = {}): Promise<SubmitResult> {
  const policy: RetryPolicy = {
    maxRetries: opts.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    delayMs: opts.retryDelayMs ?? DEFAULT_RETRY_POLICY.delayMs,
  };
  const progress = (phase: SubmitProgress['phase'], sentBytes = 0, totalBytes = 0) => opts.onProgress?.({ phase, sentBytes, totalBytes });

  const intake = await loadTrustedIntake(api, opts.pinnedCoalitionKey);
  progress('keys');
  const receipt = generateReceipt();
  const reporter = await deriveReceiptKeys(receipt, fromBase64Url(intake.directory.deploymentSalt));
  const alertId = newId();

  progress('encrypting');
  const pack = buildAlertPackage(alertId, draft, intake, reporter);
  const plan: UploadPlan = { submissionId: alertId, purpose: 'alert', blobs: pack.blobs };
  const total = planBytes(plan);

  const pow: PowSource = createPowSource(api, intake.pow, () => progress('proof-of-work', 0, total));
  await pow.current();

  const upload = () => uploadChunks(api, plan, pow, policy, { onSent: (sent) => progress('uploading', sent, total) });
  await upload();

  progress('finalizing', total, total);
  const request: FinalizeAlertRequest = {
    orgId: intake.routedOrganisation.id,
    statistics: pack.statistics,
    questionnaireVersion: intake.questionnaire.version,
    receiptVersion: RECEIPT_FORMAT_VERSION,
    lookupToken: toBase64Url(reporter.lookupToken),
    reporterX25519Public: toBase64Url(reporter.x25519.publicKey),
    reporterEd25519Public: toBase64Url(reporter.ed25519.publicKey),
    answersEnvelope: pack.answersEnvelope,
    identityEnvelope: pack.identityEnvelope,
    grants: [...pack.grants],
    blobs: manifests(plan),
  };
  reporter.x25519.privateKey.fill(0);
  reporter.ed25519.privateKey.fill(0);
  const result = await finalizeWithRetry(() => api.finalize(alertId, request), upload, policy);
  return { receipt, alertId: result.alertId, receivedDay: result.receivedDay };
}
