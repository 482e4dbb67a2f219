/** A deadline as a short badge (inbox) or a sentence (alert page, Due page). */
import type { DueItem } from '@kenekanko/contracts';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDay } from '../../i18n/format.ts';

export function DueBadge(props: { readonly item: DueItem | null }) {
  const { item } = props;
  if (item === null) return null;
  return (
    <span class={item.overdue ? 'due-badge due-badge--overdue' : 'due-badge'} data-testid="due-badge" title={t(`desk.cases.dueKind.${item.kind}`)}>
      {item.overdue ? t('desk.cases.badge.overdue') : t('desk.cases.badge.due', { day: formatDay(item.dueDay, locale()) })}
    </span>
  );
}

export function DueSentence(props: { readonly item: DueItem }) {
  const { item } = props;
  const day = formatDay(item.dueDay, locale());
  return (
    <span class={item.overdue ? 'due-text due-text--overdue' : 'due-text'} data-testid="due-item">
      {t(`desk.cases.dueKind.${item.kind}`)}
      {' · '}
      {item.overdue ? t('desk.cases.overdueSince', { day }) : t('desk.cases.dueOn', { day })}
    </span>
  );
}
