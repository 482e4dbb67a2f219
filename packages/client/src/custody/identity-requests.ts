/**
 * Identity requests in the browser. The requester seals the reason to the custodian key of
 * the signed directory; the custodian opens it, and on a grant opens the alert's identity key
 * (sealed to the custodian key at submission) and re-seals it to the requester; the requester
 * then opens the identity envelope with it.
 *
 * SECURITY: the identity key exists in clear only inside the custodian's and the requester's
 * browsers, for the moment it takes. Reasons are sealed boxes: the server stores, never reads.
 */
import {
  AlertIdentityViewSchema,
  CUSTODY_ROUTES,
  CustodyRequestDetailSchema,
  CustodyRequestsResponseSchema,
  DeskTextPayloadSchema,
  IdentityDecisionResponseSchema,
  IdentityPayloadSchema,
} from '@kenekanko/contracts';
import type { CustodyRequestView, IdentityPayload, IdentityRequestPurpose, IdentityRequestState, IdentityRequestView } from '@kenekanko/contracts';
import type { EnvelopeContext } from '@kenekanko/crypto';
import { fromBase64Url, openEnvelope, openSealed, PURPOSES, sealToPublicKey, toBase64Url } from '@kenekanko/crypto';
import * as v from 'valibot';
import { identityContext } from '../contexts.ts';
import { ClientError } from '../errors.ts';
import { openGrant, sealGrant } from '../grants.ts';
import { newId } from '../ids.ts';
import { jsonBytes, parseJsonBytes } from '../json-bytes.ts';
import { id } from '../path-params.ts';
import type { StaffSession } from '../staff-session.ts';

export const identityRequestContext = (alertId: string, requestId: string): EnvelopeContext => ({ alertId, objectKind: 'identity-request', field: requestId });
export const identityRefusalContext = (alertId: string, requestId: string): EnvelopeContext => ({ alertId, objectKind: 'identity-refusal', field: requestId });

type SealedPurpose = typeof PURPOSES.identityRequestReason | typeof PURPOSES.identityRefusalReason;

function sealToCustodian(session: StaffSession, purpose: SealedPurpose, context: EnvelopeContext, text: string): string {
  const custodian = fromBase64Url(session.keyring.directory.custodian.x25519Public);
  return toBase64Url(sealToPublicKey(custodian, purpose, context, jsonBytes({ v: 1, text })));
}

/** The text of a reason, or null when it was deleted ('') or does not open. */
export function openReason(custodianKey: Uint8Array, purpose: SealedPurpose, context: EnvelopeContext, envelope: string | null): string | null {
  if (envelope === null || envelope === '') return null;
  try {
    return parseJsonBytes(DeskTextPayloadSchema, openSealed(custodianKey, purpose, context, fromBase64Url(envelope)), 'a reason').text;
  } catch {
    return null;
  }
}

export type IdentityRequestInput = { readonly purpose: IdentityRequestPurpose; readonly recipientOrgId: string | null; readonly reason: string };

export async function requestIdentity(session: StaffSession, alertId: string, input: IdentityRequestInput): Promise<string> {
  if (input.reason.trim() === '') throw new ClientError('bad-input', 'a request needs a reason', { issues: ['reason'] });
  const requestId = newId();
  const reasonEnvelope = sealToCustodian(session, PURPOSES.identityRequestReason, identityRequestContext(alertId, requestId), input.reason.trim());
  const body = { requestId, purpose: input.purpose, recipientOrgId: input.recipientOrgId, reasonEnvelope };
  await session.api.transport.json('POST', CUSTODY_ROUTES.alertIdentityRequests(id(alertId)), v.strictObject({ id: v.string() }), { json: body });
  return requestId;
}

export type AlertIdentity = { readonly requests: readonly IdentityRequestView[]; readonly identity: IdentityPayload | null; readonly identityDeleted: boolean };

/** The alert's requests, and the identity itself when a custodian granted it to this user. */
export async function loadAlertIdentity(session: StaffSession, alertId: string): Promise<AlertIdentity> {
  const view = await session.api.transport.json('GET', CUSTODY_ROUTES.alertIdentityRequests(id(alertId)), AlertIdentityViewSchema);
  if (view.granted === null) return { requests: view.requests, identity: null, identityDeleted: false };
  const { grant, identityEnvelope } = view.granted;
  if (identityEnvelope === '') return { requests: view.requests, identity: null, identityDeleted: true };
  const expected = grant.objectType === 'alert' && grant.objectId === alertId && grant.keyKind === 'identity' && grant.recipientType === 'user' && grant.recipientId === session.me.user.id;
  if (!expected) throw new ClientError('missing-key', 'the identity grant is not addressed to this user');
  const key = openGrant(grant, session.keyring.user.x25519.privateKey);
  try {
    const plain = openEnvelope(key, PURPOSES.identity, identityContext(alertId), fromBase64Url(identityEnvelope));
    return { requests: view.requests, identity: parseJsonBytes(IdentityPayloadSchema, plain, 'the identity'), identityDeleted: false };
  } finally {
    key.fill(0);
  }
}

export type OpenedCustodyRequest = CustodyRequestView & { readonly reason: string | null; readonly refusalReason: string | null };

export async function listCustodyRequests(session: StaffSession, custodianKey: Uint8Array | null, state?: IdentityRequestState): Promise<readonly OpenedCustodyRequest[]> {
  const query = state === undefined ? '' : `?state=${state}`;
  const { requests } = await session.api.transport.json('GET', CUSTODY_ROUTES.custodyRequests + query, CustodyRequestsResponseSchema);
  return requests.map((r) => ({
    ...r,
    reason: custodianKey === null ? null : openReason(custodianKey, PURPOSES.identityRequestReason, identityRequestContext(r.alertId, r.id), r.reasonEnvelope),
    refusalReason: custodianKey === null ? null : openReason(custodianKey, PURPOSES.identityRefusalReason, identityRefusalContext(r.alertId, r.id), r.refusalEnvelope),
  }));
}

/** Opens the alert's identity key with the custodian key and re-seals it to the requester. */
export async function grantIdentityRequest(session: StaffSession, custodianKey: Uint8Array, requestId: string): Promise<void> {
  const { request, custodianGrant } = await session.api.transport.json('GET', CUSTODY_ROUTES.custodyRequest(id(requestId)), CustodyRequestDetailSchema);
  if (custodianGrant === null) throw new ClientError('missing-key', "the alert's identity key is not sealed to the custodian key");
  if (custodianGrant.objectId !== request.alertId || custodianGrant.keyKind !== 'identity') throw new ClientError('missing-key', 'the identity grant is not this alert’s');
  const identityKey = openGrant(custodianGrant, custodianKey);
  try {
    const grant = sealGrant(
      { objectType: 'alert', objectId: request.alertId, keyKind: 'identity', keyVersion: custodianGrant.keyVersion, recipientType: 'user', recipientId: request.requesterId, recipientKeyVersion: request.requesterKeyVersion },
      fromBase64Url(request.requesterX25519Public),
      identityKey,
    );
    await session.api.transport.json('POST', CUSTODY_ROUTES.custodyGrant(id(requestId)), IdentityDecisionResponseSchema, { json: { grant } });
  } finally {
    identityKey.fill(0);
  }
}

export async function refuseIdentityRequest(session: StaffSession, request: Pick<CustodyRequestView, 'id' | 'alertId'>, reason: string): Promise<void> {
  if (reason.trim() === '') throw new ClientError('bad-input', 'a refusal needs a reason', { issues: ['reason'] });
  const reasonEnvelope = sealToCustodian(session, PURPOSES.identityRefusalReason, identityRefusalContext(request.alertId, request.id), reason.trim());
  await session.api.transport.json('POST', CUSTODY_ROUTES.custodyRefuse(id(request.id)), IdentityDecisionResponseSchema, { json: { reasonEnvelope } });
}
