/**
 * The receipt handed to a citizen in the field: on screen large, in groups of four, to read
 * out or copy; printed alone (field.css's print rules hide the rest of the page): the receipt,
 * this site's address and how to come back. Nothing else: no organisation, no focal point,
 * no date, nothing about the alert, so a slip found on someone says as little as possible.
 *
 * SECURITY: the receipt lives only in this component's props (memory); "done" drops it.
 */
import { useState } from 'preact/hooks';
import { formatReceipt } from '@kenekanko/crypto';
import { language } from '../../i18n/catalogues.ts';
import { t } from '../../i18n/desk/catalogues.ts';
import { outbox } from '../../reporter/offline/outbox.ts';
import { canReadAloud, readAloud } from './read-aloud.ts';
import type { FieldSlip } from './field-state.ts';

function SlipStatus(props: { readonly submissionId: string }) {
  const waiting = outbox.value.some((item) => item.submissionId === props.submissionId);
  return (
    <p class={`banner ${waiting ? 'banner--warning' : 'banner--ok'} field-slip__screen`} role="status" data-testid="slip-status" data-sent={waiting ? 'no' : 'yes'}>
      {t(waiting ? 'desk.field.slip.waiting' : 'desk.field.slip.sent')}
    </p>
  );
}

export function ReceiptSlip(props: { readonly slip: FieldSlip; readonly onDone: () => void }) {
  const groups = formatReceipt(props.slip.receipt).split(' ');
  const [noVoice, setNoVoice] = useState(false);
  const address = typeof location === 'undefined' ? '' : location.origin;
  const speak = () => setNoVoice(!readAloud(props.slip.receipt, language.value));
  return (
    <section class="panel field-slip" aria-labelledby="slip-title" data-testid="field-slip">
      <SlipStatus submissionId={props.slip.submissionId} />
      <p class="field-slip__screen">{t('desk.field.slip.handOver')}</p>
      <div class="field-slip__paper">
        <h1 id="slip-title">{t('desk.field.slip.title')}</h1>
        <h2 class="receipt__label" id="slip-label">
          {t('desk.field.slip.label')}
        </h2>
        <p class="receipt field-slip__receipt" aria-labelledby="slip-label" data-testid="slip-receipt">
          {groups.flatMap((group, i) => [i === 0 ? null : ' ', <span key={i} class="receipt__group">{group}</span>])}
        </p>
        <p data-testid="slip-address">{t('desk.field.slip.comeBack', { address })}</p>
        <p>{t('desk.field.slip.keep')}</p>
      </div>
      {noVoice && (
        <p class="banner banner--warning field-slip__screen" role="status">
          {t('desk.field.slip.noVoice')}
        </p>
      )}
      <div class="actions field-slip__screen">
        <button type="button" class="button button--secondary" data-testid="slip-print" onClick={() => window.print()}>
          {t('desk.field.slip.print')}
        </button>
        <button type="button" class="button button--secondary" data-testid="slip-read-aloud" data-voice={canReadAloud(language.value) ? 'yes' : 'no'} onClick={speak}>
          {t('desk.field.slip.readAloud')}
        </button>
        <button type="button" class="button button--primary" data-testid="slip-done" onClick={props.onDone}>
          {t('desk.field.slip.done')}
        </button>
      </div>
    </section>
  );
}
