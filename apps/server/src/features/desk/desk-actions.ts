/**
 * What the desk changes: an alert's state, the organisation's messages to the reporter and
 * internal notes. Each change and its audit entry commit in one transaction, on the alert's
 * locked row.
 */
import type { AlertState, ForwardingState, PostMessage, Role, TransitionRequest } from '@kenekanko/contracts';
import { PURPOSES } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import type { AlertRecord } from '../shared/alerts.ts';
import { assertEnvelopeShape } from '../shared/envelope-shape.ts';
import { newId } from '../shared/ids.ts';
import { assertMessageSignature, messageStatement, placeInConversation } from '../shared/messages.ts';
import type { Storage } from '../shared/storage.ts';
import { dayOf } from '../shared/time.ts';
import { deleteBlobFiles } from '../submissions/index.ts';
import type { ChunkFiles } from '../submissions/index.ts';
import { applyStateChange } from '../workflow/index.ts';
import { accessibleAlert } from './desk-access.ts';
import type { DeskRepos } from './ports.ts';

async function checkDuplicateOf(repos: DeskRepos, alertId: string, orgId: string, request: TransitionRequest): Promise<string | undefined> {
  if (request.to !== 'duplicate') {
    if (request.duplicateOf !== undefined) throw new AppError('validation-failed', { issues: ['duplicateOf'] });
    return undefined;
  }
  const original = request.duplicateOf === undefined ? undefined : await repos.alerts.findAlert(request.duplicateOf);
  if (original === undefined || original.id === alertId || original.orgId !== orgId) {
    throw new AppError('validation-failed', { issues: ['duplicateOf'] });
  }
  return original.id;
}

/** The actor's roles in one organisation. */
export async function rolesIn(repos: Pick<DeskRepos, 'accounts'>, userId: string, orgId: string): Promise<readonly Role[]> {
  return (await repos.accounts.membershipsOf(userId)).filter((m) => m.orgId === orgId).map((m) => m.role);
}

/** The states of the alert's forwardings; only a forwarded alert has any that matter (closing). */
export async function forwardingStatesFor(repos: Pick<DeskRepos, 'desk'>, alert: Pick<AlertRecord, 'id' | 'state'>): Promise<readonly ForwardingState[]> {
  return alert.state === 'forwarded' ? repos.desk.forwardingStatesOf(alert.id) : [];
}

export async function changeState(
  storage: Storage<DeskRepos>,
  files: ChunkFiles,
  userId: string,
  alertId: string,
  request: TransitionRequest,
  now: Date,
): Promise<{ readonly state: AlertState; readonly failedFileDeletions: number }> {
  const deleted = await storage.transaction(async (repos) => {
    const alert = await accessibleAlert(repos, userId, alertId, true);
    if (alert.state !== request.expectedFrom) throw new AppError('conflict');
    const duplicateOf = await checkDuplicateOf(repos, alertId, alert.orgId, request);
    const [actorRoles, forwardingStates] = await Promise.all([rolesIn(repos, userId, alert.orgId), forwardingStatesFor(repos, alert)]);
    await applyStateChange(repos, {
      alert,
      to: request.to,
      actorId: userId,
      reasonEnvelope: request.reasonEnvelope,
      via: 'desk',
      forwardingStates,
      actorRoles,
      ...(duplicateOf === undefined ? {} : { duplicateOf }),
      now,
    });
    // SECURITY: spam deletes the ciphertext itself, not just its visibility.
    return request.to === 'spam' ? repos.desk.deleteCiphertext(alertId) : [];
  });
  return { state: request.to, failedFileDeletions: await deleteBlobFiles(files, deleted) };
}

export async function postOrganisationMessage(storage: Storage<DeskRepos>, userId: string, alertId: string, message: PostMessage, now: Date): Promise<{ readonly seq: number }> {
  // Staff attachments belong to a later issue; refusing them keeps the signed statement honest.
  if (message.attachments !== null) throw new AppError('validation-failed', { issues: ['attachments'] });
  return storage.transaction(async (repos) => {
    const alert = await accessibleAlert(repos, userId, alertId, true);
    if ((await placeInConversation(repos.messages, alertId, message)) === 'retry') return { seq: message.seq };
    if (alert.state === 'spam') throw new AppError('conflict');
    const org = await repos.directory.organisation(alert.orgId);
    if (org === undefined) throw new AppError('not-found');
    assertMessageSignature(messageStatement(alertId, message.seq, 'organisation', message.envelope, []), message.signature, org.ed25519Public);
    assertEnvelopeShape(message.envelope, PURPOSES.message, 'message.envelope');
    await repos.messages.insertMessage({
      id: newId(),
      alertId,
      seq: message.seq,
      senderType: 'organisation',
      senderUserId: userId,
      envelope: message.envelope,
      signature: message.signature,
      attachmentBlobIds: [],
      createdDay: dayOf(now),
    });
    await repos.desk.touchAlert(alertId, now.toISOString());
    await repos.audit.append({ actorId: userId, action: 'message', objectType: 'alert', objectId: alertId, details: { seq: message.seq } }, now);
    return { seq: message.seq };
  });
}

/** Idempotent on the browser-made note id: the same note again is answered, not stored twice. */
export async function addNote(storage: Storage<DeskRepos>, userId: string, alertId: string, note: { readonly noteId: string; readonly envelope: string }, now: Date): Promise<{ readonly id: string }> {
  return storage.transaction(async (repos) => {
    const alert = await accessibleAlert(repos, userId, alertId, true);
    const existing = await repos.desk.findNote(note.noteId);
    if (existing !== undefined) {
      if (existing.alertId === alertId && existing.authorId === userId && existing.envelope === note.envelope) return { id: existing.id };
      throw new AppError('conflict');
    }
    if (alert.state === 'spam') throw new AppError('conflict');
    assertEnvelopeShape(note.envelope, PURPOSES.note, 'envelope');
    await repos.desk.insertNote({ id: note.noteId, alertId, authorId: userId, envelope: note.envelope }, now.toISOString());
    await repos.audit.append({ actorId: userId, action: 'note', objectType: 'alert', objectId: alertId, details: {} }, now);
    return { id: note.noteId };
  });
}
