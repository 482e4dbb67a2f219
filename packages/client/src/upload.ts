/**
 * The idempotent, chunked, resumable upload (DESIGN §4b). The submission id is made in the
 * browser, so opening it again is harmless and answers which chunks the server already has;
 * after a dropped connection only the missing chunks are sent again. A retried PUT of a chunk
 * the server already stored is accepted and not stored twice (the server compares hashes).
 */
import { isApiError } from './errors.ts';
import { ClientError } from './errors.ts';
import type { IntakeApi } from './intake-api-client.ts';
import type { PowSource } from './pow.ts';
import { backoffDelay, isRetryable, sleep, withRetry } from './retry.ts';
import type { RetryPolicy } from './retry.ts';
import type { OpenSubmissionResponse } from '@kenekanko/contracts';

export type EncryptedBlob = { readonly blobId: string; readonly chunks: readonly Uint8Array[] };

export type UploadPlan = {
  readonly submissionId: string;
  readonly purpose: 'alert' | 'reporter-files';
  readonly blobs: readonly EncryptedBlob[];
};

export type UploadHooks = {
  readonly onSent?: (sentBytes: number, totalBytes: number) => void;
};

type Chunk = { readonly blobId: string; readonly index: number; readonly bytes: Uint8Array };

export const planBytes = (plan: UploadPlan): number =>
  plan.blobs.reduce((sum, blob) => sum + blob.chunks.reduce((s, chunk) => s + chunk.length, 0), 0);

export const manifests = (plan: UploadPlan): { blobId: string; chunkCount: number }[] =>
  plan.blobs.map((blob) => ({ blobId: blob.blobId, chunkCount: blob.chunks.length }));

function missingChunks(plan: UploadPlan, received: OpenSubmissionResponse['receivedChunks']): Chunk[] {
  const missing: Chunk[] = [];
  for (const blob of plan.blobs) {
    const have = new Set(received[blob.blobId] ?? []);
    blob.chunks.forEach((bytes, index) => {
      if (!have.has(index)) missing.push({ blobId: blob.blobId, index, bytes });
    });
  }
  return missing;
}

/** Opens (or re-opens) the submission; a refused proof of work is replaced once by a fresh one. */
export async function openSubmission(api: Pick<IntakeApi, 'openSubmission'>, plan: UploadPlan, pow: PowSource, policy: RetryPolicy): Promise<OpenSubmissionResponse> {
  const request = async (solution: Awaited<ReturnType<PowSource['current']>>) =>
    api.openSubmission({ submissionId: plan.submissionId, purpose: plan.purpose, declaredBytes: planBytes(plan), pow: solution });
  return withRetry(policy, async () => {
    try {
      return await request(await pow.current());
    } catch (error) {
      if (isApiError(error) && error.code === 'pow-required') return request(await pow.fresh());
      throw error;
    }
  });
}

/**
 * Makes sure the server holds every chunk of the plan. Returns the last open answer (its
 * state says whether the submission was already finalized by an earlier attempt).
 */
export async function uploadChunks(
  api: Pick<IntakeApi, 'openSubmission' | 'putChunk'>,
  plan: UploadPlan,
  pow: PowSource,
  policy: RetryPolicy,
  hooks: UploadHooks = {},
): Promise<OpenSubmissionResponse> {
  const total = planBytes(plan);
  let status = await openSubmission(api, plan, pow, policy);
  let failures = 0;
  for (;;) {
    if (status.state === 'finalized') return status;
    const missing = missingChunks(plan, status.receivedChunks);
    let sent = total - missing.reduce((sum, chunk) => sum + chunk.bytes.length, 0);
    hooks.onSent?.(sent, total);
    try {
      for (const chunk of missing) {
        await api.putChunk(plan.submissionId, chunk.blobId, chunk.index, chunk.bytes);
        failures = 0;
        sent += chunk.bytes.length;
        hooks.onSent?.(sent, total);
      }
      return status;
    } catch (error) {
      failures += 1;
      if (!isRetryable(error)) throw error;
      if (failures > policy.maxRetries) throw new ClientError('upload-failed', 'the upload did not get through', { cause: error });
      await sleep(backoffDelay(policy, failures));
      // The failed PUT may have reached the server: ask which chunks it has, send the rest.
      status = await openSubmission(api, plan, pow, policy);
    }
  }
}
