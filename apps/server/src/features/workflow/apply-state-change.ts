/**
 * The one place an alert's state changes, for the desk and for the forwarding flow alike: it
 * checks the rules (state-machine.ts), moves the alert only if it is still in the state the
 * caller read, records the change (who, when, why: the reason envelope under the desk key)
 * and appends the audit entry, all inside the caller's transaction.
 * Call it with the alert's row locked (alerts.lockAlert) in the same transaction.
 */
import type { AlertState, ForwardingState, Role } from '@kenekanko/contracts';
import { PURPOSES } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import type { DeskRepo } from '../desk/ports.ts';
import type { AlertRecord } from '../shared/alerts.ts';
import type { AuditLog } from '../shared/audit.ts';
import { assertEnvelopeShape } from '../shared/envelope-shape.ts';
import { decideTransition } from './state-machine.ts';
import type { TransitionRefusal } from './state-machine.ts';

export type WorkflowRepos = {
  readonly desk: Pick<DeskRepo, 'updateState' | 'lastStateSeq' | 'insertStateChange'>;
  readonly audit: AuditLog;
};

export type StateChangeRequest = {
  /** The alert as read (and locked) in this transaction. */
  readonly alert: Pick<AlertRecord, 'id' | 'orgId' | 'state'>;
  readonly to: AlertState;
  readonly actorId: string;
  /** Why, under the desk key; required on the desk, null allowed from the forwarding flow (the forwarding is the why). */
  readonly reasonEnvelope: string | null;
  readonly via: 'desk' | 'forwarding';
  /** States of the alert's forwardings (forwardings table), empty when there are none. */
  readonly forwardingStates: readonly ForwardingState[];
  /** The actor's roles in the alert's organisation. */
  readonly actorRoles: readonly Role[];
  /** Only with `to: 'duplicate'`: the original (the caller checked it exists in the same organisation). */
  readonly duplicateOf?: string;
  readonly now: Date;
};

/** SECURITY: a role refusal is 'forbidden' (the actor sees the alert, but may not do this); every other refusal is 'illegal-transition'. */
function refusalError(reason: TransitionRefusal): AppError {
  if (reason === 'role' || reason === 'coordinator-only') return new AppError('forbidden');
  if (reason === 'forwardings-open') return new AppError('forwardings-not-concluded');
  return new AppError('illegal-transition');
}

/** Returns the sequence number of the recorded change. Throws AppError and changes nothing on refusal. */
export async function applyStateChange(repos: WorkflowRepos, request: StateChangeRequest): Promise<{ readonly seq: number }> {
  const { alert, to, actorId, via, now } = request;
  const decision = decideTransition(alert.state, to, request);
  if (!decision.ok) throw refusalError(decision.reason);
  if ((to === 'duplicate') !== (request.duplicateOf !== undefined)) throw new AppError('validation-failed', { issues: ['duplicateOf'] });
  if (request.reasonEnvelope === null) {
    if (via === 'desk') throw new AppError('validation-failed', { issues: ['reasonEnvelope'] });
  } else {
    assertEnvelopeShape(request.reasonEnvelope, PURPOSES.reason, 'reasonEnvelope');
  }
  const at = now.toISOString();
  if (!(await repos.desk.updateState(alert.id, alert.state, to, request.duplicateOf ?? null, at))) throw new AppError('conflict');
  const seq = (await repos.desk.lastStateSeq(alert.id)) + 1;
  await repos.desk.insertStateChange({ alertId: alert.id, seq, fromState: alert.state, toState: to, actorId, reasonEnvelope: request.reasonEnvelope, createdAt: at });
  await repos.audit.append({ actorId, action: 'change-state', objectType: 'alert', objectId: alert.id, details: { from: alert.state, to, via, seq } }, now);
  return { seq };
}
