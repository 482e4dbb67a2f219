/**
 * The follow-up of the reporter's alert in plain words ("Your alert was sent to the competent
 * authority on 3 March; it acknowledged it on 10 March; an investigation was opened"), and
 * the consent to sharing with partner journalists. SECURITY: only days, closed-list actions
 * and, when it chose to be named, the recipient's name reach this page; never any details.
 */
import { useState } from 'preact/hooks';
import type { ReporterSession } from '@kenekanko/client';
import type { ReporterFollowUp } from '@kenekanko/contracts';
import { formats, t } from '../../i18n/catalogues.ts';
import { formatDay } from '../../i18n/format.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { followSession } from '../reporter-state.ts';

function recipient(f: ReporterFollowUp): string {
  if (f.recipientName !== null) return f.recipientName;
  return t(f.recipientKind === 'authority' ? 'follow.forwarding.recipient.authority' : f.recipientKind === 'media' ? 'follow.forwarding.recipient.media' : 'follow.forwarding.recipient.other');
}

function Consent(props: { readonly session: ReporterSession }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  if (props.session.journalistConsent) return <p data-testid="journalist-consent-given">{t('follow.consent.given')}</p>;
  async function agree(): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      await props.session.agreeToJournalists();
      followSession.value = await props.session.refresh();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      {failure !== null && <ErrorBanner error={failure} />}
      <p>{t('follow.consent.ask')}</p>
      <button type="button" class="button button--secondary" disabled={busy} data-testid="journalist-consent" onClick={() => void agree()}>
        {t('follow.consent.button')}
      </button>
    </>
  );
}

export function ForwardingStatus(props: { readonly session: ReporterSession }) {
  const day = (value: string) => formatDay(value, formats());
  return (
    <>
      {props.session.followUp.length > 0 && (
        <section aria-labelledby="forwarding-status-title" data-testid="forwarding-status">
          <h2 id="forwarding-status-title">{t('follow.forwarding.title')}</h2>
          {props.session.followUp.map((f, i) => (
            <ul key={i}>
              <li>{t('follow.forwarding.sent', { recipient: recipient(f), day: day(f.sentDay) })}</li>
              <li>{f.acknowledgedDay === null ? t('follow.forwarding.waiting') : t('follow.forwarding.acknowledged', { day: day(f.acknowledgedDay) })}</li>
              {f.actions.map((a, k) => <li key={k}>{t(`follow.forwarding.action.${a.action}`, { day: day(a.day) })}</li>)}
              {f.concludedDay !== null && <li>{t('follow.forwarding.concluded', { day: day(f.concludedDay) })}</li>}
            </ul>
          ))}
        </section>
      )}
      {props.session.state !== 'spam' && (
        <section aria-labelledby="journalist-consent-title">
          <h2 id="journalist-consent-title">{t('follow.consent.title')}</h2>
          <Consent session={props.session} />
        </section>
      )}
    </>
  );
}
