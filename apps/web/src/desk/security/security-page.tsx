/**
 * The signed-in user's second factor: its state, and the TOTP enrolment (QR code and key as
 * text, then a code to confirm). Shown first, alone, while the policy requires enrolment.
 * SECURITY: the secret lives in this component's state only, until the page is left.
 */
import { useEffect, useState } from 'preact/hooks';
import { confirmTotpEnrolment, startTotpEnrolment, secondFactorStatus } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import type { SecondFactorStatus, TotpEnrolResponse } from '@kenekanko/contracts';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure, openView } from '../desk-state.ts';
import { firstView } from '../first-view.ts';
import { CodeForm } from './code-prompt.tsx';
import { enrolmentPending } from './enrolment-gate.ts';
import { QrCode } from './qr-code.tsx';

function Enrolment(props: { readonly session: StaffSession; readonly onDone: (status: SecondFactorStatus) => void }) {
  const [shown, setShown] = useState<TotpEnrolResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function run<T>(work: () => Promise<T>, then: (value: T) => void): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      then(await work());
    } catch (error) {
      setFailure(deskFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>{t('desk.security.enrol.intro')}</p>
      {failure !== null && <ErrorBanner error={failure} testId="security-error" />}
      {shown === null ? (
        <button type="button" class="button button--primary" disabled={busy} data-testid="totp-start" onClick={() => void run(() => startTotpEnrolment(props.session.api), setShown)}>
          {t('desk.security.enrol.start')}
        </button>
      ) : (
        <>
          <QrCode text={shown.uri} label={t('desk.security.enrol.qr')} testId="totp-qr" />
          <p>
            <code class="recovery__key" data-testid="totp-secret">
              {t('desk.security.enrol.secret', { secret: shown.secret.replace(/(.{4})(?=.)/g, '$1 ') })}
            </code>
          </p>
          <p class="field__hint">{t('desk.security.enrol.expires', { time: formatDateTime(shown.expiresAt, locale()) })}</p>
          <CodeForm id="totp-confirm" busy={busy} submitLabel={t('desk.security.enrol.confirm')} onCode={(code) => void run(() => confirmTotpEnrolment(props.session.api, code), props.onDone)} />
        </>
      )}
    </>
  );
}

export function SecurityPage(props: { readonly session: StaffSession }) {
  const [status, setStatus] = useState<SecondFactorStatus | null>(null);
  const [justEnrolled, setJustEnrolled] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    secondFactorStatus(props.session.api).then(setStatus, (error: unknown) => setFailure(deskFailure(error)));
  }, [props.session]);

  const finish = (next: SecondFactorStatus): void => {
    setStatus(next);
    setJustEnrolled(true);
  };
  return (
    <section class="panel narrow" aria-labelledby="security-title" data-testid="security-page">
      <h1 id="security-title">{t('desk.security.enrol.title')}</h1>
      {failure !== null && <ErrorBanner error={failure} testId="security-error" />}
      {enrolmentPending.value && !justEnrolled && <p class="banner banner--warning">{t('desk.security.enrol.required')}</p>}
      {status !== null && !status.enrolled && <Enrolment session={props.session} onDone={finish} />}
      {status?.enrolled === true && (
        <>
          <p class="banner banner--ok" role="status" data-testid="totp-enrolled">
            {justEnrolled ? t('desk.security.enrol.done') : t('desk.security.status.on', { date: formatDateTime(status.enrolledAt ?? '', locale()) })}
          </p>
          <p class="field__hint">{t('desk.security.status.lost')}</p>
          {enrolmentPending.value && (
            <button
              type="button"
              class="button button--primary"
              data-testid="totp-continue"
              onClick={() => {
                enrolmentPending.value = false;
                openView(firstView(props.session.me.memberships.map((m) => m.role)));
              }}
            >
              {t('desk.security.enrol.continue')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
