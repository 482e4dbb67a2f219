/// <reference types="vite/client" />
/**
 * The reporter's entry (index.html). It imports nothing from src/desk.
 *
 * SECURITY: this bundle keeps nothing about the reporter in the browser: no cookie,
 * localStorage or sessionStorage. Two things only may be stored, both without anything the
 * phone could open: the service worker's copy of the app shell (page, scripts, styles, the
 * public intake and places; offline/shell-rules.ts), and, only when the reporter keeps an
 * alert for later (or files one offline), its sealed ciphertext package in IndexedDB until it
 * is sent or discarded (offline/outbox.ts). When the page is left (closed, reloaded,
 * navigated away or put in the back-forward cache) every view, form, receipt and follow-up
 * session is dropped, so returning to it starts afresh.
 */
import '../shared/base.css';
import '../shared/controls.css';
import './reporter.css';
import { render } from 'preact';
import { effect } from '@preact/signals';
import { language } from '../i18n/catalogues.ts';
import { followSession, view } from './reporter-state.ts';
import { isFormDirty, resetForm, retryAfterReconnect, sendState } from './alert-form/alert-form-state.ts';
import { startOutboxIfWaiting } from './offline/outbox-slot.tsx';
import { registerServiceWorker } from './offline/register-service-worker.ts';
import { ReporterApp } from './reporter-app.tsx';
import { startFirstScreen } from './first-screen.ts';

function forgetEverything(): void {
  view.value = { name: 'home' };
  followSession.value = null;
  resetForm();
}

/** Leaving now would lose something the reporter cannot get back. */
function wouldLoseWork(): boolean {
  const send = sendState.value;
  const unsent = send.status === 'sending' || (send.status === 'failed' && send.kept);
  return view.value.name === 'receipt' || unsent || (view.value.name === 'form' && isFormDirty());
}

effect(() => {
  document.documentElement.lang = language.value;
});

window.addEventListener('beforeunload', (event) => {
  if (!wouldLoseWork()) return;
  event.preventDefault();
  // Older Chrome and WebView (before 119) ask only when returnValue is set.
  event.returnValue = '';
});
window.addEventListener('pagehide', forgetEverything);
window.addEventListener('online', retryAfterReconnect);

// Alerts kept for later leave as soon as they can; the page works the same without a worker.
void startOutboxIfWaiting();
if (import.meta.env.PROD) registerServiceWorker();

startFirstScreen();
const root = document.getElementById('app');
if (root !== null) render(<ReporterApp />, root);
