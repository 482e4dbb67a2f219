import type { ConversationEntry, DecryptedMessage } from '@kenekanko/client';
import { formats, t } from '../../i18n/catalogues.ts';
import { formatDay } from '../../i18n/format.ts';

function MessageBody(props: { readonly message: DecryptedMessage }) {
  const { message } = props;
  return (
    <>
      {message.text !== '' && <p class="message__text">{message.text}</p>}
      {message.attachments.length > 0 && (
        <p class="message__files">
          {t('follow.attachments', { count: message.attachments.length, names: message.attachments.map((file) => file.name).join(', ') })}
        </p>
      )}
    </>
  );
}

/**
 * The conversation, both sides, oldest first, each message with its day. SECURITY: a message
 * that does not verify or open is shown only as broken, never with any content.
 */
export function Conversation(props: { readonly messages: readonly ConversationEntry[]; readonly organisationName: string }) {
  if (props.messages.length === 0) return <p class="field__hint">{t('follow.noMessages')}</p>;
  return (
    <ol class="messages">
      {props.messages.map((message) => (
        <li key={message.seq} class={`message message--${message.senderType}`} data-testid="message">
          <p class="message__meta">
            <strong>{message.senderType === 'reporter' ? t('follow.fromYou') : props.organisationName}</strong>{' '}
            {t('follow.sentOn', { day: formatDay(message.createdDay, formats()) })}
          </p>
          {message.verified ? (
            <MessageBody message={message} />
          ) : (
            <p class="banner banner--warning" data-testid="message-broken">
              {t('follow.broken')}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
