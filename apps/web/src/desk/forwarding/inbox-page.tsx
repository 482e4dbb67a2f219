/** A liaison's inbox: only what was forwarded to their organisation, with the acknowledgement badge (the sending organisation's deadline, 30 days by default). */
import { useEffect, useState } from 'preact/hooks';
import { listForwardingInbox } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import type { ForwardingSummary } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure, openView } from '../desk-state.ts';
import { SummaryLine } from './event-list.tsx';

export function ForwardingInboxPage(props: { readonly session: StaffSession }) {
  const [list, setList] = useState<readonly ForwardingSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    listForwardingInbox(props.session).then(setList, (error: unknown) => setFailure(deskFailure(error)));
  }, [props.session]);
  return (
    <section class="panel" aria-labelledby="forwarding-inbox-title">
      <h1 id="forwarding-inbox-title">{t('desk.forwarding.inbox')}</h1>
      {failure !== null && <ErrorBanner error={failure} />}
      {list === null && failure === null && <p role="status">{t('desk.working')}</p>}
      {list?.length === 0 && <p data-testid="forwarding-inbox-empty">{t('desk.forwarding.inboxEmpty')}</p>}
      <ul data-testid="forwarding-inbox">
        {list?.map((f) => (
          <li key={f.id}>
            <SummaryLine summary={f} />
            <button type="button" class="button button--secondary" data-testid={`forwarding-open-${f.id}`} onClick={() => openView({ name: 'forwarding', forwardingId: f.id })}>
              {t('desk.forwarding.open')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
