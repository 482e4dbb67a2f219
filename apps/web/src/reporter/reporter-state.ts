/**
 * Where the reporter is, in memory only. SECURITY: views are not routes: nothing of an alert,
 * a receipt or a follow-up ever enters the URL or the history state (DESIGN §3), and leaving
 * the page wipes all of it (see main.tsx).
 */
import { signal } from '@preact/signals';
import type { ReporterSession, SubmitResult } from '@kenekanko/client';

export type ReporterView =
  | { readonly name: 'home' }
  | { readonly name: 'form' }
  | { readonly name: 'receipt'; readonly result: SubmitResult }
  | { readonly name: 'follow-up' };

export const view = signal<ReporterView>({ name: 'home' });

/** The open follow-up, holding the receipt-derived keys; null when none is open. */
export const followSession = signal<ReporterSession | null>(null);

export function goTo(next: ReporterView): void {
  view.value = next;
  // A new view starts at the top, as a new page would.
  if (typeof window !== 'undefined') window.scrollTo(0, 0);
}
