/**
 * The reporter's entry (index.html). It imports nothing from src/desk.
 *
 * SECURITY: this bundle stores nothing in the browser: no cookie, localStorage,
 * sessionStorage, IndexedDB, Cache API or service worker. When the page is left (closed,
 * reloaded, navigated away or put in the back-forward cache) every view, form, receipt and
 * follow-up session is dropped, so returning to it shows the home page.
 */
import '../shared/base.css';
import '../shared/controls.css';
import './reporter.css';
import { render } from 'preact';
import { effect } from '@preact/signals';
import { language } from '../i18n/catalogues.ts';
import { followSession, view } from './reporter-state.ts';
import { isFormDirty, resetForm, sendState } from './alert-form/alert-form-state.ts';
import { ReporterApp } from './reporter-app.tsx';

function forgetEverything(): void {
  view.value = { name: 'home' };
  followSession.value = null;
  resetForm();
}

/** Leaving now would lose something the reporter cannot get back. */
function wouldLoseWork(): boolean {
  return view.value.name === 'receipt' || sendState.value.status === 'sending' || (view.value.name === 'form' && isFormDirty());
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

const root = document.getElementById('app');
if (root !== null) render(<ReporterApp />, root);
