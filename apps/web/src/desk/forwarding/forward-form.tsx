/**
 * Choosing what goes: recipients from the signed directory (authorities, and media only with
 * the reporter's verified consent), fields, attachments and messages, and spans of the
 * description masked by selecting them. The preview shows exactly the text that will be sealed.
 */
import { useRef, useState } from 'preact/hooks';
import { forwardCase, forwardingRecipients, maskText, WHOLE_CASE } from '@kenekanko/client';
import type { ConsentState, OpenedAlert, PackageSelection, Span, StaffSession } from '@kenekanko/client';
import { PACKAGE_FIELDS } from '@kenekanko/contracts';
import type { AnswersPayload, PackageField } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure } from '../desk-state.ts';

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
      <label class="field__label" for="forward-description">{t('desk.forwarding.field.description')}</label>
      <p class="field__hint">{t('desk.forwarding.maskHint')}</p>
      <textarea id="forward-description" ref={area} readOnly rows={6} value={props.text} data-testid="forward-description" />
      <button type="button" class="button button--secondary" onClick={mask} data-testid="forward-mask">{t('desk.forwarding.mask')}</button>
      <button type="button" class="button button--link" onClick={() => props.onChange([])}>{t('desk.forwarding.unmask')}</button>
    </div>
  );
}

export function ForwardForm(props: { readonly session: StaffSession; readonly alert: OpenedAlert; readonly answers: AnswersPayload; readonly consent: ConsentState; readonly onSent: () => Promise<void> }) {
  const { session, alert, answers } = props;
  const [selection, setSelection] = useState<PackageSelection>(WHOLE_CASE(answers, alert.messages));
  const [recipients, setRecipients] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const spans = selection.masks.description ?? [];
  const choices = forwardingRecipients(session.keyring.directory, alert.summary.orgId).filter((o) => o.kind === 'authority' || props.consent === 'given');
  const set = (patch: Partial<PackageSelection>) => setSelection({ ...selection, ...patch });

  async function send(): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      await forwardCase(session, alert, recipients, selection);
      setRecipients([]);
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
      <fieldset>
        <legend>{t('desk.forwarding.recipients')}</legend>
        {choices.length === 0 && <p>{t('desk.forwarding.noRecipients')}</p>}
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
        {alert.messages.filter((m) => m.verified).map((m) => (
          <Check key={m.seq} id={`forward-message-${m.seq}`} label={t('desk.forwarding.messageSeq', { seq: m.seq })} checked={selection.messageSeqs.includes(m.seq)} onChange={() => set({ messageSeqs: toggle(selection.messageSeqs, m.seq) })} />
        ))}
      </fieldset>
      <div class="field">
        <label class="field__label" for="forward-note">{t('desk.forwarding.note')}</label>
        <textarea id="forward-note" rows={3} value={selection.note} onInput={(e) => set({ note: e.currentTarget.value })} />
      </div>
      <h3>{t('desk.forwarding.preview')}</h3>
      <pre class="forward-preview" data-testid="forward-preview">{selection.fields.includes('description') ? maskText(answers.description, spans) : t('desk.forwarding.withheld')}</pre>
      <button type="submit" class="button button--primary" disabled={busy || recipients.length === 0} data-testid="forward-send">{t('desk.forwarding.send')}</button>
    </form>
  );
}
