/**
 * What waits on this phone, said plainly on every view: how many alerts, how big, whether
 * they are leaving now, and a way to discard each (asked twice: a discarded alert is gone).
 * Also says once when a waiting alert has been sent, and that nothing of it remains.
 */
import './outbox.css';
import { useState } from 'preact/hooks';
import { formats, t } from '../../i18n/catalogues.ts';
import { formatBytes } from '../../i18n/format.ts';
import { assertNever } from '../../shared/assert-never.ts';
import { errorText } from '../../shared/components/error-banner.tsx';
import { discard, outbox, sendWaiting, sentFromOutbox } from './outbox.ts';
import type { OutboxItem } from './outbox.ts';

function ItemStatus(props: { readonly item: OutboxItem }) {
  const { item } = props;
  switch (item.status) {
    case 'waiting':
      return <p>{t('outbox.waiting')}</p>;
    case 'sending': {
      const { sentBytes, totalBytes } = item.progress;
      return (
        <>
          <p>{t('outbox.sending')}</p>
          <progress class="progress" aria-label={t('outbox.sending')} max={totalBytes > 0 ? totalBytes : undefined} value={totalBytes > 0 ? sentBytes : undefined} />
          {totalBytes > 0 && <p class="field__hint">{t('send.bytes', { sent: formatBytes(sentBytes, formats()), total: formatBytes(totalBytes, formats()) })}</p>}
        </>
      );
    }
    case 'failed':
      return (
        <p>
          <strong>{t('send.failed')}</strong> {errorText(item.error)}
        </p>
      );
    case 'unreadable':
      return <p>{t('outbox.unreadable')}</p>;
    default:
      return assertNever(item);
  }
}

function Item(props: { readonly item: OutboxItem }) {
  const { item } = props;
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <li class="outbox__item">
        <p>{t('outbox.discardConfirm')}</p>
        <div class="actions">
          <button type="button" class="button button--secondary" data-testid="outbox-discard-yes" onClick={() => void discard(item.submissionId)}>
            {t('outbox.discardYes')}
          </button>
          <button type="button" class="button button--link" onClick={() => setConfirming(false)}>
            {t('action.cancel')}
          </button>
        </div>
      </li>
    );
  }
  return (
    <li class="outbox__item" data-testid="outbox-item" data-status={item.status}>
      <ItemStatus item={item} />
      <div class="actions">
        {(item.status === 'waiting' || item.status === 'failed') && (
          <button type="button" class="button button--secondary" data-testid="outbox-send" onClick={() => void sendWaiting(true)}>
            {t('outbox.sendNow')}
          </button>
        )}
        {item.status !== 'sending' && (
          <button type="button" class="button button--link" data-testid="outbox-discard" onClick={() => setConfirming(true)}>
            {t('outbox.discard')}
          </button>
        )}
      </div>
    </li>
  );
}

export function OutboxNotice() {
  const items = outbox.value;
  const sent = sentFromOutbox.value;
  if (items.length === 0) {
    if (sent === 0) return null;
    return (
      <p class="banner banner--ok" role="status" data-testid="outbox-sent">
        {t('outbox.sent', { count: sent })}
      </p>
    );
  }
  const bytes = items.reduce((sum, item) => sum + item.bytes, 0);
  return (
    <section class="banner banner--warning outbox" aria-labelledby="outbox-title" aria-live="polite" data-testid="outbox">
      <h2 id="outbox-title" class="outbox__title">
        {t('outbox.summary', { count: items.length, size: formatBytes(bytes, formats()) })}
      </h2>
      <p class="field__hint">{t('outbox.onPhone')}</p>
      <ul class="outbox__items">
        {items.map((item) => (
          <Item key={item.submissionId} item={item} />
        ))}
      </ul>
    </section>
  );
}
