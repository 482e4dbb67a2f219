/** The idempotent, resumable upload protocol and alert creation (DESIGN §4b). */
export { openSubmission, SUBMISSION_TTL_SECONDS } from './open-submission.ts';
export { putChunk } from './put-chunk.ts';
export type { ChunkAddress } from './put-chunk.ts';
export { finalizeAlert } from './finalize-alert.ts';
export type { AlertIntakeWrites, FinalizeOutcome, FinalizeRepos, NewAlert, Peppers } from './finalize-alert.ts';
export { closeUpload, deleteBlobFiles } from './close-upload.ts';
export { checkAlertGrants } from './alert-grants.ts';
export { CHUNK_ENVELOPE_BYTES, MAX_BLOBS_PER_SUBMISSION, MAX_CHUNK_ENVELOPE_BYTES, IDENTITY_ENVELOPE_BYTES, maxBlobBytes, maxChunksPerBlob, chunkCompleteness } from './upload-limits.ts';
export { SUBMISSION_PURPOSES } from './ports.ts';
export type { BlobRecord, ChunkFiles, ChunkRecord, NewSubmission, SubmissionPurpose, SubmissionRecord, UploadLimits, UploadRepo } from './ports.ts';
