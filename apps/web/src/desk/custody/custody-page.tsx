/**
 * The custodian's page: their key, the pending identity requests (alert id, day, requester,
 * purpose and reason — never the alert's content) to grant or refuse, and the decided ones.
 * SECURITY: the custodian key is opened for each action and wiped right after; it is never
 * kept in the page's state.
 */
import { useState } from 'preact/hooks';
import { grantIdentityRequest, keyFingerprint, listCustodyRequests, openCustodianKey, refuseIdentityRequest } from '@kenekanko/client';
import type { OpenedCustodyRequest, StaffSession } from '@kenekanko/client';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDateTime, formatDay } from '../../i18n/format.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { TextActionForm } from '../alert/text-action-form.tsx';
import { CustodianKeyPanel } from './custodian-key-panel.tsx';
import { useAction, useLoad } from './use-load.ts';

async function withCustodianKey<T>(session: StaffSession, use: (key: Uint8Array | null) => Promise<T>): Promise<T> {
  const key = await openCustodianKey(session).catch(() => null);
  try {
    return await use(key);
  } finally {
    key?.fill(0);
  }
}

function purposeText(request: OpenedCustodyRequest): string {
  return request.purpose === 'verification'
    ? t('desk.custody.request.purpose.verification')
    : t('desk.custody.request.purpose.forwarding', { org: request.recipientOrgName ?? request.recipientOrgId ?? '' });
}

function RequestItem(props: { readonly session: StaffSession; readonly request: OpenedCustodyRequest; readonly onDone: () => Promise<void> }) {
  const { session, request } = props;
  const action = useAction();
  const [refusing, setRefusing] = useState(false);
  const [compared, setCompared] = useState(false);
  const grant = async (): Promise<void> => {
    const key = await openCustodianKey(session);
    try {
      await grantIdentityRequest(session, key, request.id);
    } finally {
      key.fill(0);
    }
  };
  return (
    <li class="panel" data-testid={`custody-request-${request.id}`}>
      <p>
        <strong>{t('desk.custody.request.summary', { alertId: request.alertId, day: formatDay(request.receivedDay, locale()), login: request.requesterLogin })}</strong>
      </p>
      <p>{purposeText(request)}</p>
      <p>{request.reason === null ? t('desk.custody.request.reasonUnreadable') : t('desk.custody.request.reason', { reason: request.reason })}</p>
      {request.state !== 'pending' && <p class={`state state--${request.state}`}>{t(`desk.custody.state.${request.state}`)}</p>}
      {request.refusalReason !== null && <p>{t('desk.custody.request.reason', { reason: request.refusalReason })}</p>}
      {request.state === 'pending' && (
        <>
          <p class="field__hint">{t('desk.custody.request.fingerprint', { fingerprint: keyFingerprint(request.requesterX25519Public) })}</p>
          <label class="choice" for={`compared-${request.id}`}>
            <input type="checkbox" id={`compared-${request.id}`} data-testid="custody-compared" checked={compared} onChange={(e) => setCompared(e.currentTarget.checked)} />
            <span>{t('desk.custody.request.compared', { login: request.requesterLogin })}</span>
          </label>
          {action.failure !== null && <ErrorBanner error={action.failure} />}
          {/* SECURITY: the identity is sealed to the requester's key: only once its fingerprint was compared with them. */}
          <button type="button" class="button button--primary" disabled={action.busy || !compared} data-testid="custody-grant" onClick={() => void action.run(grant).then((ok) => (ok ? props.onDone() : undefined))}>
            {t('desk.custody.request.grant')}
          </button>{' '}
          {!refusing && (
            <button type="button" class="button button--secondary" disabled={action.busy} data-testid="custody-refuse" onClick={() => setRefusing(true)}>
              {t('desk.custody.request.refuse')}
            </button>
          )}
          {refusing && (
            <TextActionForm
              id={`refusal-${request.id}`}
              label={t('desk.custody.request.refusal')}
              submit={t('desk.custody.request.refuse')}
              onSend={async (reason) => {
                await refuseIdentityRequest(session, request, reason);
                await props.onDone();
              }}
            />
          )}
        </>
      )}
      {request.decidedAt !== null && <p class="field__hint">{formatDateTime(request.decidedAt, locale())}</p>}
    </li>
  );
}

function RequestList(props: { readonly session: StaffSession; readonly requests: readonly OpenedCustodyRequest[]; readonly onDone: () => Promise<void>; readonly testId: string }) {
  if (props.requests.length === 0) return <p>{t('desk.custody.none')}</p>;
  return (
    <ul class="custody-requests" data-testid={props.testId}>
      {props.requests.map((r) => (
        <RequestItem key={r.id} session={props.session} request={r} onDone={props.onDone} />
      ))}
    </ul>
  );
}

export function CustodyPage(props: { readonly session: StaffSession }) {
  const { session } = props;
  const { state, reload } = useLoad(() => withCustodianKey(session, (key) => listCustodyRequests(session, key)), [session]);
  return (
    <div class="custody-page">
      <h1>{t('desk.custody.title')}</h1>
      <p>{t('desk.custody.intro')}</p>
      <CustodianKeyPanel session={session} onChange={() => void reload()} />
      <button type="button" class="button button--secondary" data-testid="custody-refresh" disabled={state.status === 'loading'} onClick={() => void reload()}>
        {t('desk.custody.refresh')}
      </button>
      {state.status === 'loading' && <p role="status">{t('desk.working')}</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && (
        <>
          <section aria-labelledby="custody-pending-title">
            <h2 id="custody-pending-title">{t('desk.custody.pending')}</h2>
            <RequestList session={session} requests={state.value.filter((r) => r.state === 'pending')} onDone={reload} testId="custody-pending" />
          </section>
          <section aria-labelledby="custody-decided-title">
            <h2 id="custody-decided-title">{t('desk.custody.decided')}</h2>
            <RequestList session={session} requests={state.value.filter((r) => r.state !== 'pending')} onDone={reload} testId="custody-decided" />
          </section>
        </>
      )}
    </div>
  );
}
