/**
 * On the alert page: the requests to see the reporter's identity, a form to ask (purpose,
 * recipient for a forwarding, and a reason only the custodian can read), and the identity
 * itself once a custodian granted it to this user.
 */
import { useState } from 'preact/hooks';
import { loadAlertIdentity, requestIdentity } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { IDENTITY_REQUEST_PURPOSES } from '@kenekanko/contracts';
import type { IdentityRequestPurpose } from '@kenekanko/contracts';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { Field, controlProps } from '../../shared/components/field.tsx';
import { TextActionForm } from '../alert/text-action-form.tsx';
import { useLoad } from './use-load.ts';

function purposeLabel(purpose: IdentityRequestPurpose): string {
  return purpose === 'verification' ? t('desk.custody.request.purpose.verification') : t('desk.custody.identity.purposeForwarding');
}

export function IdentityPanel(props: { readonly session: StaffSession; readonly alertId: string; readonly orgId: string }) {
  const { session, alertId } = props;
  const { state, reload } = useLoad(() => loadAlertIdentity(session, alertId), [session, alertId]);
  const [purpose, setPurpose] = useState<IdentityRequestPurpose>('verification');
  const recipients = session.keyring.directory.organisations.filter((o) => o.id !== props.orgId);
  const [recipient, setRecipient] = useState(recipients[0]?.id ?? '');
  return (
    <section class="panel panel--internal" aria-labelledby="identity-title" data-testid="identity-panel">
      <h2 id="identity-title">{t('desk.custody.identity.title')}</h2>
      <button type="button" class="button button--secondary" data-testid="identity-refresh" disabled={state.status === 'loading'} onClick={() => void reload()}>
        {t('desk.custody.refresh')}
      </button>
      {state.status === 'loading' && <p role="status">{t('desk.working')}</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && (
        <>
          {state.value.identityDeleted && <p>{t('desk.custody.identity.deleted')}</p>}
          {state.value.identity !== null && (
            <div class="banner banner--warning" data-testid="identity-shown">
              <p>
                <strong>{t('desk.custody.identity.shown')}</strong>
              </p>
              {state.value.identity.name === '' && state.value.identity.phone === '' ? (
                <p>{t('desk.custody.identity.empty')}</p>
              ) : (
                <>
                  <p>{t('desk.custody.identity.name', { name: state.value.identity.name })}</p>
                  <p>{t('desk.custody.identity.phone', { phone: state.value.identity.phone })}</p>
                </>
              )}
            </div>
          )}
          <ul>
            {state.value.requests.map((r) => (
              <li key={r.id}>{t('desk.custody.identity.request', { state: t(`desk.custody.state.${r.state}`), login: r.requesterLogin, date: formatDateTime(r.createdAt, locale()) })}</li>
            ))}
          </ul>
          {state.value.identity === null && !state.value.identityDeleted && (
            <>
              <h3>{t('desk.custody.identity.ask')}</h3>
              <Field id="identity-purpose" label={t('desk.custody.identity.purpose')}>
                <select {...controlProps('identity-purpose', undefined, undefined)} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value === 'forwarding' ? 'forwarding' : 'verification')}>
                  {IDENTITY_REQUEST_PURPOSES.map((p) => (
                    <option key={p} value={p}>
                      {purposeLabel(p)}
                    </option>
                  ))}
                </select>
              </Field>
              {purpose === 'forwarding' && (
                <Field id="identity-recipient" label={t('desk.custody.identity.recipient')}>
                  <select {...controlProps('identity-recipient', undefined, undefined)} value={recipient} onChange={(e) => setRecipient(e.currentTarget.value)}>
                    {recipients.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </Field>
              )}
              <TextActionForm
                id="identity-reason"
                label={t('desk.custody.identity.reason')}
                submit={t('desk.custody.identity.send')}
                onSend={async (reason) => {
                  await requestIdentity(session, alertId, { purpose, recipientOrgId: purpose === 'forwarding' ? recipient : null, reason });
                  await reload();
                }}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
