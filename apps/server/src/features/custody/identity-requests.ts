/**
 * Identity requests (issue 3): an analyst or coordinator asks to see the reporter's identity
 * of an alert of their organisation, with a reason sealed to the custodian key; a custodian
 * grants (their browser re-seals the alert's identity key to the requester) or refuses with a
 * reason. Both are recorded in the request row and the audit trail; the reporter is told the
 * decision and its day.
 *
 * SECURITY: a custodian sees what the request needs (alert id, day, requester, purpose and
 * reason), never the alert's content (DESIGN §1). The identity key reaches the requester
 * only as a grant addressed to the requester's current user key, and only the requester is
 * ever given it back; nobody decides their own request.
 */
import type {
  AlertIdentityView,
  CustodyRequestDetail,
  CustodyRequestView,
  IdentityRequestState,
  KeyGrant,
  NewIdentityRequest,
} from '@kenekanko/contracts';
import { PURPOSES } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { accessibleAlert } from '../desk/index.ts';
import { newId } from '../shared/ids.ts';
import type { Storage } from '../shared/storage.ts';
import { custodianGrantOf, custodianKeyRef } from './custodian-key.ts';
import { requireCustodian } from './custody-access.ts';
import type { CustodyDeps } from './ports.ts';
import { assertSealedShape } from './sealed-shape.ts';

async function checkPurpose(repos: CustodyDeps, request: NewIdentityRequest, alertOrgId: string): Promise<void> {
  if (request.purpose === 'verification') {
    if (request.recipientOrgId !== null) throw new AppError('validation-failed', { issues: ['recipientOrgId'] });
    return;
  }
  const recipient = request.recipientOrgId === null ? undefined : await repos.directory.organisation(request.recipientOrgId);
  if (recipient === undefined || recipient.id === alertOrgId) throw new AppError('validation-failed', { issues: ['recipientOrgId'] });
}

export async function createIdentityRequest(storage: Storage<CustodyDeps>, userId: string, alertId: string, request: NewIdentityRequest, now: Date): Promise<{ readonly id: string }> {
  return storage.transaction(async (repos) => {
    const alert = await accessibleAlert(repos, userId, alertId, true);
    const existing = await repos.custody.findRequest(request.requestId);
    if (existing !== undefined) {
      // A retried request is answered, not stored twice; the same id for anything else is a conflict.
      if (existing.alertId === alertId && existing.requesterId === userId && existing.reasonEnvelope === request.reasonEnvelope) return { id: existing.id };
      throw new AppError('conflict');
    }
    if (alert.state === 'spam' || (await repos.custody.identityEnvelope(alertId)) === '') throw new AppError('identity-deleted');
    await checkPurpose(repos, request, alert.orgId);
    assertSealedShape(request.reasonEnvelope, PURPOSES.identityRequestReason, 'reasonEnvelope');
    if (await repos.custody.hasPendingRequest(alertId, userId)) throw new AppError('identity-request-pending');
    await repos.custody.insertRequest({
      id: request.requestId,
      alertId,
      requesterId: userId,
      purpose: request.purpose,
      recipientOrgId: request.recipientOrgId,
      state: 'pending',
      reasonEnvelope: request.reasonEnvelope,
      createdAt: now.toISOString(),
    });
    await repos.audit.append(
      { actorId: userId, action: 'identity-request', objectType: 'alert', objectId: alertId, details: { requestId: request.requestId, purpose: request.purpose, recipientOrgId: request.recipientOrgId } },
      now,
    );
    return { id: request.requestId };
  });
}

/** The alert's requests for its organisation; the identity key and envelope only to a requester granted it. */
export async function alertIdentityView(repos: CustodyDeps, userId: string, alertId: string): Promise<AlertIdentityView> {
  await accessibleAlert(repos, userId, alertId, false);
  const [requests, grant, identityEnvelope] = await Promise.all([
    repos.custody.requestsOfAlert(alertId),
    repos.custody.findGrant({ objectType: 'alert', objectId: alertId, keyKind: 'identity', recipientType: 'user', recipientId: userId }),
    repos.custody.identityEnvelope(alertId),
  ]);
  const granted = grant === undefined || identityEnvelope === undefined ? null : { grant, identityEnvelope };
  return { requests: [...requests], granted };
}

export async function listCustodyRequests(repos: CustodyDeps, userId: string, state: IdentityRequestState | undefined): Promise<readonly CustodyRequestView[]> {
  await requireCustodian(repos.accounts, userId);
  return repos.custody.custodyRequests(state);
}

export async function custodyRequestDetail(repos: CustodyDeps, userId: string, requestId: string): Promise<CustodyRequestDetail> {
  await requireCustodian(repos.accounts, userId);
  const request = await repos.custody.custodyRequest(requestId);
  if (request === undefined) throw new AppError('not-found');
  const ref = await custodianKeyRef(repos.directory);
  const custodianGrant = await repos.custody.findGrant({ objectType: 'alert', objectId: request.alertId, keyKind: 'identity', recipientType: 'custodian', recipientId: ref.id });
  return { request, custodianGrant: custodianGrant ?? null };
}

/** The pending request a custodian (not its requester, and holding the key) may decide. */
async function decidable(repos: CustodyDeps, userId: string, requestId: string): Promise<CustodyRequestView> {
  await requireCustodian(repos.accounts, userId);
  const request = await repos.custody.custodyRequest(requestId);
  if (request === undefined) throw new AppError('not-found');
  // SECURITY: nobody decides their own request to see an identity.
  if (request.requesterId === userId) throw new AppError('forbidden');
  if (request.state !== 'pending') throw new AppError('identity-request-decided');
  return request;
}

function grantFits(grant: KeyGrant, request: CustodyRequestView, keyVersion: number): boolean {
  return (
    grant.objectType === 'alert' &&
    grant.objectId === request.alertId &&
    grant.keyKind === 'identity' &&
    grant.keyVersion === keyVersion &&
    grant.recipientType === 'user' &&
    grant.recipientId === request.requesterId &&
    grant.recipientKeyVersion === request.requesterKeyVersion
  );
}

export async function grantIdentityRequest(storage: Storage<CustodyDeps>, userId: string, requestId: string, grant: KeyGrant, now: Date): Promise<{ readonly state: 'granted' }> {
  return storage.transaction(async (repos) => {
    const request = await decidable(repos, userId, requestId);
    const ref = await custodianKeyRef(repos.directory);
    if ((await custodianGrantOf(repos.custody, ref, userId)) === undefined) throw new AppError('custodian-key-missing');
    const original = await repos.custody.findGrant({ objectType: 'alert', objectId: request.alertId, keyKind: 'identity', recipientType: 'custodian', recipientId: ref.id });
    if (original === undefined || (await repos.custody.identityEnvelope(request.alertId)) === '') throw new AppError('identity-deleted');
    if (!grantFits(grant, request, original.keyVersion)) throw new AppError('validation-failed', { issues: ['grant'] });
    assertSealedShape(grant.sealedKey, PURPOSES.sealedKey, 'grant.sealedKey');
    const at = now.toISOString();
    if (!(await repos.custody.decide(requestId, 'granted', userId, at, null))) throw new AppError('identity-request-decided');
    await repos.custody.putGrant({ ...grant, id: newId() }, at);
    await repos.audit.append(
      { actorId: userId, action: 'identity-grant', objectType: 'alert', objectId: request.alertId, details: { requestId, requesterId: request.requesterId, purpose: request.purpose } },
      now,
    );
    return { state: 'granted' };
  });
}

export async function refuseIdentityRequest(storage: Storage<CustodyDeps>, userId: string, requestId: string, reasonEnvelope: string, now: Date): Promise<{ readonly state: 'refused' }> {
  return storage.transaction(async (repos) => {
    const request = await decidable(repos, userId, requestId);
    assertSealedShape(reasonEnvelope, PURPOSES.identityRefusalReason, 'reasonEnvelope');
    if (!(await repos.custody.decide(requestId, 'refused', userId, now.toISOString(), reasonEnvelope))) throw new AppError('identity-request-decided');
    await repos.audit.append(
      { actorId: userId, action: 'identity-refuse', objectType: 'alert', objectId: request.alertId, details: { requestId, requesterId: request.requesterId } },
      now,
    );
    return { state: 'refused' };
  });
}
