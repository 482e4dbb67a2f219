/**
 * The reporter's side of an open alert: its state in plain words, what they sent, the
 * conversation, and a reply. SECURITY: the session (holding keys derived from the receipt)
 * lives only in memory and is dropped by "close" or by leaving the page.
 */
import { useState } from 'preact/hooks';
import type { ReporterSession } from '@kenekanko/client';
import { formats, t } from '../../i18n/catalogues.ts';
import { formatDay } from '../../i18n/format.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { followSession, goTo } from '../reporter-state.ts';
import { Conversation } from './conversation.tsx';
import { IdentityDecisions } from './identity-decisions.tsx';
import { ForwardingStatus } from './forwarding-status.tsx';
import { ReceiptEntry } from './receipt-entry.tsx';
import { ReplyForm } from './reply-form.tsx';

function YourAlert(props: { readonly session: ReporterSession }) {
  const { answers } = props.session;
  // Deleted with the rest of the ciphertext when the alert was closed as spam.
  if (answers === null) return null;
  return (
    <details class="your-alert">
      <summary>{t('follow.yourAlert')}</summary>
      <p>
        <strong>{t(`kind.${answers.statistics.kind}`)}</strong>
      </p>
      <p class="message__text">{answers.description}</p>
      {answers.attachments.length > 0 && (
        <p class="message__files">{t('follow.attachments', { count: answers.attachments.length, names: answers.attachments.map((file) => file.name).join(', ') })}</p>
      )}
    </details>
  );
}

function SessionView(props: { readonly session: ReporterSession }) {
  const { session } = props;
  const [refreshing, setRefreshing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function refresh(): Promise<void> {
    setRefreshing(true);
    setFailure(null);
    try {
      followSession.value = await session.refresh();
    } catch (error) {
      setFailure(error);
    } finally {
      setRefreshing(false);
    }
  }

  return (
    <section class="panel" aria-labelledby="follow-status-title">
      <h1 id="follow-status-title">{t('follow.status')}</h1>
      {failure !== null && <ErrorBanner error={failure} />}
      <p class={`state-badge state-badge--${session.state}`} data-testid="reporter-state">
        {t(`state.${session.state}`)}
      </p>
      <p>{t('follow.handledBy', { name: session.organisationName })}</p>
      <p>{t('follow.received', { day: formatDay(session.receivedDay, formats()) })}</p>
      <YourAlert session={session} />
      <IdentityDecisions session={session} />
      <ForwardingStatus session={session} />
      <h2>{t('follow.messages')}</h2>
      <Conversation messages={session.messages} organisationName={session.organisationName} />
      <ReplyForm session={session} />
      <div class="actions">
        <button type="button" class="button button--secondary" disabled={refreshing} data-testid="follow-refresh" onClick={() => void refresh()}>
          {t('follow.refresh')}
        </button>
        <button
          type="button"
          class="button button--link"
          data-testid="follow-close"
          onClick={() => {
            followSession.value = null;
            goTo({ name: 'home' });
          }}
        >
          {t('follow.close')}
        </button>
      </div>
    </section>
  );
}

export function FollowUpPage() {
  const session = followSession.value;
  return session === null ? <ReceiptEntry /> : <SessionView session={session} />;
}
