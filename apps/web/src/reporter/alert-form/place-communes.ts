/**
 * The communes of a cercle (or of the district of Bamako), taken from the WHOLE places list
 * (`/api/places`), fetched once when the reporter first chooses a cercle rather than with the
 * form: the form opens with regions and cercles only, which keeps its first load under 60 KB
 * on 2G (issue 4, docs/adr/0006-offline-reporter.md). Once the service worker has stored the
 * whole list it answers from it, online or offline; without a worker, offline, the commune
 * is optional and the form says it can be left out.
 *
 * SECURITY: there is no request per cercle. The whole list is the same for everyone (its
 * path, its size, compressed or not), so neither a network observer nor the server's or a
 * proxy's access log learns which cercle was chosen, even for an alert never sent.
 */
import { signal } from '@preact/signals';
import type { Place } from '@kenekanko/contracts';
import { indexPlaces } from '../../shared/places.ts';
import type { PlaceIndex } from '../../shared/places.ts';
import { intakeApi } from '../offline/intake-api.ts';

export type WholePlacesState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'ready'; readonly index: PlaceIndex };

/** Memory only, like the rest of the form. */
export const wholePlaces = signal<WholePlacesState>({ status: 'idle' });

/** Fetches the whole list unless it is here or on its way; a failure may be retried. */
export async function ensureWholePlaces(): Promise<void> {
  const current = wholePlaces.value.status;
  if (current === 'ready' || current === 'loading') return;
  wholePlaces.value = { status: 'loading' };
  try {
    wholePlaces.value = { status: 'ready', index: indexPlaces(await intakeApi().places()) };
  } catch {
    wholePlaces.value = { status: 'failed' };
  }
}

/** The communes directly below `parentId` (a cercle or a district), by name; [] when it lists none. */
export function communesIn(index: PlaceIndex, parentId: string): readonly Place[] {
  return (index.children.get(parentId) ?? []).filter((place) => place.kind === 'commune');
}
