/**
 * Sending a package: one forwarding per recipient, checked and stored with its key grants,
 * its files and its audit entry in one transaction; the first forwarding of a verified case
 * moves it to `forwarded` through the workflow's one state-change function.
 *
 * SECURITY: the server re-derives the signed statement from what it stores (the package's
 * SHA-256 included) and checks it against the forwarding organisation's key in the signed
 * directory; the recipient must be an authority or medium of that directory, at the key
 * version the package key was sealed to; the package key may be sealed to exactly the two
 * organisations; a medium receives a case only with the reporter's signed consent; the
 * identity goes only where the custodian granted it.
 */
import type { DirectoryBody, ForwardingStatement, ForwardRequest, ForwardingSummary, KeyGrant } from '@kenekanko/contracts';
import { PURPOSES, sha256, toBase64Url, verifyStatement } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { decodeBase64Url } from '../shared/decode.ts';
import { assertEnvelopeShape } from '../shared/envelope-shape.ts';
import { newId } from '../shared/ids.ts';
import type { GrantRecord } from '../shared/records.ts';
import type { Storage } from '../shared/storage.ts';
import { chunkCompleteness } from '../submissions/index.ts';
import { notify } from '../cases/index.ts';
import { applyStateChange } from '../workflow/index.ts';
import { rolesByOrg } from './access.ts';
import type { RolesByOrg } from './access.ts';
import { hasJournalistConsent } from './consent.ts';
import type { ForwardingDeps, ForwardingRecord } from './ports.ts';
import { latestDirectory, resolveSender } from './sender.ts';
import type { Sender } from './sender.ts';
import { summariesOf } from './summaries.ts';

type DirectoryEntry = DirectoryBody['organisations'][number];

function entries(directory: DirectoryBody, fromOrgId: string, request: ForwardRequest): { from: DirectoryEntry; to: DirectoryEntry } {
  const from = directory.organisations.find((o) => o.id === fromOrgId);
  const to = directory.organisations.find((o) => o.id === request.toOrgId);
  if (from === undefined) throw new AppError('package-signature-invalid');
  const recipient = to !== undefined && (to.kind === 'authority' || to.kind === 'media') && to.id !== fromOrgId;
  if (!recipient || to.keyVersion !== request.toKeyVersion) throw new AppError('recipient-not-in-directory');
  return { from, to };
}

/** Exactly the package key, version 1, sealed to the recipient and to the sender at their directory key versions. */
function checkGrants(grants: readonly KeyGrant[], forwardingId: string, from: DirectoryEntry, to: DirectoryEntry): readonly GrantRecord[] {
  const fits = (g: KeyGrant, org: DirectoryEntry) =>
    g.objectType === 'forwarding' && g.objectId === forwardingId && g.keyKind === 'package' && g.keyVersion === 1 &&
    g.recipientType === 'organisation' && g.recipientId === org.id && g.recipientKeyVersion === org.keyVersion;
  const [a, b] = grants;
  const ok = a !== undefined && b !== undefined && ((fits(a, to) && fits(b, from)) || (fits(a, from) && fits(b, to)));
  if (!ok) throw new AppError('validation-failed', { issues: ['grants'] });
  return grants.map((g) => ({ ...g, id: newId() }));
}

export function statementOf(request: ForwardRequest, fromOrgId: string): ForwardingStatement {
  return {
    forwardingId: request.forwardingId,
    alertId: request.alertId,
    fromOrgId,
    toOrgId: request.toOrgId,
    toKeyVersion: request.toKeyVersion,
    packageSha256: toBase64Url(sha256(decodeBase64Url(request.packageEnvelope, 'packageEnvelope'))),
    attachmentBlobIds: request.files.map((f) => f.blobId),
    onwardOf: request.onwardOf,
    includesIdentity: request.includesIdentity,
  };
}

function assertSignature(statement: ForwardingStatement, signature: string, from: DirectoryEntry): void {
  const ok = verifyStatement(
    PURPOSES.forwardSignature,
    { ...statement, attachmentBlobIds: [...statement.attachmentBlobIds] },
    decodeBase64Url(signature, 'signature'),
    decodeBase64Url(from.ed25519Public, 'ed25519Public'),
  );
  if (!ok) throw new AppError('package-signature-invalid');
}

/** The draft's files must be exactly complete for those listed; the rest are deleted (returned for their chunk files). */
async function closeFiles(repos: ForwardingDeps, userId: string, request: ForwardRequest): Promise<readonly string[]> {
  const draft = await repos.forwarding.findDraft(request.forwardingId);
  if (draft === undefined) {
    if (request.files.length > 0) throw new AppError('upload-incomplete');
    return [];
  }
  if (draft.userId !== userId || draft.alertId !== request.alertId || draft.onwardOf !== request.onwardOf) throw new AppError('conflict');
  if (new Set(request.files.map((f) => f.blobId)).size !== request.files.length) throw new AppError('validation-failed', { issues: ['files'] });
  const uploaded = await repos.forwarding.filesOf(request.forwardingId);
  for (const [i, file] of request.files.entries()) {
    if (!uploaded.some((u) => u.id === file.blobId)) throw new AppError('upload-incomplete');
    const completeness = chunkCompleteness(await repos.forwarding.chunkIndexesOf(file.blobId), file.chunkCount);
    if (completeness === 'incomplete') throw new AppError('upload-incomplete');
    if (completeness === 'beyond-manifest') throw new AppError('validation-failed', { issues: [`files.${i}.chunkCount`] });
  }
  const discarded = uploaded.filter((u) => !request.files.some((f) => f.blobId === u.id)).map((u) => u.id);
  await repos.forwarding.deleteFiles(discarded);
  await repos.forwarding.completeFiles(request.files);
  await repos.forwarding.deleteDraft(request.forwardingId);
  return discarded;
}

async function checkRecipientRules(repos: ForwardingDeps, sender: Sender, to: DirectoryEntry, userId: string, request: ForwardRequest): Promise<void> {
  if ((await repos.forwarding.ofAlert(sender.alert.id)).some((f) => f.fromOrgId === sender.fromOrgId && f.toOrgId === to.id)) {
    throw new AppError('already-forwarded');
  }
  if (to.kind === 'media' && !(await hasJournalistConsent(repos.forwarding, sender.alert))) throw new AppError('consent-required');
  // SECURITY: the identity never goes further than the recipient the custodian granted it for:
  // an onward forwarding (from the recipient to another) can never carry it, whatever the client says.
  if (request.includesIdentity && sender.parent !== null) throw new AppError('identity-not-granted');
  if (request.includesIdentity && !(await repos.forwarding.identityGranted(sender.alert.id, userId, to.id))) throw new AppError('identity-not-granted');
  // SECURITY: a package is sealed to the sending organisation too, so an identity inside it would
  // reach every analyst there, not only the one the custodian granted it to. Until the identity
  // travels in its own envelope (sealed to the recipient and the requester only), no package may
  // carry it: the recipient asks the forwarding organisation, whose custodian decides.
  if (request.includesIdentity) throw new AppError('identity-forwarding-unavailable');
}

async function moveToForwarded(repos: ForwardingDeps, sender: Sender, roles: RolesByOrg, userId: string, now: Date): Promise<void> {
  if (sender.parent !== null || sender.alert.state !== 'verified') return;
  const states = (await repos.forwarding.ofAlert(sender.alert.id)).map((f) => f.state);
  await applyStateChange(repos, {
    alert: sender.alert,
    to: 'forwarded',
    actorId: userId,
    reasonEnvelope: null,
    via: 'forwarding',
    forwardingStates: states,
    actorRoles: roles.get(sender.alert.orgId) ?? [],
    now,
  });
}

export type ForwardOutcome = { readonly summary: ForwardingSummary; readonly alertState: string; readonly discardedFileIds: readonly string[] };

async function retried(repos: ForwardingDeps, existing: ForwardingRecord, userId: string, request: ForwardRequest): Promise<ForwardOutcome> {
  if (existing.createdBy !== userId || existing.signature !== request.signature) throw new AppError('conflict');
  const [summary] = await summariesOf(repos, [existing]);
  const alert = await repos.alerts.findAlert(existing.alertId);
  if (summary === undefined || alert === undefined) throw new AppError('not-found');
  return { summary, alertState: alert.state, discardedFileIds: [] };
}

export async function forwardCase(storage: Storage<ForwardingDeps>, userId: string, request: ForwardRequest, now: Date): Promise<ForwardOutcome> {
  return storage.transaction(async (repos) => {
    const existing = await repos.forwarding.find(request.forwardingId);
    if (existing !== undefined) return retried(repos, existing, userId, request);
    const roles = await rolesByOrg(repos.accounts, userId);
    const sender = await resolveSender(repos, roles, request.alertId, request.onwardOf, true);
    const { from, to } = entries(await latestDirectory(repos.directory), sender.fromOrgId, request);
    if ((await repos.directory.organisation(to.id)) === undefined) throw new AppError('recipient-not-in-directory');
    await checkRecipientRules(repos, sender, to, userId, request);
    assertEnvelopeShape(request.packageEnvelope, PURPOSES.forwardPackage, 'packageEnvelope');
    const grants = checkGrants(request.grants, request.forwardingId, from, to);
    const statement = statementOf(request, sender.fromOrgId);
    assertSignature(statement, request.signature, from);
    const discardedFileIds = await closeFiles(repos, userId, request);
    const record: ForwardingRecord = {
      id: request.forwardingId,
      alertId: sender.alert.id,
      fromOrgId: sender.fromOrgId,
      toOrgId: to.id,
      toKeyVersion: to.keyVersion,
      state: 'sent',
      sentAt: now.toISOString(),
      acknowledgedAt: null,
      concludedAt: null,
      createdBy: userId,
      onwardOf: request.onwardOf,
      includesIdentity: request.includesIdentity,
      packageEnvelope: request.packageEnvelope,
      packageSha256: statement.packageSha256,
      signature: request.signature,
      files: request.files,
    };
    await repos.forwarding.insert(record);
    await repos.forwarding.insertGrants(grants, now.toISOString());
    await moveToForwarded(repos, sender, roles, userId, now);
    const action = request.onwardOf === null ? 'forward' : 'forward-onward';
    const details = { alertId: sender.alert.id, fromOrgId: sender.fromOrgId, toOrgId: to.id, files: request.files.length, includesIdentity: request.includesIdentity };
    await repos.audit.append({ actorId: userId, action, objectType: 'forwarding', objectId: record.id, details }, now);
    // The recipient's liaisons hear of it; the notice names the forwarding (they cannot open the alert).
    await notify(repos, { userIds: await repos.forwarding.liaisonsOf(to.id), kind: 'forwarding-received', objectId: record.id, actorId: userId, now });
    const [summary] = await summariesOf(repos, [record]);
    const alert = await repos.alerts.findAlert(sender.alert.id);
    if (summary === undefined || alert === undefined) throw new AppError('internal');
    return { summary, alertState: alert.state, discardedFileIds };
  });
}
