/**
 * The communes of a cercle (or of the district of Bamako), fetched when the reporter chooses
 * it rather than with the form: the form opens with regions and cercles only, which keeps
 * its first load under 60 KB on 2G (issue 4, docs/adr/0006-offline-reporter.md). Once the
 * service worker has stored the whole list it answers them from it, online or offline;
 * without a worker, offline, the commune is optional and the form says it can be left out.
 */
import { signal } from '@preact/signals';
import type { Place } from '@kenekanko/contracts';
import { intakeApi } from '../offline/intake-api.ts';

export type CommunesState = { readonly status: 'loading' } | { readonly status: 'failed' } | { readonly status: 'ready'; readonly communes: readonly Place[] };

/** By cercle or district id; memory only, like the rest of the form. */
export const communesByParent = signal<ReadonlyMap<string, CommunesState>>(new Map());

const byName = (a: Place, b: Place) => a.name.localeCompare(b.name, 'fr');

function setState(parentId: string, state: CommunesState): void {
  const next = new Map(communesByParent.value);
  next.set(parentId, state);
  communesByParent.value = next;
}

/** Fetches the communes of `parentId` unless they are here or on their way; a failure may be retried. */
export async function ensureCommunes(parentId: string): Promise<void> {
  const current = communesByParent.value.get(parentId);
  if (parentId === '' || current?.status === 'ready' || current?.status === 'loading') return;
  setState(parentId, { status: 'loading' });
  try {
    const communes = [...(await intakeApi().placeCommunes(parentId))].sort(byName);
    setState(parentId, { status: 'ready', communes });
  } catch {
    setState(parentId, { status: 'failed' });
  }
}

export const communesOf = (parentId: string): CommunesState | undefined => (parentId === '' ? undefined : communesByParent.value.get(parentId));
