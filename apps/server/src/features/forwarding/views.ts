/**
 * What the desk reads about forwardings: a liaison's inbox (only what was forwarded to their
 * organisation), an alert's forwardings for the organisation that sent them, one forwarding
 * with its package and events, and the package's file chunks. Opening a package, reading an
 * alert's forwardings (their packages, sealed to the sending organisation too) and downloading
 * one of a package's files are audited.
 */
import type { AlertForwardingsResponse, ForwardingSummary, ForwardingView } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { Storage } from '../shared/storage.ts';
import type { ChunkFiles } from '../submissions/index.ts';
import { canForwardFromAlert, liaisonOrgIds, rolesByOrg, sideOf, viewerOrgId } from './access.ts';
import type { ForwardingDeps } from './ports.ts';
import { summariesOf, viewsOf } from './summaries.ts';

export async function forwardingInbox(repos: ForwardingDeps, userId: string): Promise<readonly ForwardingSummary[]> {
  const orgIds = liaisonOrgIds(await rolesByOrg(repos.accounts, userId));
  return orgIds.length === 0 ? [] : summariesOf(repos, await repos.forwarding.receivedBy(orgIds));
}

/**
 * The forwardings of one alert, for the analysts and coordinators of its organisation.
 * SECURITY: this hands the sender's package grants out, so it is a read of every package the
 * organisation sent: audited like open-package (ids and counts only), whenever there is one.
 */
export async function alertForwardings(storage: Storage<ForwardingDeps>, userId: string, alertId: string, now: Date): Promise<AlertForwardingsResponse> {
  return storage.transaction(async (repos) => {
    const roles = await rolesByOrg(repos.accounts, userId);
    const alert = await repos.alerts.findAlert(alertId);
    if (alert === undefined || !canForwardFromAlert(roles, alert.orgId)) throw new AppError('not-found');
    // Onward forwardings show too (the CSO follows where its case went), without a grant: their package is not the CSO's.
    const records = await repos.forwarding.ofAlert(alertId);
    const signature = await repos.forwarding.journalistConsent(alertId);
    if (records.length > 0) {
      const details = { forwardings: records.length, withIdentity: records.filter((r) => r.includesIdentity).length };
      await repos.audit.append({ actorId: userId, action: 'read-alert-forwardings', objectType: 'alert', objectId: alertId, details }, now);
    }
    return {
      forwardings: await viewsOf(repos, records, () => alert.orgId),
      journalistConsent: signature === null ? null : { signature },
      reporterEd25519Public: alert.reporterEd25519Public,
    };
  });
}

export async function forwardingView(storage: Storage<ForwardingDeps>, userId: string, forwardingId: string, now: Date): Promise<ForwardingView> {
  return storage.transaction(async (repos) => {
    const record = await repos.forwarding.find(forwardingId);
    if (record === undefined) throw new AppError('not-found');
    const side = sideOf(await rolesByOrg(repos.accounts, userId), record);
    const [view] = await viewsOf(repos, [record], (r) => viewerOrgId(side, r));
    if (view === undefined) throw new AppError('not-found');
    await repos.audit.append({ actorId: userId, action: 'open-package', objectType: 'forwarding', objectId: forwardingId, details: { alertId: record.alertId, side } }, now);
    return view;
  });
}

export type PackageChunkRead = { readonly forwardingId: string; readonly blobId: string; readonly index: number };

export async function packageChunk(storage: Storage<ForwardingDeps>, files: ChunkFiles, userId: string, address: PackageChunkRead, now: Date): Promise<Uint8Array> {
  const { forwardingId, blobId, index } = address;
  const record = await storage.read.forwarding.find(forwardingId);
  if (record === undefined) throw new AppError('not-found');
  sideOf(await rolesByOrg(storage.read.accounts, userId), record);
  const file = record.files.find((f) => f.blobId === blobId);
  if (file === undefined || index >= file.chunkCount) throw new AppError('not-found');
  const bytes = await files.getChunk(blobId, index);
  // One entry per file (its first chunk), not one per 256 KiB.
  if (index === 0) {
    await storage.transaction(({ audit }) =>
      audit.append({ actorId: userId, action: 'download-package-file', objectType: 'forwarding', objectId: forwardingId, details: { blobId } }, now),
    );
  }
  return bytes;
}
