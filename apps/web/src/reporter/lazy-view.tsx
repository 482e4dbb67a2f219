/**
 * A view whose code loads on first use (dynamic import), so the reporter's first load
 * carries only the home page and the alert form (docs/adr/0006-offline-reporter.md). If the
 * code cannot be fetched (offline, with no service worker to serve it), the view says so and
 * offers to try again; nothing typed elsewhere is lost.
 */
import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../i18n/catalogues.ts';

type LoadState =
  | { readonly status: 'idle' | 'loading' | 'failed' }
  | { readonly status: 'ready'; readonly view: ComponentType };

export function lazyView(load: () => Promise<ComponentType>): ComponentType {
  const state = signal<LoadState>({ status: 'idle' });
  const start = () => {
    if (state.value.status === 'loading' || state.value.status === 'ready') return;
    state.value = { status: 'loading' };
    load().then(
      (view) => (state.value = { status: 'ready', view }),
      () => (state.value = { status: 'failed' }),
    );
  };
  return function LazyView() {
    useEffect(start, []);
    const current = state.value;
    if (current.status === 'ready') return <current.view />;
    if (current.status === 'failed') {
      return (
        <div class="banner banner--error" role="alert" data-testid="view-load-failed">
          <p>{t('error.network')}</p>
          <button type="button" class="button button--primary" onClick={start}>
            {t('action.retry')}
          </button>
        </div>
      );
    }
    return (
      <p class="panel" role="status">
        {t('app.loading')}
      </p>
    );
  };
}
