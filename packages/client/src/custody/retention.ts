/**
 * Retention in the browser: an organisation's policy (months after closing), and a
 * coordinator's hold on one alert, whose reason is sealed under the alert's desk key.
 */
import { AlertRetentionViewSchema, CUSTODY_ROUTES, DeskTextPayloadSchema, OrgRetentionSchema } from '@kenekanko/contracts';
import type { AlertRetentionView } from '@kenekanko/contracts';
import type { EnvelopeContext } from '@kenekanko/crypto';
import { fromBase64Url, openEnvelope, PURPOSES, sealEnvelope, toBase64Url } from '@kenekanko/crypto';
import { ClientError } from '../errors.ts';
import { openGrant } from '../grants.ts';
import { newId } from '../ids.ts';
import { orgKeyAt } from '../org-keyring.ts';
import { jsonBytes, parseJsonBytes } from '../json-bytes.ts';
import { id } from '../path-params.ts';
import type { StaffSession } from '../staff-session.ts';

export const retentionHoldContext = (alertId: string, holdId: string): EnvelopeContext => ({ alertId, objectKind: 'retention-hold', field: holdId });

export function loadOrgRetention(session: StaffSession, orgId: string): Promise<{ readonly months: number | null }> {
  return session.api.transport.json('GET', CUSTODY_ROUTES.orgRetention(id(orgId)), OrgRetentionSchema);
}

export function saveOrgRetention(session: StaffSession, orgId: string, months: number | null): Promise<{ readonly months: number | null }> {
  return session.api.transport.json('PUT', CUSTODY_ROUTES.orgRetention(id(orgId)), OrgRetentionSchema, { json: { months } });
}

/** The alert's desk key, opened with the organisation key this user holds; the caller wipes it. */
async function deskKey(session: StaffSession, alertId: string): Promise<Uint8Array> {
  const view = await session.api.staffAlert(alertId);
  const grant = view.grants.find((g) => g.objectId === alertId && g.keyKind === 'desk' && g.recipientType === 'organisation' && g.recipientId === view.summary.orgId);
  // The organisation key version the desk key was sealed to (an older one for alerts filed before a rotation).
  const org = grant === undefined ? undefined : orgKeyAt(session.keyring, view.summary.orgId, grant.recipientKeyVersion);
  if (org === undefined || grant === undefined) throw new ClientError('missing-key', 'the desk key of this alert is not available');
  return openGrant(grant, org.x25519.privateKey);
}

export type OpenedRetention = AlertRetentionView & { readonly holdReason: string | null };

export async function loadAlertRetention(session: StaffSession, alertId: string): Promise<OpenedRetention> {
  const view = await session.api.transport.json('GET', CUSTODY_ROUTES.alertRetention(id(alertId)), AlertRetentionViewSchema);
  if (view.hold === null) return { ...view, holdReason: null };
  const key = await deskKey(session, alertId).catch(() => null);
  if (key === null) return { ...view, holdReason: null };
  try {
    const plain = openEnvelope(key, PURPOSES.retentionHold, retentionHoldContext(alertId, view.hold.id), fromBase64Url(view.hold.reasonEnvelope));
    return { ...view, holdReason: parseJsonBytes(DeskTextPayloadSchema, plain, 'a hold reason').text };
  } catch {
    return { ...view, holdReason: null };
  } finally {
    key.fill(0);
  }
}

export async function holdAlert(session: StaffSession, alertId: string, reason: string): Promise<AlertRetentionView> {
  if (reason.trim() === '') throw new ClientError('bad-input', 'a hold needs a reason', { issues: ['reason'] });
  const holdId = newId();
  const key = await deskKey(session, alertId);
  let reasonEnvelope: string;
  try {
    reasonEnvelope = toBase64Url(sealEnvelope(key, PURPOSES.retentionHold, retentionHoldContext(alertId, holdId), jsonBytes({ v: 1, text: reason.trim() })));
  } finally {
    key.fill(0);
  }
  return session.api.transport.json('PUT', CUSTODY_ROUTES.alertRetentionHold(id(alertId)), AlertRetentionViewSchema, { json: { holdId, reasonEnvelope } });
}

export function releaseAlertHold(session: StaffSession, alertId: string): Promise<AlertRetentionView> {
  return session.api.transport.json('DELETE', CUSTODY_ROUTES.alertRetentionHold(id(alertId)), AlertRetentionViewSchema);
}
