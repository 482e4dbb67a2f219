/**
 * The alert being written, held in memory (signals) so that an error, a failed send or a
 * language switch never loses what was typed. SECURITY: never persisted; cleared once the
 * alert is sent or kept for later, and whenever the page is left.
 *
 * Sending seals the alert first (receipt, keys, every envelope and chunk), then uploads that
 * one package. A retry sends the same package again (same receipt, same submission id), so a
 * retried alert is never filed twice; only a change to the form makes a new one. "Send
 * later" (or no network at all) keeps the package in the outbox and shows the receipt at once.
 */
import { signal } from '@preact/signals';
import { isClientError, isNetworkError, sendPrepared } from '@kenekanko/client';
import type { AlertDraft, SubmitProgress } from '@kenekanko/client';
import { language } from '../../i18n/catalogues.ts';
import { todayDay } from '../../i18n/format.ts';
import { indexPlaces } from '../../shared/places.ts';
import type { PlaceIndex } from '../../shared/places.ts';
import type { FileEntry } from '../files/file-entry.ts';
import { intakeApi } from '../offline/intake-api.ts';
import { outboxSupported } from '../offline/outbox-store.ts';
import { keepForLater, prefetchOutbox } from '../offline/outbox-slot.tsx';
import { prefetchIntake, sealAlert } from '../offline/seal-alert.ts';
import type { SealedAlert } from '../offline/seal-alert.ts';
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
  | {
      readonly status: 'failed';
      readonly error: unknown;
      readonly progress: SubmitProgress;
      /** A sealed package is held in memory: retrying sends it again. */
      readonly kept: boolean;
      /** The server may already have filed it (finalize was sent): the form may no longer change. */
      readonly finalizing: boolean;
    };
export const sendState = signal<SendState>({ status: 'idle' });

/** `whole`: the index holds the communes too (the desk's field page); else the outline, communes on demand. */
export type PlacesState = { readonly status: 'loading' } | { readonly status: 'ready'; readonly index: PlaceIndex; readonly whole: boolean } | { readonly status: 'failed' };
export const places = signal<PlacesState>({ status: 'loading' });

let attempted = false;
/** SECURITY: memory only; it holds the receipt until the receipt is shown. */
let sealed: (SealedAlert & { readonly values: AlertFormValues }) | null = null;

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
  sealed = null;
}

/**
 * The reporter's form loads the outline (regions, districts, cercles: the communes come from the
 * whole list, fetched once when a cercle is chosen, place-communes.ts), which keeps its first
 * load small; the desk's field
 * page, with no such budget and no service worker, loads the whole list once ('whole'), so a
 * focal point offline can still pick any commune.
 */
export async function ensurePlaces(list: 'outline' | 'whole' = 'outline'): Promise<void> {
  // The intake too, so the alert can still be sealed if the network drops while it is written.
  void prefetchIntake();
  const current = places.value;
  if (current.status === 'ready' && (current.whole || list === 'outline')) return;
  places.value = { status: 'loading' };
  try {
    const api = intakeApi();
    places.value = { status: 'ready', index: indexPlaces(await (list === 'whole' ? api.places() : api.placeOutline())), whole: list === 'whole' };
  } catch {
    places.value = { status: 'failed' };
  }
  // Once the form is ready: the code that keeps an alert for later, should the network drop.
  prefetchOutbox();
}

/** Validates the form (showing its errors) and gives the draft, or null. The desk's field page uses it too. */
export function checkedDraft(): AlertDraft | null {
  attempted = true;
  const result = validateAlertForm(form.value, todayDay(), language.value);
  if (!result.ok) {
    formErrors.value = result.errors;
    refusedSubmits.value += 1;
    return null;
  }
  formErrors.value = {};
  return result.draft;
}

function showReceipt(receipt: string, receivedDay: string | null): void {
  // SECURITY: the alert is sent or sealed away; nothing of it stays in memory but the receipt, shown once.
  resetForm();
  goTo({ name: 'receipt', result: { receipt, receivedDay } });
}

async function send(draft: AlertDraft, later: boolean): Promise<void> {
  let progress: SubmitProgress = { phase: 'keys', sentBytes: 0, totalBytes: 0 };
  const report = (next: SubmitProgress) => {
    progress = next;
    sendState.value = { status: 'sending', progress };
  };
  report(progress);
  try {
    if (sealed === null || sealed.values !== form.value) sealed = { ...(await sealAlert(draft, report)), values: form.value };
    const { prepared, challenge } = sealed;
    if (later) {
      await keepForLater(prepared.sealed);
      showReceipt(prepared.receipt, null);
      return;
    }
    // A challenge is spent by its first use: a retry asks for a fresh one.
    sealed = { ...sealed, challenge: null };
    const result = await sendPrepared(intakeApi(), prepared.sealed, { firstChallenge: challenge, onProgress: report });
    showReceipt(prepared.receipt, result.receivedDay);
  } catch (error) {
    sendState.value = { status: 'failed', error, progress, kept: sealed !== null, finalizing: progress.phase === 'finalizing' };
    if (typeof window !== 'undefined') window.scrollTo(0, 0);
  }
}

/** "Envoyer": now if the phone has a network, else kept for later at once (when the browser can keep it). */
export async function submitForm(): Promise<void> {
  if (sendState.value.status === 'sending') return;
  const draft = checkedDraft();
  if (draft === null) return;
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  await send(draft, offline && outboxSupported());
}

/** "Envoyer plus tard": sealed now, receipt shown now, sent by the outbox when it can be. */
export async function sendLater(): Promise<void> {
  if (sendState.value.status === 'sending') return;
  const draft = checkedDraft();
  if (draft !== null) await send(draft, true);
}

/** Back to the form after a failure; the sealed package is dropped, so a change makes a new one. */
export function editAgain(): void {
  const state = sendState.value;
  if (state.status !== 'failed' || state.finalizing) return;
  sealed = null;
  sendState.value = { status: 'idle' };
}

/** The send failed for want of a network (no answer, or retries ran out), not because the server refused. */
export const waitsForNetwork = (error: unknown): boolean => isNetworkError(error) || (isClientError(error) && error.code === 'upload-failed');

/** When the network returns after a send failed for want of it, try the same package again. */
export function retryAfterReconnect(): void {
  const state = sendState.value;
  if (state.status === 'failed' && state.kept && waitsForNetwork(state.error)) void submitForm();
}
