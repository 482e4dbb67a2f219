/**
 * The one table of allowed state changes (DESIGN §4). The server's domain layer enforces it;
 * the desk reads it only to offer the allowed actions. The core issue uses the part up to
 * `verified` and the exits; forwarding and closing belong to the case-desk issue.
 */
import * as v from 'valibot';
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

/**
 * A forwarding (DESIGN §4): one per recipient organisation, with its own states.
 * `action-recorded` repeats (one event per action); `concluded` ends it.
 */
export const FORWARDING_STATES = ['sent', 'acknowledged', 'action-recorded', 'concluded'] as const;
export type ForwardingState = (typeof FORWARDING_STATES)[number];
export const ForwardingStateSchema = v.picklist(FORWARDING_STATES);

export const FORWARDING_TRANSITIONS: Readonly<Record<ForwardingState, readonly ForwardingState[]>> = {
  sent: ['acknowledged'],
  acknowledged: ['action-recorded', 'concluded'],
  'action-recorded': ['action-recorded', 'concluded'],
  concluded: [],
};

export function isAllowedForwardingTransition(from: ForwardingState, to: ForwardingState): boolean {
  return FORWARDING_TRANSITIONS[from].includes(to);
}

/** What an authority or medium records it did with a forwarded case (closed list: the server may count them). */
export const FORWARDING_ACTIONS = [
  'investigation-opened',
  'referred-to-prosecutor',
  'sanction',
  'amount-recovered',
  'published',
  'no-action',
] as const;
export type ForwardingAction = (typeof FORWARDING_ACTIONS)[number];
export const ForwardingActionSchema = v.picklist(FORWARDING_ACTIONS);

/** A forwarded case may be closed only once every one of its forwardings is concluded. */
export function forwardingsAllowClosing(states: readonly ForwardingState[]): boolean {
  return states.length > 0 && states.every((state) => state === 'concluded');
}
