/**
 * Ports of the upload protocol (DESIGN §4b): submissions, their blobs and chunk records, and
 * the chunk files themselves.
 */
export const SUBMISSION_PURPOSES = ['alert', 'reporter-files'] as const;
export type SubmissionPurpose = (typeof SUBMISSION_PURPOSES)[number];

export type SubmissionRecord = {
  readonly id: string;
  readonly purpose: SubmissionPurpose;
  readonly state: 'open' | 'finalized';
  readonly declaredBytes: number;
  readonly receivedBytes: number;
  readonly expiresAt: Date;
  readonly alertId: string | null;
  readonly result: string | null;
};

export type BlobRecord = {
  readonly id: string;
  readonly submissionId: string;
  readonly alertId: string | null;
  /** Chunks received so far; set to the manifest's count once complete. */
  readonly chunkCount: number;
  readonly totalBytes: number;
  readonly state: 'uploading' | 'complete';
};

export type ChunkRecord = { readonly blobId: string; readonly index: number; readonly size: number; readonly sha256: string };

export type NewSubmission = {
  readonly id: string;
  readonly purpose: SubmissionPurpose;
  readonly declaredBytes: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
};

export type UploadRepo = {
  findSubmission(id: string): Promise<SubmissionRecord | undefined>;
  /** Reads the submission and locks its row until the transaction ends (serialises its uploads). */
  lockSubmission(id: string): Promise<SubmissionRecord | undefined>;
  /** False when a submission with this id already exists. */
  insertSubmission(submission: NewSubmission): Promise<boolean>;
  /** Bytes actually received by submissions opened on `day` or later (the daily quota). */
  receivedBytesSince(day: string): Promise<number>;
  /** Chunk indexes received per blob of a submission. */
  receivedChunks(submissionId: string): Promise<Record<string, number[]>>;
  findBlob(blobId: string): Promise<BlobRecord | undefined>;
  /** Whether a forwarded package's file (table forwarding_files) has this id. */
  packageFileExists(blobId: string): Promise<boolean>;
  /** Inserts an empty uploading blob unless one with this id exists (whoever owns it). */
  insertBlobIfAbsent(blobId: string, submissionId: string, day: string): Promise<void>;
  findChunk(blobId: string, index: number): Promise<ChunkRecord | undefined>;
  /** Records the chunk and adds its size to the blob and the submission. */
  recordChunk(submissionId: string, chunk: ChunkRecord): Promise<void>;
  blobsOf(submissionId: string): Promise<readonly BlobRecord[]>;
  chunkIndexesOf(blobId: string): Promise<readonly number[]>;
  /** Marks blobs complete with their chunk count and ties them to the alert. */
  attachBlobs(blobs: readonly { readonly blobId: string; readonly chunkCount: number }[], alertId: string): Promise<void>;
  /** Deletes blob rows and their chunk rows (files are deleted after commit). */
  deleteBlobs(blobIds: readonly string[]): Promise<void>;
  /** Finalized: the result to answer retries with, and times reduced to the day. */
  markFinalized(submissionId: string, alertId: string, result: string, day: string): Promise<void>;
};

/** Port: chunk files (apps/server/src/blobs). Structurally the infra BlobStore. */
export type ChunkFiles = {
  putChunk(blobId: string, index: number, bytes: Uint8Array): Promise<void>;
  getChunk(blobId: string, index: number): Promise<Uint8Array>;
  deleteBlob(blobId: string): Promise<void>;
};

export type UploadLimits = {
  readonly maxAlertBytes: number;
  readonly maxFileBytes: number;
  readonly storageQuotaBytesPerDay: number;
};
