/**
 * Where the reporter is, in memory only. SECURITY: views are not routes: nothing of an alert,
 * a receipt or a follow-up ever enters the URL or the history state (DESIGN §3), and leaving
 * the page wipes all of it (see main.tsx).
 */
import { signal } from '@preact/signals';
import type { ReporterSession } from '@kenekanko/client';

/** A receipt to show once: of an alert the server received, or of one sealed and waiting to be sent (day null). */
export type ShownReceipt = { readonly receipt: string; readonly receivedDay: string | null };

export type ReporterView =
  | { readonly name: 'language' }
  | { readonly name: 'home' }
  | { readonly name: 'form' }
  | { readonly name: 'receipt'; readonly result: ShownReceipt }
  | { readonly name: 'follow-up' };

/** Every page load starts by asking the language: nothing remembers the last choice. */
export const view = signal<ReporterView>({ name: 'language' });

/** The open follow-up, holding the receipt-derived keys; null when none is open. */
export const followSession = signal<ReporterSession | null>(null);

export function goTo(next: ReporterView): void {
  view.value = next;
  // A new view starts at the top, as a new page would.
  if (typeof window !== 'undefined') window.scrollTo(0, 0);
}
