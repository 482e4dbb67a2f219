/**
 * Choosing what goes: recipients from the signed directory (authorities, and media only with
 * the reporter's verified consent), fields, attachments and messages, and spans of the
 * description masked by selecting them. The preview shows exactly the text that will be sealed.
 */
import { useRef, useState } from 'preact/hooks';
import { chosenFields, forwardCase, maskText, WHOLE_CASE } from '@kenekanko/client';
import type { ConsentState, ConversationEntry, OpenedAlert, PackageSelection, Span, StaffSession } from '@kenekanko/client';
import { PACKAGE_FIELDS } from '@kenekanko/contracts';
import type { AnswersPayload, PackageField } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure, placeIndex } from '../desk-state.ts';
import { fieldRows, messageHeading } from './package-rows.ts';
import { PackageRows } from './package-rows-list.tsx';
import { recipientChoices } from './recipient-choices.ts';

type ReadMessage = Extract<ConversationEntry, { readonly verified: true }>;
const readable = (m: ConversationEntry): m is ReadMessage => m.verified;

const toggle = <T,>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);

function Check(props: { readonly id: string; readonly label: string; readonly checked: boolean; readonly onChange: () => void }) {
  return (
    <label class="choice" for={props.id}>
      <input id={props.id} type="checkbox" checked={props.checked} onChange={props.onChange} data-testid={props.id} /> {props.label}
    </label>
  );
}

function Masking(props: { readonly text: string; readonly spans: readonly Span[]; readonly onChange: (spans: Span[]) => void }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const mask = () => {
    const el = area.current;
    if (el !== null && el.selectionEnd > el.selectionStart) props.onChange([...props.spans, { start: el.selectionStart, end: el.selectionEnd }]);
  };
  return (
    <div class="field">
      <label class="field__label" for="forward-description">{t('desk.forwarding.maskLabel')}</label>
      <p class="field__hint">{t('desk.forwarding.maskHint')}</p>
      <textarea id="forward-description" ref={area} readOnly rows={6} value={props.text} data-testid="forward-description" />
      <button type="button" class="button button--secondary" onClick={mask} data-testid="forward-mask">{t('desk.forwarding.mask')}</button>
      <button type="button" class="button button--link" onClick={() => props.onChange([])}>{t('desk.forwarding.unmask')}</button>
    </div>
  );
}

function Preview(props: { readonly alert: OpenedAlert; readonly answers: AnswersPayload; readonly selection: PackageSelection }) {
  const { selection } = props;
  const messages = props.alert.messages.filter(readable).filter((m) => selection.messageSeqs.includes(m.seq));
  return (
    <div class="forward-preview" data-testid="forward-preview">
      <PackageRows rows={fieldRows(chosenFields(props.answers, selection), placeIndex.value)} testId="forward-preview-fields" />
      <ol>
        {messages.map((m) => (
          <li key={m.seq}><strong>{messageHeading(m)}</strong> <span class="answers__text">{maskText(m.text, selection.messageMasks?.[m.seq])}</span></li>
        ))}
      </ol>
      {selection.note !== '' && <blockquote class="answers__text">{selection.note}</blockquote>}
    </div>
  );
}

export function ForwardForm(props: { readonly session: StaffSession; readonly alert: OpenedAlert; readonly answers: AnswersPayload; readonly consent: ConsentState; readonly alreadyTo: readonly string[]; readonly onSent: () => Promise<void> }) {
  const { session, alert, answers } = props;
  const [selection, setSelection] = useState<PackageSelection>(WHOLE_CASE(answers, alert.messages));
  const [recipients, setRecipients] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const spans = selection.masks.description ?? [];
  const { choices, notice } = recipientChoices(session.keyring.directory, alert.summary.orgId, props.consent, props.alreadyTo);
  const set = (patch: Partial<PackageSelection>) => setSelection({ ...selection, ...patch });

  async function send(): Promise<void> {
    setBusy(true);
    setFailure(null);
    setSentTo(null);
    try {
      await forwardCase(session, alert, recipients, selection);
      // The form starts again from nothing chosen: no ready-made package to send twice.
      setSentTo(choices.filter((o) => recipients.includes(o.id)).map((o) => o.name).join(', '));
      setRecipients([]);
      setSelection(WHOLE_CASE(answers, alert.messages));
      await props.onSent();
    } catch (error) {
      setFailure(deskFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="forward-form" noValidate data-testid="forward-form" onSubmit={(e) => { e.preventDefault(); void send(); }}>
      {failure !== null && <ErrorBanner error={failure} />}
      {sentTo !== null && <p class="banner banner--ok" role="status" data-testid="forward-sent">{t('desk.forwarding.sentTo', { to: sentTo })}</p>}
      <fieldset>
        <legend>{t('desk.forwarding.recipients')}</legend>
        {notice !== null && <p data-testid="forward-no-recipients">{t(notice)}</p>}
        {choices.map((o) => (
          <Check key={o.id} id={`forward-to-${o.id}`} label={`${o.name} (${t(`desk.forwarding.kind.${o.kind}`)})`} checked={recipients.includes(o.id)} onChange={() => setRecipients(toggle(recipients, o.id))} />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('desk.forwarding.fields')}</legend>
        {PACKAGE_FIELDS.map((f: PackageField) => (
          <Check key={f} id={`forward-field-${f}`} label={t(`desk.forwarding.field.${f}`)} checked={selection.fields.includes(f)} onChange={() => set({ fields: toggle(selection.fields, f) })} />
        ))}
      </fieldset>
      {selection.fields.includes('description') && <Masking text={answers.description} spans={spans} onChange={(next) => set({ masks: { ...selection.masks, description: next } })} />}
      <fieldset>
        <legend>{t('desk.forwarding.attachments')}</legend>
        {answers.attachments.map((a) => (
          <Check key={a.blobId} id={`forward-file-${a.blobId}`} label={a.name} checked={selection.attachmentBlobIds.includes(a.blobId)} onChange={() => set({ attachmentBlobIds: toggle(selection.attachmentBlobIds, a.blobId) })} />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('desk.forwarding.messages')}</legend>
        {alert.messages.filter(readable).map((m) => (
          <Check key={m.seq} id={`forward-message-${m.seq}`} label={`${messageHeading(m)} — ${m.text}`} checked={selection.messageSeqs.includes(m.seq)} onChange={() => set({ messageSeqs: toggle(selection.messageSeqs, m.seq) })} />
        ))}
      </fieldset>
      <div class="field">
        <label class="field__label" for="forward-note">{t('desk.forwarding.note')}</label>
        <textarea id="forward-note" rows={3} value={selection.note} onInput={(e) => set({ note: e.currentTarget.value })} />
      </div>
      <h3>{t('desk.forwarding.preview')}</h3>
      <Preview alert={alert} answers={answers} selection={selection} />
      <button type="submit" class="button button--primary" disabled={busy || recipients.length === 0} data-testid="forward-send">{t('desk.forwarding.send')}</button>
    </form>
  );
}
