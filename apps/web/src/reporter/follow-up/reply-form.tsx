import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReporterSession } from '@kenekanko/client';
import { t } from '../../i18n/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { Field, controlProps } from '../../shared/components/field.tsx';
import { AttachmentsField } from '../files/attachments-field.tsx';
import { VoiceEntry } from '../voice/index.ts';
import type { FileEntry } from '../files/file-entry.ts';
import { followSession } from '../reporter-state.ts';
import { checkReply } from './reply-values.ts';

type Status = { readonly name: 'idle' } | { readonly name: 'sending' } | { readonly name: 'sent' } | { readonly name: 'failed'; readonly error: unknown };

/** The reporter's answer: text and files, the files cleaned exactly as in the alert form. */
export function ReplyForm(props: { readonly session: ReporterSession }) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<readonly FileEntry[]>([]);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<Status>({ name: 'idle' });
  // The problem is also said beside the button and takes the focus: on a small phone the
  // field's own message sits above the screen's top, and nothing would seem to happen.
  const problemRef = useRef<HTMLParagraphElement>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (problem !== undefined) problemRef.current?.focus();
  }, [problem, attempt]);

  async function send(): Promise<void> {
    const check = checkReply(text, files);
    if (!check.ok) {
      setProblem(t(check.key, check.params));
      setAttempt((count) => count + 1);
      return;
    }
    setProblem(undefined);
    setStatus({ name: 'sending' });
    try {
      await props.session.reply(check.text, check.files);
      setText('');
      setFiles([]);
      setStatus({ name: 'sent' });
      followSession.value = await props.session.refresh();
    } catch (error) {
      // What was typed stays, so the reporter can try again.
      setStatus({ name: 'failed', error });
    }
  }

  const sending = status.name === 'sending';
  return (
    <form
      class="reply"
      noValidate
      autocomplete="off"
      data-testid="reply-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {status.name === 'failed' && <ErrorBanner error={status.error} testId="reply-error" />}
      {status.name === 'sent' && (
        <p class="banner banner--ok" role="status" data-testid="reply-sent">
          {t('follow.sent')}
        </p>
      )}
      <Field id="reply-text" label={t('follow.reply')} error={problem}>
        <textarea {...controlProps('reply-text', undefined, problem)} rows={5} autocomplete="off" spellcheck={false} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      </Field>
      <VoiceEntry files={files} onFiles={(change) => setFiles((current) => change(current))} purpose="reply" />
      <AttachmentsField id="reply-files" legend={t('files.legend')} files={files} onFiles={(change) => setFiles((current) => change(current))} />
      {problem !== undefined && (
        <p class="banner banner--error" role="alert" tabIndex={-1} ref={problemRef} data-testid="reply-problem">
          {problem}
        </p>
      )}
      <button type="submit" class="button button--primary" disabled={sending} data-testid="reply-send">
        {sending ? t('follow.sending') : t('follow.send')}
      </button>
    </form>
  );
}
