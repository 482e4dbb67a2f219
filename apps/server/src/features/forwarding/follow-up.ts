/**
 * The recipient's follow-up of a forwarding: acknowledge, record what was done (repeatable),
 * conclude. Each is an event with its own sequence number, in one transaction with the state
 * change and the audit entry, on the forwarding's locked row.
 *
 * SECURITY: the kind and the closed-list action are in clear (the dashboard counts them); the
 * details (free text, the exact amount, why no action) are an envelope under the package key.
 */
import { isAllowedForwardingTransition } from '@kenekanko/contracts';
import type { ForwardingEventKind, ForwardingEventRequest, ForwardingState, NotificationKind } from '@kenekanko/contracts';
import { PURPOSES } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { alertWatchers, notify } from '../cases/index.ts';
import type { AuditAction } from '../shared/audit.ts';
import { assertEnvelopeShape } from '../shared/envelope-shape.ts';
import type { Storage } from '../shared/storage.ts';
import { assertRecipient, rolesByOrg, sideOf } from './access.ts';
import type { ForwardingDeps, ForwardingEventRecord, ForwardingRecord } from './ports.ts';

const TARGET: Readonly<Record<ForwardingEventKind, ForwardingState>> = {
  acknowledged: 'acknowledged',
  action: 'action-recorded',
  concluded: 'concluded',
};

const AUDIT: Readonly<Record<ForwardingEventKind, AuditAction>> = {
  acknowledged: 'acknowledge-forwarding',
  action: 'record-action',
  concluded: 'conclude-forwarding',
};

function checkShape(request: ForwardingEventRequest): void {
  if ((request.kind === 'action') !== (request.action !== null)) throw new AppError('validation-failed', { issues: ['action'] });
  // An amount recovered needs the amount, no action needs its reason: both go in the details.
  const needsDetails = request.action === 'amount-recovered' || request.action === 'no-action';
  if (needsDetails && request.detailsEnvelope === null) throw new AppError('details-required');
  if (request.detailsEnvelope !== null) assertEnvelopeShape(request.detailsEnvelope, PURPOSES.forwardEvent, 'detailsEnvelope');
}

const NOTICE: Readonly<Record<ForwardingEventKind, NotificationKind>> = {
  acknowledged: 'forwarding-acknowledged',
  action: 'forwarding-action',
  concluded: 'forwarding-concluded',
};

/**
 * Who hears of the recipient's follow-up: for a forwarding from the alert's organisation, the
 * alert's watchers (its assignee, else the coordinators); for one passed on by an authority,
 * the person who sent it (an authority has no coordinators). The notification names the alert.
 */
async function notifySender(repos: ForwardingDeps, forwarding: ForwardingRecord, kind: ForwardingEventKind, actorId: string, now: Date): Promise<void> {
  const alert = await repos.alerts.findAlert(forwarding.alertId);
  if (alert === undefined) return;
  const userIds = forwarding.fromOrgId === alert.orgId ? await alertWatchers(repos, alert) : [forwarding.createdBy];
  await notify(repos, { userIds, kind: NOTICE[kind], objectId: alert.id, actorId, now });
}

const sameEvent = (stored: ForwardingEventRecord, request: ForwardingEventRequest): boolean =>
  stored.kind === request.kind && stored.action === request.action && stored.detailsEnvelope === request.detailsEnvelope;

export async function recordEvent(
  storage: Storage<ForwardingDeps>,
  userId: string,
  forwardingId: string,
  request: ForwardingEventRequest,
  now: Date,
): Promise<{ readonly state: ForwardingState; readonly seq: number }> {
  return storage.transaction(async (repos) => {
    const forwarding = await repos.forwarding.lock(forwardingId);
    if (forwarding === undefined) throw new AppError('not-found');
    assertRecipient(sideOf(await rolesByOrg(repos.accounts, userId), forwarding));
    checkShape(request);
    const events = (await repos.forwarding.eventsOf([forwardingId])).get(forwardingId) ?? [];
    const stored = events.find((e) => e.seq === request.seq);
    // A retry after a dropped answer is answered again, never stored twice.
    if (stored !== undefined && sameEvent(stored, request)) return { state: forwarding.state, seq: request.seq };
    if (request.seq !== events.length + 1) throw new AppError('conflict');
    const to = TARGET[request.kind];
    if (!isAllowedForwardingTransition(forwarding.state, to)) throw new AppError('illegal-transition');
    const at = now.toISOString();
    const instants = request.kind === 'acknowledged' ? { acknowledgedAt: at } : request.kind === 'concluded' ? { concludedAt: at } : {};
    if (!(await repos.forwarding.setState(forwardingId, forwarding.state, to, instants))) throw new AppError('conflict');
    await repos.forwarding.insertEvent({ forwardingId, seq: request.seq, kind: request.kind, action: request.action, actorId: userId, detailsEnvelope: request.detailsEnvelope, createdAt: at });
    const details = { alertId: forwarding.alertId, seq: request.seq, from: forwarding.state, to, action: request.action };
    await repos.audit.append({ actorId: userId, action: AUDIT[request.kind], objectType: 'forwarding', objectId: forwardingId, details }, now);
    await notifySender(repos, forwarding, request.kind, userId, now);
    return { state: to, seq: request.seq };
  });
}
