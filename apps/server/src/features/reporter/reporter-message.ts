/**
 * A reporter's message, with optional files uploaded beforehand through a 'reporter-files'
 * submission that is closed (finalized) by this message. The message is signed with the
 * reporter's receipt-derived Ed25519 key, which the alert recorded when it was created.
 */
import type { PostMessage } from '@kenekanko/contracts';
import { PURPOSES } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { assertEnvelopeShape } from '../shared/envelope-shape.ts';
import type { ChunkFiles, UploadRepo } from '../submissions/index.ts';
import { closeUpload, deleteBlobFiles } from '../submissions/index.ts';
import { newId } from '../shared/ids.ts';
import { assertMessageSignature, messageStatement, placeInConversation } from '../shared/messages.ts';
import type { Storage } from '../shared/storage.ts';
import { dayOf } from '../shared/time.ts';
import { decodeBase64Url } from '../shared/decode.ts';
import { findAlertByToken, throttleReporter } from './reporter-side.ts';
import type { ReporterDeps, ReporterRepos } from './reporter-side.ts';
import type { PowSolution } from '../shared/throttle.ts';
import { alertWatchers, notify } from '../cases/index.ts';
import type { CasesRepos } from '../cases/index.ts';

export type ReporterMessageRepos = ReporterRepos & { readonly uploads: UploadRepo } & Pick<CasesRepos, 'notifications'>;

async function attachFiles(
  uploads: UploadRepo,
  attachments: NonNullable<PostMessage['attachments']>,
  alertId: string,
  day: string,
): Promise<readonly string[]> {
  const submission = await uploads.lockSubmission(attachments.submissionId);
  if (submission === undefined || submission.purpose !== 'reporter-files') throw new AppError('not-found');
  if (submission.state !== 'open') throw new AppError('conflict');
  const { discardedBlobIds } = await closeUpload(uploads, submission.id, attachments.blobs, alertId, JSON.stringify({ alertId }), day);
  return discardedBlobIds;
}

export async function postReporterMessage(
  storage: Storage<ReporterMessageRepos>,
  files: ChunkFiles,
  deps: ReporterDeps,
  request: { readonly lookupToken: string; readonly message: PostMessage; readonly pow?: PowSolution | undefined },
  now: Date,
): Promise<{ readonly seq: number; readonly failedFileDeletions: number }> {
  const { lookupToken, message, pow } = request;
  const token = decodeBase64Url(lookupToken, 'lookupToken');
  await throttleReporter(deps, 'post', token, now, pow);
  const alertId = await findAlertByToken(storage.read.lookups, deps.peppers, token);
  if (alertId === undefined) throw new AppError('receipt-not-found');
  const day = dayOf(now);
  const attachmentBlobIds = message.attachments?.blobs.map((b) => b.blobId) ?? [];

  const discarded = await storage.transaction(async ({ alerts, messages, uploads, notifications }) => {
    const alert = await alerts.lockAlert(alertId);
    if (alert === undefined) throw new AppError('receipt-not-found');
    if ((await placeInConversation(messages, alertId, message)) === 'retry') return [];
    // SECURITY: spam's ciphertext was deleted on purpose; nothing new is stored for it.
    if (alert.state === 'spam') throw new AppError('conflict');
    const statement = messageStatement(alertId, message.seq, 'reporter', message.envelope, attachmentBlobIds);
    assertMessageSignature(statement, message.signature, alert.reporterEd25519Public);
    assertEnvelopeShape(message.envelope, PURPOSES.message, 'message.envelope');
    const dropped = message.attachments === null ? [] : await attachFiles(uploads, message.attachments, alertId, day);
    await messages.insertMessage({
      id: newId(),
      alertId,
      seq: message.seq,
      senderType: 'reporter',
      senderUserId: null,
      envelope: message.envelope,
      signature: message.signature,
      attachmentBlobIds,
      createdDay: day,
    });
    // Case work: the assignee (or the coordinators) hear of it, to the day only.
    await notify({ notifications }, { userIds: await alertWatchers({ notifications }, alert), kind: 'reporter-message', objectId: alertId, precision: 'day', now });
    return dropped;
  });
  return { seq: message.seq, failedFileDeletions: await deleteBlobFiles(files, discarded) };
}
