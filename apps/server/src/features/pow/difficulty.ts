/**
 * Difficulty rises with load: one more bit (twice the work) for every POW_LOAD_STEP submissions
 * opened in the last hour, up to POW_MAX_EXTRA_BITS more than the configured base. A flood
 * makes its own next requests dearer without any per-address state.
 */
import { MAX_POW_BITS } from './pow-challenge.ts';

export const POW_LOAD_STEP = 100;
export const POW_MAX_EXTRA_BITS = 8;
/** How long a spent challenge is remembered: its whole life, and at least the load window. */
export const POW_LOAD_WINDOW_SECONDS = 3600;

export function difficultyFor(baseBits: number, openedInLastHour: number): number {
  const extra = Math.min(POW_MAX_EXTRA_BITS, Math.floor(Math.max(0, openedInLastHour) / POW_LOAD_STEP));
  return Math.min(MAX_POW_BITS, Math.max(0, baseBits) + extra);
}
