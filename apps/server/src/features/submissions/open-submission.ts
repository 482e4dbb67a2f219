/**
 * Opening an upload. The submission id comes from the browser, so a retried open (after a
 * dropped connection) finds the same submission and learns which chunks arrived: it resumes
 * without a new proof of work and never stores anything twice.
 */
import type { OpenSubmissionRequest, OpenSubmissionResponse } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { PowService } from '../pow/index.ts';
import { addSeconds, ceilToHour, dayOf } from '../shared/time.ts';
import type { SubmissionRecord, UploadLimits, UploadRepo } from './ports.ts';

/** An upload left open this long is abandoned: the expiry job deletes it and its chunks. */
export const SUBMISSION_TTL_SECONDS = 24 * 3600;

async function stateOf(uploads: UploadRepo, submission: SubmissionRecord, request: OpenSubmissionRequest, now: Date): Promise<OpenSubmissionResponse> {
  if (submission.purpose !== request.purpose) throw new AppError('conflict');
  if (submission.state === 'open' && submission.expiresAt <= now) throw new AppError('not-found');
  return { submissionId: submission.id, state: submission.state, receivedChunks: await uploads.receivedChunks(submission.id) };
}

export async function openSubmission(
  uploads: UploadRepo,
  pow: PowService,
  limits: UploadLimits,
  request: OpenSubmissionRequest,
  now: Date,
): Promise<OpenSubmissionResponse> {
  const existing = await uploads.findSubmission(request.submissionId);
  if (existing !== undefined) return stateOf(uploads, existing, request, now);

  if (request.declaredBytes > limits.maxAlertBytes) throw new AppError('payload-too-large');
  await pow.spend(request.pow, now);
  // SECURITY: the daily quota counts bytes received, not declared: declaring the maximum without
  // uploading reserves nothing (declared bytes only cap this one submission). Opening is refused
  // only once the day's storage is really used up; chunk uploads are charged as they arrive.
  const used = await uploads.receivedBytesSince(dayOf(now));
  if (used >= limits.storageQuotaBytesPerDay) throw new AppError('quota-exceeded');

  const inserted = await uploads.insertSubmission({
    id: request.submissionId,
    purpose: request.purpose,
    declaredBytes: request.declaredBytes,
    createdAt: now,
    // SECURITY: neither the opening instant nor one derived from it is ever written.
    expiresAt: ceilToHour(addSeconds(now, SUBMISSION_TTL_SECONDS)),
  });
  if (!inserted) {
    // Lost a race with the same browser's retry: answer as a repeated open would.
    const raced = await uploads.findSubmission(request.submissionId);
    if (raced === undefined) throw new AppError('conflict');
    return stateOf(uploads, raced, request, now);
  }
  return { submissionId: request.submissionId, state: 'open', receivedChunks: {} };
}
