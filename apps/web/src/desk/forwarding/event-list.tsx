/** A forwarding's summary line and its events, as both sides see them (details decrypted in this browser). */
import type { OpenedEvent } from '@kenekanko/client';
import type { ForwardingSummary } from '@kenekanko/contracts';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDay } from '../../i18n/format.ts';

const today = (): string => new Date().toISOString().slice(0, 10);

export function DueBadge(props: { readonly summary: ForwardingSummary }) {
  const s = props.summary;
  if (s.state !== 'sent') return null;
  const overdue = today() > s.ackDueDay;
  return (
    <span class={overdue ? 'badge badge--overdue' : 'badge'} data-testid="forwarding-due">
      {t(overdue ? 'desk.forwarding.overdue' : 'desk.forwarding.due', { day: formatDay(s.ackDueDay, locale()) })}
    </span>
  );
}

export function SummaryLine(props: { readonly summary: ForwardingSummary }) {
  const s = props.summary;
  return (
    <p data-testid="forwarding-summary">
      {t('desk.forwarding.summaryLine', { to: s.toOrg.name, from: s.fromOrg.name, state: t(`desk.forwarding.state.${s.state}`), day: formatDay(s.sentAt.slice(0, 10), locale()) })}{' '}
      <DueBadge summary={s} />
      {s.onwardOf !== null && <span class="field__hint"> {t('desk.forwarding.onward', { from: s.fromOrg.name })}</span>}
    </p>
  );
}

function what(event: OpenedEvent): string {
  if (event.kind === 'action' && event.action !== null) return t(`desk.forwarding.action.${event.action}`);
  return t(event.kind === 'concluded' ? 'desk.forwarding.event.concluded' : 'desk.forwarding.event.acknowledged');
}

export function EventList(props: { readonly events: readonly OpenedEvent[] }) {
  return (
    <ol class="forwarding-events" data-testid="forwarding-events">
      {props.events.map((e) => (
        <li key={e.seq}>
          {t('desk.forwarding.eventLine', { when: formatDay(e.createdAt.slice(0, 10), locale()), what: what(e), actor: e.actor })}
          {e.details !== null && e.details.text !== '' && <blockquote>{e.details.text}</blockquote>}
          {e.details?.amountFcfa != null && <p>{t('desk.forwarding.amount')}: {e.details.amountFcfa}</p>}
          {e.detailsBroken && <p class="banner banner--warning">{t('desk.forwarding.detailsBroken')}</p>}
        </li>
      ))}
    </ol>
  );
}
