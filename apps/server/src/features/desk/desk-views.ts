/**
 * What the desk reads: the inbox, one alert with everything its browser needs to decrypt it,
 * and attachment chunks. Opening an alert and downloading a file are audited.
 */
import type { AlertState, AlertSummary, MessageView, StaffAlertView } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { AlertRecord } from '../shared/alerts.ts';
import type { Storage } from '../shared/storage.ts';
import type { ChunkFiles } from '../submissions/index.ts';
import { allowedDeskTransitions } from '../workflow/index.ts';
import { forwardingStatesFor, rolesIn } from './desk-actions.ts';
import { accessibleAlert, contentOrgIds } from './desk-access.ts';
import type { DeskRepos } from './ports.ts';

export async function inbox(repos: DeskRepos, userId: string, state: AlertState | undefined): Promise<readonly AlertSummary[]> {
  const orgIds = await contentOrgIds(repos.accounts, userId);
  return orgIds.length === 0 ? [] : repos.desk.inbox(orgIds, state);
}

export function summaryOf(alert: AlertRecord, messages: readonly Pick<MessageView, 'senderType'>[]): AlertSummary {
  return {
    id: alert.id,
    orgId: alert.orgId,
    state: alert.state,
    receivedDay: alert.receivedDay,
    statistics: alert.statistics,
    messageCount: messages.length,
    lastMessageFrom: messages.at(-1)?.senderType ?? null,
    assigneeId: alert.assigneeId,
    updatedAt: alert.updatedAt,
    priority: alert.priority,
  };
}

export async function staffAlertView(storage: Storage<DeskRepos>, userId: string, alertId: string, now: Date): Promise<StaffAlertView> {
  return storage.transaction(async (repos) => {
    const alert = await accessibleAlert(repos, userId, alertId, false);
    const [grants, messages, notes, history, blobs, duplicates, actorRoles, forwardingStates] = await Promise.all([
      repos.alerts.grantsOf(alertId, 'organisation'),
      repos.messages.messagesOf(alertId),
      repos.desk.notesOf(alertId),
      repos.desk.historyOf(alertId),
      repos.desk.blobsOfAlert(alertId),
      repos.desk.duplicatesOf(alertId),
      rolesIn(repos, userId, alert.orgId),
      forwardingStatesFor(repos, alert),
    ]);
    await repos.audit.append({ actorId: userId, action: 'view-alert', objectType: 'alert', objectId: alertId, details: {} }, now);
    return {
      summary: summaryOf(alert, messages),
      answersEnvelope: alert.answersEnvelope,
      reporterEd25519Public: alert.reporterEd25519Public,
      grants: [...grants],
      messages: [...messages],
      notes: [...notes],
      history: [...history],
      blobs: [...blobs],
      allowedTransitions: [...allowedDeskTransitions(alert.state, actorRoles, forwardingStates)],
      duplicateOf: alert.duplicateOf,
      duplicates: [...duplicates],
    };
  });
}

export type StaffChunkAddress = { readonly alertId: string; readonly blobId: string; readonly index: number };

export async function staffChunk(
  storage: Storage<DeskRepos>,
  files: ChunkFiles,
  userId: string,
  address: StaffChunkAddress,
  now: Date,
): Promise<Uint8Array> {
  const { alertId, blobId, index } = address;
  await accessibleAlert(storage.read, userId, alertId, false);
  const blob = (await storage.read.desk.blobsOfAlert(alertId)).find((b) => b.blobId === blobId);
  if (blob === undefined || index >= blob.chunkCount) throw new AppError('not-found');
  const bytes = await files.getChunk(blobId, index);
  // One entry per file (its first chunk), not one per 256 KiB.
  if (index === 0) {
    await storage.transaction(({ audit }) =>
      audit.append({ actorId: userId, action: 'download-attachment', objectType: 'alert', objectId: alertId, details: { blobId } }, now),
    );
  }
  return bytes;
}
