/**
 * Quick exit, for a reporter who is watched or interrupted: one press (or Escape three
 * times) blanks the page and replaces it with an ordinary site.
 *
 * SECURITY: location.replace() overwrites the current history entry, so Back does not return
 * here and the tab's history keeps no entry of this site's page (entries before it stay: the
 * threat model says so, and advises private browsing). The target is another origin, and it
 * is contacted only when the person presses the button; it is a constant, documented in the
 * README and docs/threat-model.md, and never depends on anything the server sends.
 */

/** A site that looks ordinary on a phone in Mali; the only request to another origin we make. */
export const QUICK_EXIT_URL = 'https://www.google.com/';

/** Escape pressed this many times within ESCAPE_WINDOW_MS leaves. */
export const ESCAPE_PRESSES = 3;
export const ESCAPE_WINDOW_MS = 2000;

export type ExitTarget = {
  readonly document: { readonly body: { replaceChildren(): void } | null };
  readonly location: { replace(url: string): void };
};

/** Leaves now. The screen goes blank first: on 2G the next page can take seconds to appear. */
export function leaveNow(target: ExitTarget = window): void {
  target.document.body?.replaceChildren();
  target.location.replace(QUICK_EXIT_URL);
}

/**
 * Counts presses of a key: `press(now)` is true on the `needed`-th press within `windowMs` of
 * the first one counted, then starts again.
 */
export function createPressCounter(needed: number = ESCAPE_PRESSES, windowMs: number = ESCAPE_WINDOW_MS): (now: number) => boolean {
  let presses: readonly number[] = [];
  return (now) => {
    presses = [...presses.filter((at) => now - at < windowMs), now];
    if (presses.length < needed) return false;
    presses = [];
    return true;
  };
}
