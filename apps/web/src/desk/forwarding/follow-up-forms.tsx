/** The recipient's actions on a forwarding: acknowledge, record an action (with details), conclude, forward onwards. */
import { useState } from 'preact/hooks';
import { forwardingRecipients } from '@kenekanko/client';
import type { OpenedForwarding, StaffSession } from '@kenekanko/client';
import { FORWARDING_ACTIONS, FORWARDING_TRANSITIONS } from '@kenekanko/contracts';
import type { ForwardingAction } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure } from '../desk-state.ts';

export function FollowUpForms(props: { readonly session: StaffSession; readonly opened: OpenedForwarding; readonly done: () => Promise<void> }) {
  const { opened } = props;
  const state = opened.view.summary.state;
  const [action, setAction] = useState<ForwardingAction>('investigation-opened');
  const [text, setText] = useState('');
  const [amount, setAmount] = useState('');
  const [onwardTo, setOnwardTo] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = (work: () => Promise<unknown>) => async () => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      setText('');
      setAmount('');
      await props.done();
    } catch (error) {
      setFailure(deskFailure(error));
    } finally {
      setBusy(false);
    }
  };
  const allowed = FORWARDING_TRANSITIONS[state];
  const amountFcfa = /^\d{1,15}$/.test(amount) ? Number(amount) : null;
  const others = forwardingRecipients(props.session.keyring.directory, opened.viewerOrgId).filter((o) => o.kind === 'authority');
  return (
    <div class="follow-up-forms" data-testid="follow-up-forms">
      {failure !== null && <ErrorBanner error={failure} />}
      <div class="field">
        <label class="field__label" for="follow-up-details">{t('desk.forwarding.details')}</label>
        <textarea id="follow-up-details" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="follow-up-details" />
      </div>
      {allowed.includes('acknowledged') && (
        <button type="button" class="button button--primary" disabled={busy} data-testid="forwarding-acknowledge" onClick={run(() => opened.acknowledge(text))}>{t('desk.forwarding.acknowledge')}</button>
      )}
      {allowed.includes('action-recorded') && (
        <>
          <div class="field">
            <label class="field__label" for="follow-up-action">{t('desk.forwarding.actionKind')}</label>
            <select id="follow-up-action" value={action} onChange={(e) => setAction(e.currentTarget.value as ForwardingAction)} data-testid="follow-up-action">
              {FORWARDING_ACTIONS.map((a) => <option key={a} value={a}>{t(`desk.forwarding.action.${a}`)}</option>)}
            </select>
          </div>
          {action === 'amount-recovered' && (
            <div class="field">
              <label class="field__label" for="follow-up-amount">{t('desk.forwarding.amount')}</label>
              <input id="follow-up-amount" inputMode="numeric" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
            </div>
          )}
          <button type="button" class="button button--primary" disabled={busy} data-testid="forwarding-record" onClick={run(() => opened.recordAction(action, { text, amountFcfa }))}>{t('desk.forwarding.recordAction')}</button>
        </>
      )}
      {allowed.includes('concluded') && (
        <button type="button" class="button button--secondary" disabled={busy} data-testid="forwarding-conclude" onClick={run(() => opened.conclude(text))}>{t('desk.forwarding.conclude')}</button>
      )}
      {/* Always shown, so a liaison knows the option exists even when no other authority is listed yet. */}
      <h3>{t('desk.forwarding.forwardOn')}</h3>
      {others.length === 0 && <p class="field__hint" data-testid="forward-onward-none">{t('desk.forwarding.forwardOnNone')}</p>}
      {others.length > 0 && (
        <div class="field">
          <label class="field__label" for="forward-onward">{t('desk.forwarding.forwardOn')}</label>
          <p class="field__hint">{t('desk.forwarding.forwardOnHint')}</p>
          <select id="forward-onward" value={onwardTo} onChange={(e) => setOnwardTo(e.currentTarget.value)}>
            <option value="">—</option>
            {others.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
          <button type="button" class="button button--secondary" disabled={busy || onwardTo === ''} onClick={run(() => opened.forwardOnward(onwardTo, text === '' ? undefined : text))}>{t('desk.forwarding.forwardOnSubmit')}</button>
        </div>
      )}
    </div>
  );
}
