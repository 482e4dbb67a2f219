/** Which state changes the desk offers, and the check of what is asked for each. */
import * as v from 'valibot';
import { CORE_TARGET_STATES, IdSchema, MAX_MESSAGE_CHARS } from '@kenekanko/contracts';
import type { AlertState } from '@kenekanko/contracts';
import type { DeskMessageKey } from '../../i18n/desk/catalogues.ts';

/**
 * The server's allowed transitions (already limited to this user: only a coordinator is
 * offered `closed`, once every forwarding is concluded), less `forwarded`: forwarding builds a
 * package for a recipient in its own panel. The server enforces all of it again.
 */
export function offeredTransitions(allowed: readonly AlertState[]): readonly AlertState[] {
  return allowed.filter((state) => DESK_SET_STATES.includes(state));
}

const DESK_SET_STATES: readonly AlertState[] = [...CORE_TARGET_STATES, 'closed'];

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
