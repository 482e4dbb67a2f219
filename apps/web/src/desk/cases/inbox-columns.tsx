/** The inbox's case-work columns: priority, assignee, next deadline and labels (opened in the browser). */
import type { AlertSummary } from '@kenekanko/contracts';
import type { BoardCase } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { DueBadge } from './due-badge.tsx';

export type Board = { readonly cases: ReadonlyMap<string, BoardCase>; readonly logins: ReadonlyMap<string, string> };

export function CaseColumnHeads() {
  return (
    <>
      <th scope="col">{t('desk.cases.inbox.priority')}</th>
      <th scope="col">{t('desk.cases.inbox.assignee')}</th>
      <th scope="col">{t('desk.cases.inbox.due')}</th>
      <th scope="col">{t('desk.cases.inbox.labels')}</th>
    </>
  );
}

export function CaseColumns(props: { readonly alert: AlertSummary; readonly board: Board | null }) {
  const { alert, board } = props;
  const entry = board?.cases.get(alert.id);
  const assignee = alert.assigneeId === null ? t('desk.cases.unassigned') : (board?.logins.get(alert.assigneeId) ?? alert.assigneeId);
  return (
    <>
      <td data-label={t('desk.cases.inbox.priority')}>
        <span class={`priority priority--${alert.priority}`} data-testid="inbox-priority">
          {t(`desk.cases.priority.${alert.priority}`)}
        </span>
      </td>
      <td data-label={t('desk.cases.inbox.assignee')} data-testid="inbox-assignee">
        {assignee}
      </td>
      <td data-label={t('desk.cases.inbox.due')}>
        <DueBadge item={entry?.nextDue ?? null} />
      </td>
      <td data-label={t('desk.cases.inbox.labels')} data-testid="inbox-labels">
        {entry === undefined || entry.labels.length === 0 ? '' : entry.labels.join(', ')}
      </td>
    </>
  );
}
