/** "Due": every open deadline of the user's organisations, overdue first, each linking to its case. */
import { useEffect, useState } from 'preact/hooks';
import type { DueItem } from '@kenekanko/contracts';
import { loadDue } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure, openView } from '../desk-state.ts';
import { DueSentence } from './due-badge.tsx';

type Load = { readonly status: 'loading' } | { readonly status: 'ready'; readonly items: readonly DueItem[] } | { readonly status: 'failed'; readonly error: unknown };

export function DuePage(props: { readonly session: StaffSession }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    loadDue(props.session)
      .then((items) => current && setLoad({ status: 'ready', items }))
      .catch((error: unknown) => current && setLoad({ status: 'failed', error: deskFailure(error) }));
    return () => {
      current = false;
    };
  }, [props.session]);

  return (
    <section class="panel wide" aria-labelledby="due-title">
      <h1 id="due-title">{t('desk.cases.dueTitle')}</h1>
      <p>{t('desk.cases.dueIntro')}</p>
      {load.status === 'loading' && <p role="status">{t('desk.working')}</p>}
      {load.status === 'failed' && <ErrorBanner error={load.error} />}
      {load.status === 'ready' && load.items.length === 0 && <p data-testid="due-empty">{t('desk.cases.noneDue')}</p>}
      {load.status === 'ready' && load.items.length > 0 && (
        <table class="inbox" data-testid="due-table">
          <thead>
            <tr>
              <th scope="col">{t('desk.cases.dueWhat')}</th>
              <th scope="col">{t('desk.cases.dueAlert')}</th>
            </tr>
          </thead>
          <tbody>
            {load.items.map((item) => (
              <tr key={`${item.alertId}-${item.kind}-${item.forwardingId ?? ''}`} data-testid="due-row">
                <td data-label={t('desk.cases.dueWhat')}>
                  <DueSentence item={item} />
                </td>
                <td data-label={t('desk.cases.dueAlert')}>
                  <button type="button" class="button button--link" onClick={() => openView({ name: 'alert', alertId: item.alertId })}>
                    {t('desk.cases.openAlert', { id: item.alertId })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
