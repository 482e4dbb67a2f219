/**
 * Reading a sealed submission back from storage (a phone's outbox): every value is parsed
 * before use, and a package whose manifest does not describe its chunks is refused.
 */
import * as v from 'valibot';
import { FinalizeAlertRequestSchema, IdSchema, SignatureSchema } from '@kenekanko/contracts';
import { ClientError } from './errors.ts';
import { SEALED_SUBMISSION_VERSION } from './sealed-submission.ts';
import type { SealedSubmission } from './sealed-submission.ts';

const BytesSchema = v.instance(Uint8Array);

export const SealedSubmissionSchema = v.strictObject({
  v: v.literal(SEALED_SUBMISSION_VERSION),
  submissionId: IdSchema,
  blobs: v.pipe(v.array(v.strictObject({ blobId: IdSchema, chunks: v.pipe(v.array(BytesSchema), v.minLength(1)) })), v.maxLength(50)),
  finalize: FinalizeAlertRequestSchema,
  // Optional: a package kept before the form's consent was carried stays readable.
  journalistConsent: v.exactOptional(SignatureSchema),
});

/**
 * Parses a package read back from storage. Throws ClientError('bad-input') on anything that
 * is not one this build made: a wrong shape, or a finalize manifest that does not describe
 * the chunks beside it (which the server would refuse anyway, after the upload).
 */
export function parseSealedSubmission(value: unknown): SealedSubmission {
  const result = v.safeParse(SealedSubmissionSchema, value);
  if (!result.success) {
    throw new ClientError('bad-input', 'the waiting alert is not a package this version made', {
      issues: result.issues.map((issue) => v.getDotPath(issue) ?? '(root)'),
    });
  }
  const sealed = result.output;
  const described = sealed.finalize.blobs.map((blob) => `${blob.blobId}:${blob.chunkCount}`).join(',');
  const held = sealed.blobs.map((blob) => `${blob.blobId}:${blob.chunks.length}`).join(',');
  if (described !== held) throw new ClientError('bad-input', 'the waiting alert does not match its manifest');
  return sealed;
}
