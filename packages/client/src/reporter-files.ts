/**
 * Files a reporter adds to a reply: encrypted under the alert's content key, uploaded through
 * their own 'reporter-files' submission (with its own proof of work), then attached to the
 * message that names them.
 */
import type { AttachmentRef, PostMessage } from '@kenekanko/contracts';
import type { ReporterApi } from './reporter-api-client.ts';
import { encryptFiles } from './attachments.ts';
import type { UploadLimits } from './attachments.ts';
import { newId } from './ids.ts';
import { createPowSource } from './pow.ts';
import { DEFAULT_RETRY_POLICY } from './retry.ts';
import type { RetryPolicy } from './retry.ts';
import type { DraftFile } from './types.ts';
import { manifests, uploadChunks } from './upload.ts';
import type { UploadPlan } from './upload.ts';

export type UploadedFiles = { readonly refs: readonly AttachmentRef[]; readonly attachments: NonNullable<PostMessage['attachments']> };

export async function sendReporterFiles(
  api: ReporterApi,
  alertId: string,
  contentKey: Uint8Array,
  files: readonly DraftFile[],
  limits: UploadLimits,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<UploadedFiles> {
  const encrypted = encryptFiles(contentKey, alertId, files, limits);
  const plan: UploadPlan = { submissionId: newId(), purpose: 'reporter-files', blobs: encrypted.blobs };
  await uploadChunks(api, plan, createPowSource(api, null), policy);
  return { refs: encrypted.refs, attachments: { submissionId: plan.submissionId, blobs: manifests(plan) } };
}
