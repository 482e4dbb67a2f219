/**
 * The alert state machine (DESIGN §4). The table itself lives in @kenekanko/contracts
 * (ALERT_TRANSITIONS, the single source of truth); this module adds the rules the table cannot
 * say on its own:
 * - `forwarded` is set only by the forwarding flow (which creates a forwarding record in the
 *   same transaction), never by hand on the desk; the forwarding flow sets nothing else;
 * - `closed` only by a coordinator of the alert's organisation, and from `forwarded` only once
 *   every forwarding of the alert is concluded (forwardingsAllowClosing);
 * - every change is made by someone holding a content role (coordinator or analyst) in the
 *   alert's organisation.
 * Pure functions: no clock, no storage.
 */
import { ALERT_TRANSITIONS, CONTENT_ROLES, EXIT_STATES, forwardingsAllowClosing, isAllowedTransition } from '@kenekanko/contracts';
import type { AlertState, ForwardingState, Role } from '@kenekanko/contracts';

/** Who asks for a change, through which flow, and what the alert's forwardings say. */
export type TransitionContext = {
  readonly via: 'desk' | 'forwarding';
  /** The actor's roles in the alert's organisation. */
  readonly actorRoles: readonly Role[];
  /** The states of the alert's forwardings (empty when it has none). */
  readonly forwardingStates: readonly ForwardingState[];
};

export const TRANSITION_REFUSALS = ['not-in-table', 'forwarding-only', 'desk-only', 'role', 'coordinator-only', 'forwardings-open'] as const;
export type TransitionRefusal = (typeof TRANSITION_REFUSALS)[number];

export type TransitionDecision = { readonly ok: true; readonly to: AlertState } | { readonly ok: false; readonly reason: TransitionRefusal };

const EXITS: ReadonlySet<AlertState> = new Set(EXIT_STATES);

export const isExitState = (state: AlertState): boolean => EXITS.has(state);

/** States nothing leaves: the exits and `closed`. */
export const isTerminalState = (state: AlertState): boolean => ALERT_TRANSITIONS[state].length === 0;

/** Whether this actor, through this flow, may move an alert from `from` to `to`. */
export function decideTransition(from: AlertState, to: AlertState, context: TransitionContext): TransitionDecision {
  if (!isAllowedTransition(from, to)) return { ok: false, reason: 'not-in-table' };
  if (!context.actorRoles.some((role) => CONTENT_ROLES.includes(role))) return { ok: false, reason: 'role' };
  if (to === 'forwarded' && context.via !== 'forwarding') return { ok: false, reason: 'forwarding-only' };
  if (to !== 'forwarded' && context.via === 'forwarding') return { ok: false, reason: 'desk-only' };
  if (to === 'closed') {
    if (!context.actorRoles.includes('coordinator')) return { ok: false, reason: 'coordinator-only' };
    if (!forwardingsAllowClosing(context.forwardingStates)) return { ok: false, reason: 'forwardings-open' };
  }
  return { ok: true, to };
}

/** What the desk may offer this actor from `from` (the forwarding flow has its own panel). */
export function allowedDeskTransitions(from: AlertState, actorRoles: readonly Role[], forwardingStates: readonly ForwardingState[]): readonly AlertState[] {
  return ALERT_TRANSITIONS[from].filter((to) => decideTransition(from, to, { via: 'desk', actorRoles, forwardingStates }).ok);
}

/** One requested change, as the property test throws them at the machine. */
export type TransitionEvent = { readonly to: AlertState } & TransitionContext;

/**
 * Applies a sequence of requested changes, ignoring the refused ones, and returns every state
 * visited. Used by the property test, and a compact statement of what the machine promises.
 */
export function applyRequests(start: AlertState, events: readonly TransitionEvent[]): readonly AlertState[] {
  const visited: AlertState[] = [start];
  let current = start;
  for (const event of events) {
    const decision = decideTransition(current, event.to, event);
    if (decision.ok) {
      current = decision.to;
      visited.push(current);
    }
  }
  return visited;
}
