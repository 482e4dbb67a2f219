/**
 * The alert state machine of the core desk. The table itself lives in @kenekanko/contracts
 * (ALERT_TRANSITIONS, the single source of truth); this module adds the rule of the core
 * issue: staff may only set CORE_TARGET_STATES by hand (forwarding has its own flow).
 * Pure functions: no clock, no storage.
 */
import { ALERT_TRANSITIONS, CORE_TARGET_STATES, EXIT_STATES, isAllowedTransition } from '@kenekanko/contracts';
import type { AlertState } from '@kenekanko/contracts';

export type TransitionDecision =
  | { readonly ok: true; readonly to: AlertState }
  | { readonly ok: false; readonly reason: 'not-in-table' | 'not-a-core-target' };

const CORE_TARGETS: ReadonlySet<AlertState> = new Set(CORE_TARGET_STATES);
const EXITS: ReadonlySet<AlertState> = new Set(EXIT_STATES);

export const isExitState = (state: AlertState): boolean => EXITS.has(state);

/** Whether staff of the core desk may move an alert from `from` to `to`. */
export function decideTransition(from: AlertState, to: AlertState): TransitionDecision {
  if (!isAllowedTransition(from, to)) return { ok: false, reason: 'not-in-table' };
  if (!CORE_TARGETS.has(to)) return { ok: false, reason: 'not-a-core-target' };
  return { ok: true, to };
}

/** What the desk may offer from `from`: the table's targets that are also core targets. */
export function allowedCoreTransitions(from: AlertState): readonly AlertState[] {
  return ALERT_TRANSITIONS[from].filter((to) => CORE_TARGETS.has(to));
}

/**
 * Applies a sequence of requested targets, ignoring the refused ones, and returns every state
 * visited. Used by the property test, and a compact statement of what the machine promises.
 */
export function applyRequests(start: AlertState, requests: readonly AlertState[]): readonly AlertState[] {
  const visited: AlertState[] = [start];
  let current = start;
  for (const to of requests) {
    const decision = decideTransition(current, to);
    if (decision.ok) {
      current = decision.to;
      visited.push(current);
    }
  }
  return visited;
}
