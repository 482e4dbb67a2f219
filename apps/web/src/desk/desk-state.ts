/**
 * The desk's session, in memory only. SECURITY: the staff session holds the user's and the
 * organisation's private keys; nothing of it is stored, so a reload means logging in again,
 * and logging out wipes the keys (the client zeroes them) and every decrypted view.
 */
import { signal } from '@preact/signals';
import { isApiError, loadPlaces } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import type { DashboardQuery } from '@kenekanko/contracts';
import { api } from '../shared/api.ts';
import { indexPlaces } from '../shared/places.ts';
import { checkEnrolment, enrolmentPending } from './security/enrolment-gate.ts';
import { firstView } from './first-view.ts';
import type { PlaceIndex } from '../shared/places.ts';

export type DeskView =
  | { readonly name: 'inbox' }
  // orgs (issue 3)
  | { readonly name: 'orgs' }
  | { readonly name: 'org-keys' }
  | { readonly name: 'directory' }
  | { readonly name: 'alert'; readonly alertId: string }
  // security (issue 3)
  | { readonly name: 'security' }
  | { readonly name: 'security-users' }
  // forwarding (issue 3)
  | { readonly name: 'forwardings' }
  | { readonly name: 'forwarding'; readonly forwardingId: string }
  // custody (issue 3)
  | { readonly name: 'custody' }
  | { readonly name: 'audit' }
  | { readonly name: 'retention' }
  // cases (issue 3)
  | { readonly name: 'due' }
  | { readonly name: 'notifications' }
  | { readonly name: 'case-settings' }
  // field (issue 4)
  | { readonly name: 'field' }
  // monitoring (issue 5): the dashboard keeps its filters in the view
  | { readonly name: 'stats'; readonly filters: DashboardQuery };

export const session = signal<StaffSession | null>(null);
export const deskView = signal<DeskView>({ name: 'inbox' });
/** Place names for the inbox and the alert view; null until loaded (ids are shown meanwhile). */
export const placeIndex = signal<PlaceIndex | null>(null);

/** Counts nav openings: a page keyed on it reloads when its nav entry is clicked again. */
export const viewVisit = signal(0);

export function openView(next: DeskView): void {
  deskView.value = next;
  viewVisit.value += 1;
  if (typeof window !== 'undefined') window.scrollTo(0, 0);
}

export async function startSession(opened: StaffSession): Promise<void> {
  // SECURITY: while the policy requires a second factor the server refuses the desk; open on enrolment.
  const mustEnrol = await checkEnrolment(opened);
  session.value = opened;
  deskView.value = mustEnrol ? { name: 'security' } : firstView(opened.me.memberships.map((m) => m.role));
  try {
    placeIndex.value = indexPlaces(await loadPlaces(api()));
  } catch {
    placeIndex.value = null; // names are a convenience: the desk still works with ids
  }
}

export async function endSession(): Promise<void> {
  const current = session.value;
  session.value = null;
  deskView.value = { name: 'inbox' };
  placeIndex.value = null;
  enrolmentPending.value = false;
  try {
    await current?.logout();
  } catch {
    // The keys are wiped even when the server cannot be told (the client does it in `finally`).
  }
}

/** A failure seen by a desk view; an expired session sends the user back to the login. */
export function deskFailure(error: unknown): unknown {
  if (isApiError(error) && error.code === 'unauthenticated') void endSession();
  return error;
}
