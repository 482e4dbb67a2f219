/**
 * The receipt, shown once, large, in groups of four. The reporter can continue only after
 * saying they wrote it down. SECURITY: it is never stored, never in the URL; continuing (or
 * leaving the page) drops the only reference to it.
 */
import { useState } from 'preact/hooks';
import { formatReceipt } from '@kenekanko/crypto';
import { formats, t } from '../i18n/catalogues.ts';
import { formatDay } from '../i18n/format.ts';
import { goTo } from './reporter-state.ts';
import type { ShownReceipt } from './reporter-state.ts';

export function ReceiptPage(props: { readonly result: ShownReceipt }) {
  const { receivedDay } = props.result;
  const [noted, setNoted] = useState(false);
  const groups = formatReceipt(props.result.receipt).split(' ');
  return (
    <section class="panel" aria-labelledby="receipt-title">
      <h1 id="receipt-title">{t(receivedDay === null ? 'receipt.titleWaiting' : 'receipt.title')}</h1>
      {/* Sealed for later: it leaves by itself when the network returns (offline/outbox.ts). */}
      <p data-testid="receipt-status">{receivedDay === null ? t('receipt.waiting') : t('receipt.received', { day: formatDay(receivedDay, formats()) })}</p>
      <h2 class="receipt__label" id="receipt-label">
        {t('receipt.label')}
      </h2>
      <p class="receipt" aria-labelledby="receipt-label" data-testid="receipt">
        {/* Real spaces between groups, so copying or reading the text aloud keeps them. */}
        {groups.flatMap((group, i) => [i === 0 ? null : ' ', <span key={i} class="receipt__group">{group}</span>])}
      </p>
      <p class="banner banner--warning" data-testid="receipt-warning">
        {t('receipt.warning')}
      </p>
      <label class="choice" for="receipt-noted">
        <input type="checkbox" id="receipt-noted" checked={noted} onChange={(event) => setNoted(event.currentTarget.checked)} />
        <span>{t('receipt.confirm')}</span>
      </label>
      <button type="button" class="button button--primary" disabled={!noted} data-testid="receipt-continue" onClick={() => goTo({ name: 'home' })}>
        {t('receipt.continue')}
      </button>
    </section>
  );
}
