/**
 * Where the outbox appears, and the switch that loads it. The outbox's code (outbox.ts,
 * outbox-notice.tsx) is fetched only when an alert waits on this phone (checked at start-up,
 * which costs one IndexedDB look and no download) or when the reporter keeps one for later.
 * With the service worker it is in the offline cache like the rest of the shell; without it,
 * keeping an alert for later needs the network once to fetch this code, and says so if it fails.
 */
import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import type { SealedSubmission } from '@kenekanko/client';
import type * as outboxModule from './outbox.ts';
import { language } from '../../i18n/catalogues.ts';
import { loadLaterMessages, withLaterMessages } from '../../i18n/lazy-catalogues.ts';
import { openOutboxStore } from './outbox-store.ts';

type OutboxModule = typeof outboxModule;

const notice = signal<ComponentType | null>(null);
let code: Promise<readonly [OutboxModule, ComponentType]> | null = null;

function outboxCode(): Promise<readonly [OutboxModule, ComponentType]> {
  code ??= Promise.all([import('./outbox.ts'), import('./outbox-notice.tsx')]).then(([outbox, view]) => [outbox, view.OutboxNotice] as const);
  // A failed fetch may pass (the network returns): the next call tries again.
  code.catch(() => (code = null));
  return code;
}

async function loadOutbox(): Promise<OutboxModule> {
  // At start-up no language is chosen yet: the notice speaks the fallback's catalogue.
  const [[outbox, view]] = await Promise.all([outboxCode(), loadLaterMessages(language.value).catch(() => undefined)]);
  notice.value = view;
  await outbox.startOutbox();
  return outbox;
}

/** How long after the form is ready the outbox's code is fetched: never in the way of the form's own first load. */
const PREFETCH_DELAY_MS = 3_000;

/**
 * Fetches the outbox's code a little after the form is ready and when the browser is idle,
 * so that an alert can still be kept for later if the network drops before it is sent, with
 * or without the service worker.
 */
export function prefetchOutbox(): void {
  // Its messages too (the outbox's are in the catalogue's later part), in the language chosen by then.
  const fetchCode = () => void withLaterMessages(outboxCode).catch(() => undefined);
  setTimeout(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(fetchCode, { timeout: 5_000 });
    else fetchCode();
  }, PREFETCH_DELAY_MS);
}

/** At start-up: loads the outbox only if something waits in it. */
export async function startOutboxIfWaiting(): Promise<void> {
  const store = openOutboxStore();
  if (store === null) return;
  try {
    if ((await store.list()).length > 0) await loadOutbox();
  } catch {
    // No IndexedDB after all (a private mode refusing it): nothing can wait here.
  }
}

/** Keeps a sealed alert for later (and starts sending it if the network allows). */
export async function keepForLater(sealed: SealedSubmission): Promise<void> {
  await (await loadOutbox()).keepForLater(sealed);
}

export function OutboxSlot() {
  const View = notice.value;
  return View === null ? null : <View />;
}
