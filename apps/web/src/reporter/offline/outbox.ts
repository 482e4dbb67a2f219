/**
 * Alerts sealed for later (DESIGN §3, "send later"): what waits, and sending it when the
 * network returns, on the `online` event, at the next visit, and on a slow retry timer while
 * the page is open (a phone may think it is online while nothing gets through). One package
 * is sent at a time; a sent one is deleted at once, so nothing of it stays on the phone.
 *
 * Loaded on demand (outbox-slot.ts): only when something waits or the reporter keeps an
 * alert for later, so a text alert sent at once never downloads it.
 *
 * SECURITY: the outbox holds ciphertext packages only (outbox-store.ts). The reporter can
 * see what waits and discard it at any time; a discarded package is deleted, never sent.
 */
import { signal } from '@preact/signals';
import { isApiError, parseSealedSubmission, sealedBytes, sendPrepared } from '@kenekanko/client';
import type { SealedSubmission, SubmitProgress } from '@kenekanko/client';
import { intakeApi } from './intake-api.ts';
import { openOutboxStore } from './outbox-store.ts';
import type { OutboxStore } from './outbox-store.ts';

export type OutboxItem = {
  readonly submissionId: string;
  /** What the package takes on the phone. */
  readonly bytes: number;
} & (
  | { readonly status: 'waiting' }
  | { readonly status: 'sending'; readonly progress: SubmitProgress }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'unreadable' }
);

export const outbox = signal<readonly OutboxItem[]>([]);
/** Alerts sent from the outbox during this visit, for a "sent" notice. */
export const sentFromOutbox = signal(0);

const packages = new Map<string, SealedSubmission>();
const RETRY_MS = [30_000, 60_000, 120_000, 300_000, 600_000];
let store: OutboxStore | null | undefined;
let sending = false;
let retries = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function outboxStore(): OutboxStore | null {
  if (store === undefined) store = openOutboxStore();
  return store;
}

function update(submissionId: string, next: OutboxItem | null): void {
  const others = outbox.value.filter((item) => item.submissionId !== submissionId);
  outbox.value = next === null ? others : [...others, next].sort((a, b) => a.submissionId.localeCompare(b.submissionId));
}

function itemFor(sealed: SealedSubmission): OutboxItem {
  return { submissionId: sealed.submissionId, bytes: sealedBytes(sealed), status: 'waiting' };
}

/** Reads what waits on the phone (at start-up). A package this version cannot read is listed to be discarded. */
export async function loadOutbox(): Promise<void> {
  const opened = outboxStore();
  if (opened === null) return;
  const items: OutboxItem[] = [];
  for (const raw of await opened.list()) {
    try {
      const sealed = parseSealedSubmission(raw);
      packages.set(sealed.submissionId, sealed);
      items.push(itemFor(sealed));
    } catch {
      const id = typeof raw === 'object' && raw !== null && 'submissionId' in raw ? String(raw.submissionId) : '';
      items.push({ submissionId: id, bytes: 0, status: 'unreadable' });
    }
  }
  outbox.value = items;
}

/** Keeps a sealed alert for later and tries to send it at once if the network allows. */
export async function keepForLater(sealed: SealedSubmission): Promise<void> {
  const opened = outboxStore();
  if (opened === null) throw new Error('this browser cannot keep an alert for later');
  await opened.put(sealed);
  packages.set(sealed.submissionId, sealed);
  update(sealed.submissionId, itemFor(sealed));
  void sendWaiting();
}

export async function discard(submissionId: string): Promise<void> {
  packages.delete(submissionId);
  // Gone from the phone first: when the notice no longer shows it, nothing of it is stored.
  await outboxStore()?.remove(submissionId);
  update(submissionId, null);
}

async function sendOne(sealed: SealedSubmission): Promise<boolean> {
  const base = itemFor(sealed);
  update(sealed.submissionId, { ...base, status: 'sending', progress: { phase: 'proof-of-work', sentBytes: 0, totalBytes: 0 } });
  try {
    await sendPrepared(intakeApi(), sealed, { onProgress: (progress) => update(sealed.submissionId, { ...base, status: 'sending', progress }) });
  } catch (error) {
    // A refusal (the server says no) will not pass by itself: the reporter decides. No answer: wait.
    update(sealed.submissionId, isApiError(error) && error.status < 500 && error.code !== 'throttled' ? { ...base, status: 'failed', error } : { ...base, status: 'waiting' });
    return false;
  }
  packages.delete(sealed.submissionId);
  await outboxStore()?.remove(sealed.submissionId);
  update(sealed.submissionId, null);
  sentFromOutbox.value += 1;
  return true;
}

function scheduleRetry(): void {
  clearTimeout(timer);
  if (packages.size === 0) return;
  timer = setTimeout(() => void sendWaiting(), RETRY_MS[Math.min(retries, RETRY_MS.length - 1)]);
  retries += 1;
}

/** Sends every package that waits, one after another. `force` also retries refused ones (the reporter asked). */
export async function sendWaiting(force = false): Promise<void> {
  if (sending || (typeof navigator !== 'undefined' && navigator.onLine === false)) return;
  sending = true;
  let allSent = true;
  try {
    for (const item of outbox.value) {
      const sealed = packages.get(item.submissionId);
      if (sealed === undefined || (item.status === 'failed' && !force)) continue;
      allSent = (await sendOne(sealed)) && allSent;
    }
  } finally {
    sending = false;
  }
  if (allSent) retries = 0;
  scheduleRetry();
}

/** Loads the outbox and sends what waits now, whenever the network returns, and on a timer. Once. */
let started: Promise<void> | null = null;
export function startOutbox(): Promise<void> {
  started ??= (async () => {
    window.addEventListener('online', () => {
      retries = 0;
      void sendWaiting();
    });
    await loadOutbox();
    void sendWaiting();
  })();
  return started;
}
