import type { OpenedStateChange } from '@kenekanko/client';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDateTime } from '../../i18n/format.ts';

/** 'reporter' and 'system' are roles, anything else is a staff login shown as is. */
function actorName(actor: string): string {
  if (actor === 'reporter') return t('desk.actor.reporter');
  if (actor === 'system') return t('desk.actor.system');
  return actor;
}

/** Every change of state, with who made it and why (reasons decrypted with the desk key). */
export function HistoryView(props: { readonly history: readonly OpenedStateChange[] }) {
  return (
    <ol class="history" data-testid="history">
      {props.history.map((change) => (
        <li key={change.seq} class="history__item">
          <p class="history__what">
            {change.fromState === null
              ? t('desk.alert.historyCreated', { actor: actorName(change.actor) })
              : t('desk.alert.historyEntry', { from: t(`desk.state.${change.fromState}`), to: t(`desk.state.${change.toState}`), actor: actorName(change.actor) })}
          </p>
          <p class="field__hint">{formatDateTime(change.createdAt, locale())}</p>
          {change.reason !== null && <p class="history__reason">{change.reason}</p>}
          {change.reasonBroken !== null && (
            <p class="history__reason banner banner--warning" data-testid="reason-broken">
              {t('desk.alert.reasonBroken')}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
