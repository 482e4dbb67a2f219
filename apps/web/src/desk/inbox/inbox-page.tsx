/**
 * The inbox: every alert of the user's organisations, newest activity first (or highest
 * priority first), filterable by state, with the case-work columns (priority, assignee, next
 * deadline, labels opened in this browser).
 */
import { useEffect, useState } from 'preact/hooks';
import { ALERT_STATES } from '@kenekanko/contracts';
import type { AlertState, AlertSummary } from '@kenekanko/contracts';
import type { StaffSession } from '@kenekanko/client';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { daysBetween, todayDay } from '../../i18n/format.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { placeName } from '../../shared/places.ts';
import { deskFailure, openView, placeIndex } from '../desk-state.ts';
import { loadBoard } from '@kenekanko/client';
import { byPriority } from '../cases/case-values.ts';
import { CaseColumnHeads, CaseColumns } from '../cases/inbox-columns.tsx';
import type { Board } from '../cases/inbox-columns.tsx';

type Load = { readonly status: 'loading' } | { readonly status: 'ready'; readonly alerts: readonly AlertSummary[]; readonly board: Board | null } | { readonly status: 'failed'; readonly error: unknown };
type Sort = 'recent' | 'priority';

function Row(props: { readonly alert: AlertSummary; readonly today: string; readonly board: Board | null }) {
  const { alert, today } = props;
  const age = daysBetween(alert.receivedDay, today);
  return (
    <tr data-testid="inbox-row">
      <td data-label={t('desk.inbox.state')}>
        <span class={`state state--${alert.state}`}>{t(`desk.state.${alert.state}`)}</span>
      </td>
      <td data-label={t('desk.inbox.age')}>{age === null ? '—' : t('desk.age', { count: Math.max(age, 0) })}</td>
      <td data-label={t('desk.inbox.kind')}>{t(`kind.${alert.statistics.kind}`)}</td>
      <td data-label={t('desk.inbox.region')}>{placeName(placeIndex.value, alert.statistics.regionId)}</td>
      <td data-label={t('desk.inbox.messages')}>{new Intl.NumberFormat(locale()).format(alert.messageCount)}</td>
      <td data-label={t('desk.inbox.lastFrom')}>{alert.lastMessageFrom === null ? t('desk.from.none') : t(`desk.from.${alert.lastMessageFrom}`)}</td>
      <CaseColumns alert={alert} board={props.board} />
      <td>
        <button type="button" class="button button--secondary" data-testid="inbox-open" onClick={() => openView({ name: 'alert', alertId: alert.id })}>
          {t('desk.inbox.open')}
        </button>
      </td>
    </tr>
  );
}

/** The case-work columns are a convenience: the inbox still shows without them. */
async function loadCaseBoard(session: StaffSession, alerts: readonly AlertSummary[]): Promise<Board | null> {
  try {
    const orgOf = new Map(alerts.map((a) => [a.id, a.orgId]));
    const { cases, members } = await loadBoard(session, (alertId) => orgOf.get(alertId));
    return { cases, logins: new Map(members.map((m) => [m.userId, m.login])) };
  } catch (error) {
    deskFailure(error);
    return null;
  }
}

export function InboxPage(props: { readonly session: StaffSession }) {
  const [filter, setFilter] = useState<AlertState | ''>('');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [sort, setSort] = useState<Sort>('recent');

  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    props.session
      .listAlerts(filter === '' ? {} : { state: filter })
      .then(async (alerts) => {
        const board = await loadCaseBoard(props.session, alerts);
        if (current) setLoad({ status: 'ready', alerts, board });
      })
      .catch((error: unknown) => current && setLoad({ status: 'failed', error: deskFailure(error) }));
    return () => {
      current = false;
    };
  }, [props.session, filter, generation]);

  const today = todayDay();
  return (
    <section class="panel wide" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('desk.inbox.title')}</h1>
      <div class="toolbar">
        <div class="field">
          <label class="field__label" for="inbox-filter">
            {t('desk.inbox.filter')}
          </label>
          <select id="inbox-filter" value={filter} onChange={(event) => setFilter(ALERT_STATES.find((state) => state === event.currentTarget.value) ?? '')}>
            <option value="">{t('desk.inbox.allStates')}</option>
            {ALERT_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`desk.state.${state}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="inbox-sort">
            {t('desk.cases.sort')}
          </label>
          <select id="inbox-sort" data-testid="inbox-sort" value={sort} onChange={(event) => setSort(event.currentTarget.value === 'priority' ? 'priority' : 'recent')}>
            <option value="recent">{t('desk.cases.sort.recent')}</option>
            <option value="priority">{t('desk.cases.sort.priority')}</option>
          </select>
        </div>
        <button type="button" class="button button--secondary" data-testid="inbox-refresh" onClick={() => setGeneration(generation + 1)}>
          {t('desk.inbox.refresh')}
        </button>
      </div>
      {load.status === 'loading' && <p role="status">{t('desk.working')}</p>}
      {load.status === 'failed' && <ErrorBanner error={load.error} />}
      {load.status === 'ready' && load.alerts.length === 0 && <p data-testid="inbox-empty">{t('desk.inbox.empty')}</p>}
      {load.status === 'ready' && load.alerts.length > 0 && (
        <table class="inbox" data-testid="inbox-table">
          <thead>
            <tr>
              <th scope="col">{t('desk.inbox.state')}</th>
              <th scope="col">{t('desk.inbox.age')}</th>
              <th scope="col">{t('desk.inbox.kind')}</th>
              <th scope="col">{t('desk.inbox.region')}</th>
              <th scope="col">{t('desk.inbox.messages')}</th>
              <th scope="col">{t('desk.inbox.lastFrom')}</th>
              <CaseColumnHeads />
              <th scope="col">
                <span class="visually-hidden">{t('desk.inbox.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(sort === 'priority' ? byPriority(load.alerts) : load.alerts).map((alert) => (
              <Row key={alert.id} alert={alert} today={today} board={load.board} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
