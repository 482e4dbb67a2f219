/**
 * One alert, opened (decrypted) in this browser. After every action the alert is opened
 * again, so what is shown is always what the server now holds, checked by the client.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OpenedAlert, StaffSession } from '@kenekanko/client';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDay } from '../../i18n/format.ts';
import { KeyFailureBanner } from '../orgs/key-failure-banner.tsx';
import { deskFailure, openView } from '../desk-state.ts';
import { AnswersView } from './answers-view.tsx';
import { AttachmentList } from './attachment-item.tsx';
import { ConversationView } from './conversation-view.tsx';
import { HistoryView } from './history-view.tsx';
import { NotesView } from './notes-view.tsx';
import { TextActionForm } from './text-action-form.tsx';
import { TransitionActions } from './transition-actions.tsx';
import { AlertCustody } from '../custody/alert-custody.tsx';
import { ForwardingPanel } from '../forwarding/forwarding-panel.tsx';
import { CasePanel } from '../cases/case-panel.tsx';

/** Why no answers are shown: deleted as spam, no key, or an envelope that did not open. */
function answersMissingKey(alert: OpenedAlert): 'desk.alert.answersDeleted' | 'desk.alert.noAnswers' | 'desk.alert.answersBroken' | 'desk.alert.answersKeyMismatch' {
  switch (alert.answersProblem) {
    case null:
      return alert.summary.state === 'spam' ? 'desk.alert.answersDeleted' : 'desk.alert.noAnswers';
    case 'missing-key':
      return 'desk.alert.noAnswers';
    case 'cannot-decrypt':
      return 'desk.alert.answersBroken';
    case 'key-mismatch':
      return 'desk.alert.answersKeyMismatch';
    default:
      return assertNever(alert.answersProblem);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected answers problem: ${String(value)}`);
}

type Load = { readonly status: 'loading' } | { readonly status: 'ready'; readonly alert: OpenedAlert } | { readonly status: 'failed'; readonly error: unknown };

function AlertDetails(props: { readonly alert: OpenedAlert; readonly reload: () => Promise<void> }) {
  const { alert, reload } = props;
  const { summary, answers } = alert;
  const act =
    <A extends unknown[]>(action: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      await action(...args);
      await reload();
    };
  return (
    <>
      <section class="panel" aria-labelledby="alert-title">
        <h1 id="alert-title">{t('desk.alert.title', { day: formatDay(summary.receivedDay, locale()) })}</h1>
        <p>
          <span class={`state state--${summary.state}`} data-testid="alert-state">
            {t(`desk.state.${summary.state}`)}
          </span>
        </p>
        <p class="field__hint">
          <span data-testid="alert-id">{t('desk.alert.id', { id: summary.id })}</span>
        </p>
        {answers !== null && !alert.statisticsMatch && (
          <p class="banner banner--error" role="alert" data-testid="statistics-mismatch">
            {t('desk.alert.statisticsMismatch')}
          </p>
        )}
        <h2>{t('desk.alert.answers')}</h2>
        {answers === null ? (
          <p class="banner banner--warning" data-testid="answers-missing">
            {t(answersMissingKey(alert))}
          </p>
        ) : (
          <AnswersView answers={answers} />
        )}
        <h2>{t('desk.alert.attachments')}</h2>
        <AttachmentList files={answers?.attachments ?? []} download={alert.downloadAttachment} />
      </section>
      <section class="panel" aria-labelledby="actions-title">
        <h2 id="actions-title">{t('desk.alert.actions')}</h2>
        <TransitionActions alertId={summary.id} allowed={alert.allowedTransitions} onTransition={act(alert.transition)} />
      </section>
      <section class="panel" aria-labelledby="conversation-title">
        <h2 id="conversation-title">{t('desk.alert.conversation')}</h2>
        <ConversationView messages={alert.messages} download={alert.downloadAttachment} />
        <TextActionForm id="message" label={t('desk.alert.message')} submit={t('desk.alert.sendMessage')} onSend={act(alert.sendMessage)} />
      </section>
      <section class="panel panel--internal" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('desk.alert.notes')}</h2>
        <NotesView notes={alert.notes} />
        <TextActionForm id="note" label={t('desk.alert.note')} submit={t('desk.alert.addNote')} onSend={act(alert.addNote)} />
      </section>
      <section class="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t('desk.alert.history')}</h2>
        <HistoryView history={alert.history} />
      </section>
    </>
  );
}

export function AlertPage(props: { readonly session: StaffSession; readonly alertId: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  async function reload(): Promise<void> {
    try {
      setLoad({ status: 'ready', alert: await props.session.openAlert(props.alertId) });
    } catch (error) {
      setLoad({ status: 'failed', error: deskFailure(error) });
    }
  }

  useEffect(() => {
    setLoad({ status: 'loading' });
    void reload();
  }, [props.session, props.alertId]);

  return (
    <div class="alert-page">
      <p>
        <button type="button" class="button button--link" data-testid="alert-back" onClick={() => openView({ name: 'inbox' })}>
          ← {t('desk.alert.back')}
        </button>
      </p>
      {load.status === 'loading' && <p role="status">{t('desk.working')}</p>}
      {load.status === 'failed' && <KeyFailureBanner session={props.session} error={load.error} />}
      {load.status === 'ready' && <AlertDetails alert={load.alert} reload={reload} />}
      {load.status === 'ready' && <CasePanel session={props.session} alertId={props.alertId} />}
      {load.status === 'ready' && <AlertCustody session={props.session} alertId={props.alertId} orgId={load.alert.summary.orgId} />}
      {load.status === 'ready' && <ForwardingPanel session={props.session} alert={load.alert} onForwarded={reload} />}
    </div>
  );
}
