/**
 * The one table of allowed state changes (DESIGN §4). The server's domain layer enforces it;
 * the desk reads it only to offer the allowed actions. The core issue uses the part up to
 * `verified` and the exits; forwarding and closing belong to the case-desk issue.
 */
import type { AlertState } from './vocab.ts';

/** Exits allowed at any point before forwarding. */
export const EXIT_STATES = ['unfounded', 'duplicate', 'out-of-scope', 'spam'] as const satisfies readonly AlertState[];

const EXITS = EXIT_STATES;

export const ALERT_TRANSITIONS: Readonly<Record<AlertState, readonly AlertState[]>> = {
  received: ['acknowledged', ...EXITS],
  acknowledged: ['in-verification', ...EXITS],
  'in-verification': ['needs-information', 'verified', ...EXITS],
  'needs-information': ['in-verification', ...EXITS],
  verified: ['forwarded', 'in-verification', ...EXITS],
  forwarded: ['closed'],
  closed: [],
  unfounded: [],
  duplicate: [],
  'out-of-scope': [],
  spam: [],
};

export function isAllowedTransition(from: AlertState, to: AlertState): boolean {
  return ALERT_TRANSITIONS[from].includes(to);
}

/** States the core issue's desk may set by hand (forwarding is its own flow, in the case-desk issue). */
export const CORE_TARGET_STATES: readonly AlertState[] = [
  'acknowledged',
  'in-verification',
  'needs-information',
  'verified',
  ...EXITS,
];
