/** Which state changes the desk offers, and the check of what is asked for each. */
import * as v from 'valibot';
import { CORE_TARGET_STATES, IdSchema, MAX_MESSAGE_CHARS } from '@kenekanko/contracts';
import type { AlertState } from '@kenekanko/contracts';
import type { DeskMessageKey } from '../../i18n/desk/catalogues.ts';

/**
 * The server's allowed transitions, limited to those set by hand on this desk: forwarding
 * builds a package for a recipient and closing follows the forwardings, in their own flow.
 */
export function offeredTransitions(allowed: readonly AlertState[]): readonly AlertState[] {
  return allowed.filter((state) => CORE_TARGET_STATES.includes(state));
}

export type TransitionCheck =
  | { readonly ok: true; readonly reason: string; readonly duplicateOf?: string }
  | { readonly ok: false; readonly reason?: DeskMessageKey | 'invalid.tooLong'; readonly duplicateOf?: DeskMessageKey };

export function checkTransition(to: AlertState, reason: string, duplicateOf: string, alertId: string): TransitionCheck {
  const text = reason.trim();
  const reasonError = text === '' ? 'desk.invalid.required' : text.length > MAX_MESSAGE_CHARS ? 'invalid.tooLong' : undefined;
  const original = duplicateOf.trim();
  // A duplicate must name another alert: the original it is merged into.
  const duplicateError = to === 'duplicate' && (!v.is(IdSchema, original) || original === alertId) ? 'desk.invalid.alertId' : undefined;
  if (reasonError !== undefined || duplicateError !== undefined) {
    return { ok: false, ...(reasonError === undefined ? {} : { reason: reasonError }), ...(duplicateError === undefined ? {} : { duplicateOf: duplicateError }) };
  }
  return to === 'duplicate' ? { ok: true, reason: text, duplicateOf: original } : { ok: true, reason: text };
}
