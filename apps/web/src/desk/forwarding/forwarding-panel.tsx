/**
 * The forwarding panel of an alert page: what was sent where, each step the recipients
 * recorded (details decrypted here with the package key), the reporter's consent as verified
 * in this browser, and the form to forward a verified case.
 */
import { useEffect, useState } from 'preact/hooks';
import { alertForwardings } from '@kenekanko/client';
import type { AlertForwardings, OpenedAlert, StaffSession } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure } from '../desk-state.ts';
import { EventList, SummaryLine } from './event-list.tsx';
import { ForwardForm } from './forward-form.tsx';

/** `onForwarded` re-opens the alert (its state changes on the first forwarding), which reloads this panel too. */
export function ForwardingPanel(props: { readonly session: StaffSession; readonly alert: OpenedAlert; readonly onForwarded?: () => Promise<void> }) {
  const { session, alert } = props;
  const [data, setData] = useState<AlertForwardings | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const answers = alert.answers;

  async function load(): Promise<void> {
    if (answers === null) return;
    try {
      setData(await alertForwardings(session, alert.summary.id, answers.reporterKeys.ed25519Public));
    } catch (error) {
      setFailure(deskFailure(error));
    }
  }
  useEffect(() => void load(), [alert]);

  const forwardable = alert.summary.state === 'verified' || alert.summary.state === 'forwarded';
  return (
    <section class="panel" aria-labelledby="forwarding-title" data-testid="forwarding-panel">
      <h2 id="forwarding-title">{t('desk.forwarding.panel')}</h2>
      {failure !== null && <ErrorBanner error={failure} />}
      {data !== null && <p class="field__hint" data-testid="journalist-consent">{t(`desk.forwarding.consent.${data.journalistConsent}`)}</p>}
      <h3>{t('desk.forwarding.list')}</h3>
      {data?.forwardings.length === 0 && <p>{t('desk.forwarding.none')}</p>}
      <ul>
        {data?.forwardings.map((f) => (
          <li key={f.summary.id}>
            <SummaryLine summary={f.summary} />
            {f.opened !== null && <EventList events={f.opened.events} />}
          </li>
        ))}
      </ul>
      {!forwardable && <p>{t('desk.forwarding.notForwardable')}</p>}
      {forwardable && answers !== null && data !== null && <ForwardForm session={session} alert={alert} answers={answers} consent={data.journalistConsent} alreadyTo={data.forwardings.filter((f) => f.summary.onwardOf === null).map((f) => f.summary.toOrg.id)} onSent={props.onForwarded ?? load} />}
    </section>
  );
}
