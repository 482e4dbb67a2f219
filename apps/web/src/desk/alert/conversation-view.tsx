import type { AttachmentRef } from '@kenekanko/contracts';
import type { ConversationEntry } from '@kenekanko/client';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDay } from '../../i18n/format.ts';
import { AttachmentList } from './attachment-item.tsx';

/**
 * The conversation as staff see it: both sides, each message verified by the client. A
 * message that does not verify or open is shown only as broken, never with its content.
 */
export function ConversationView(props: { readonly messages: readonly ConversationEntry[]; readonly download: (ref: AttachmentRef) => Promise<Uint8Array> }) {
  if (props.messages.length === 0) return <p class="field__hint">{t('desk.alert.noMessages')}</p>;
  return (
    <ol class="desk-messages" data-testid="conversation">
      {props.messages.map((message) => (
        <li key={message.seq} class={`desk-message desk-message--${message.senderType}`} data-testid="desk-message">
          <p class="field__hint">
            <strong>{t(`desk.from.${message.senderType}`)}</strong> · {formatDay(message.createdDay, locale())}
          </p>
          {message.verified ? (
            <>
              {message.text !== '' && <p class="desk-message__text">{message.text}</p>}
              {message.attachments.length > 0 && <AttachmentList files={message.attachments} download={props.download} />}
            </>
          ) : (
            <p class="banner banner--warning" data-testid="desk-message-broken">
              {t(`desk.broken.${message.broken}`)}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
