/**
 * On the alert page: the retention that applies (policy, due day, deletion done) and, for
 * coordinators, a hold with a reason under the desk key, or its release.
 */
import { holdAlert, loadAlertRetention, releaseAlertHold } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDateTime, formatDay } from '../../i18n/format.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { TextActionForm } from '../alert/text-action-form.tsx';
import { useAction, useLoad } from './use-load.ts';

export function RetentionHold(props: { readonly session: StaffSession; readonly alertId: string; readonly orgId: string }) {
  const { session, alertId } = props;
  const { state, reload } = useLoad(() => loadAlertRetention(session, alertId), [session, alertId]);
  const action = useAction();
  const coordinator = session.me.memberships.some((m) => m.orgId === props.orgId && m.role === 'coordinator');
  if (state.status === 'loading') return null;
  if (state.status === 'failed') return <ErrorBanner error={state.error} />;
  const view = state.value;
  return (
    <section class="panel" aria-labelledby="retention-hold-title" data-testid="retention-hold">
      <h2 id="retention-hold-title">{t('desk.custody.hold.title')}</h2>
      <p>{view.months === null ? t('desk.custody.hold.off') : t('desk.custody.hold.policy', { months: view.months })}</p>
      {view.deletedAt !== null && <p>{t('desk.custody.hold.deleted', { date: formatDateTime(view.deletedAt, locale()) })}</p>}
      {view.hold !== null && (
        <>
          <p data-testid="retention-held">{t('desk.custody.hold.on', { login: view.hold.setByLogin, date: formatDateTime(view.hold.createdAt, locale()) })}</p>
          {view.holdReason !== null && <p>{t('desk.custody.hold.reason', { reason: view.holdReason })}</p>}
        </>
      )}
      {view.hold === null && view.dueDay !== null && <p>{t('desk.custody.hold.due', { day: formatDay(view.dueDay, locale()) })}</p>}
      {action.failure !== null && <ErrorBanner error={action.failure} />}
      {coordinator && view.deletedAt === null && view.hold !== null && (
        <button type="button" class="button button--secondary" disabled={action.busy} onClick={() => void action.run(async () => void (await releaseAlertHold(session, alertId))).then(() => reload())}>
          {t('desk.custody.hold.release')}
        </button>
      )}
      {coordinator && view.deletedAt === null && view.hold === null && (
        <TextActionForm
          id="retention-hold-reason"
          label={t('desk.custody.hold.setReason')}
          submit={t('desk.custody.hold.set')}
          onSend={async (reason) => {
            await holdAlert(session, alertId, reason);
            await reload();
          }}
        />
      )}
    </section>
  );
}
