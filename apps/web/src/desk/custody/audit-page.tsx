/**
 * The audit panel for coalition coordinators: how many entries since the last checkpoint, and
 * a button that checks the chain in this browser and signs its head with the organisation key.
 */
import { useState } from 'preact/hooks';
import { fetchAuditHead, isClientError, signAuditCheckpoint } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { useAction, useLoad } from './use-load.ts';

export function AuditPage(props: { readonly session: StaffSession }) {
  const { session } = props;
  const { state, reload } = useLoad(() => fetchAuditHead(session), [session]);
  const action = useAction();
  const [signed, setSigned] = useState<{ readonly seq: number; readonly count: number } | null>(null);
  const orgId = session.me.memberships.find((m) => m.role === 'coordinator' && m.orgKind === 'coalition')?.orgId;
  const sign = async (): Promise<void> => {
    if (orgId === undefined) return;
    const result = await signAuditCheckpoint(session, orgId);
    setSigned({ seq: result.seq, count: result.checkedEntries });
    await reload();
  };
  const broken = isClientError(action.failure) && action.failure.code === 'bad-response';
  return (
    <section class="panel" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('desk.custody.audit.title')}</h1>
      <p>{t('desk.custody.audit.intro')}</p>
      {state.status === 'loading' && <p role="status">{t('desk.working')}</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && (
        <>
          <p data-testid="audit-since">{t('desk.custody.audit.since', { count: state.value.sinceLastCheckpoint })}</p>
          <p>
            {state.value.lastCheckpoint === null
              ? t('desk.custody.audit.never')
              : t('desk.custody.audit.last', { seq: state.value.lastCheckpoint.seq, login: state.value.lastCheckpoint.signerLogin, date: formatDateTime(state.value.lastCheckpoint.createdAt, locale()) })}
          </p>
        </>
      )}
      {broken ? (
        <p class="banner banner--error" role="alert" data-testid="audit-broken">
          {t('desk.custody.audit.broken')}
        </p>
      ) : (
        action.failure !== null && <ErrorBanner error={action.failure} />
      )}
      {signed !== null && <p class="banner banner--ok" role="status">{t('desk.custody.audit.signed', { seq: signed.seq, count: signed.count })}</p>}
      <button type="button" class="button button--primary" disabled={action.busy || orgId === undefined} data-testid="audit-sign" onClick={() => void action.run(sign)}>
        {t('desk.custody.audit.sign')}
      </button>
    </section>
  );
}
