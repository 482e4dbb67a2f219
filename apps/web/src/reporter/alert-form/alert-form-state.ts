/**
 * The alert being written, held in memory (signals) so that an error, a failed send or a
 * language switch never loses what was typed. SECURITY: never persisted; cleared once the
 * alert is sent and whenever the page is left.
 */
import { signal } from '@preact/signals';
import { loadPlaces, submitAlert } from '@kenekanko/client';
import type { SubmitProgress } from '@kenekanko/client';
import { language } from '../../i18n/catalogues.ts';
import { todayDay } from '../../i18n/format.ts';
import { api } from '../../shared/api.ts';
import { readPinnedCoalitionKey } from '../../shared/pins.ts';
import { indexPlaces } from '../../shared/places.ts';
import type { PlaceIndex } from '../../shared/places.ts';
import type { FileEntry } from '../files/file-entry.ts';
import { goTo } from '../reporter-state.ts';
import { EMPTY_ALERT_FORM, validateAlertForm } from './alert-form-values.ts';
import type { AlertFormErrors, AlertFormValues } from './alert-form-values.ts';

export const form = signal<AlertFormValues>(EMPTY_ALERT_FORM);
export const formErrors = signal<AlertFormErrors>({});
/** Bumped on each refused submit, so the page moves focus to the error summary. */
export const refusedSubmits = signal(0);

export type SendState =
  | { readonly status: 'idle' }
  | { readonly status: 'sending'; readonly progress: SubmitProgress }
  | { readonly status: 'failed'; readonly error: unknown };
export const sendState = signal<SendState>({ status: 'idle' });

export type PlacesState = { readonly status: 'loading' } | { readonly status: 'ready'; readonly index: PlaceIndex } | { readonly status: 'failed' };
export const places = signal<PlacesState>({ status: 'loading' });

let attempted = false;

function revalidate(): void {
  const result = validateAlertForm(form.value, todayDay(), language.value);
  formErrors.value = result.ok ? {} : result.errors;
}

export function updateForm(patch: Partial<AlertFormValues>): void {
  form.value = { ...form.value, ...patch };
  // Errors appear on the first submit, then follow every change so a fixed field clears at once.
  if (attempted) revalidate();
}

export function updateFiles(change: (files: readonly FileEntry[]) => readonly FileEntry[]): void {
  updateForm({ files: change(form.value.files) });
}

export function isFormDirty(): boolean {
  return form.value !== EMPTY_ALERT_FORM;
}

export function resetForm(): void {
  form.value = EMPTY_ALERT_FORM;
  formErrors.value = {};
  sendState.value = { status: 'idle' };
  attempted = false;
}

export async function ensurePlaces(): Promise<void> {
  if (places.value.status === 'ready') return;
  places.value = { status: 'loading' };
  try {
    places.value = { status: 'ready', index: indexPlaces(await loadPlaces(api())) };
  } catch {
    places.value = { status: 'failed' };
  }
}

export async function submitForm(): Promise<void> {
  if (sendState.value.status === 'sending') return;
  attempted = true;
  const result = validateAlertForm(form.value, todayDay(), language.value);
  if (!result.ok) {
    formErrors.value = result.errors;
    refusedSubmits.value += 1;
    return;
  }
  formErrors.value = {};
  sendState.value = { status: 'sending', progress: { phase: 'keys', sentBytes: 0, totalBytes: 0 } };
  const pinned = readPinnedCoalitionKey();
  try {
    const receipt = await submitAlert(api(), result.draft, {
      ...(pinned === undefined ? {} : { pinnedCoalitionKey: pinned }),
      onProgress: (progress) => {
        sendState.value = { status: 'sending', progress };
      },
    });
    // SECURITY: the alert is sent; nothing of it stays in memory but the receipt, shown once.
    resetForm();
    goTo({ name: 'receipt', result: receipt });
  } catch (error) {
    sendState.value = { status: 'failed', error };
    if (typeof window !== 'undefined') window.scrollTo(0, 0);
  }
}
