import { useState } from 'preact/hooks';
import { MAX_MESSAGE_CHARS } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { Field, controlProps } from '../../shared/components/field.tsx';

/** A text box and a button that encrypts and sends what was typed (a message, a note). */
export function TextActionForm(props: { readonly id: string; readonly label: string; readonly submit: string; readonly onSend: (text: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function send(): Promise<void> {
    const trimmed = text.trim();
    const tooLong = trimmed.length > MAX_MESSAGE_CHARS;
    setProblem(trimmed === '' ? t('desk.invalid.required') : tooLong ? t('invalid.tooLong', { count: MAX_MESSAGE_CHARS }) : undefined);
    if (trimmed === '' || tooLong) return;
    setFailure(null);
    setBusy(true);
    try {
      await props.onSend(trimmed);
      setText('');
    } catch (error) {
      setFailure(error); // the text stays, to try again
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="text-action"
      noValidate
      data-testid={`${props.id}-form`}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {failure !== null && <ErrorBanner error={failure} />}
      <Field id={props.id} label={props.label} error={problem}>
        <textarea {...controlProps(props.id, undefined, problem)} rows={4} spellcheck={false} value={text} disabled={busy} onInput={(event) => setText(event.currentTarget.value)} />
      </Field>
      <button type="submit" class="button button--primary" disabled={busy} data-testid={`${props.id}-submit`}>
        {props.submit}
      </button>
    </form>
  );
}
