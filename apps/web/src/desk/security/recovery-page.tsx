/**
 * Lost password: the printed recovery key and a new password restore access, without the
 * administrator and without the server seeing either (client recoverAccount). The second
 * factor is still asked for. A replaced recovery key is shown once, here.
 */
import { useState } from 'preact/hooks';
import { isClientError, MIN_PASSWORD_LENGTH, recoverAccount } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { api } from '../../shared/api.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { Field, controlProps } from '../../shared/components/field.tsx';
import { CodeForm, useCodePrompt } from './code-prompt.tsx';

const AUTOCOMPLETE = { login: 'username', key: 'off', password: 'new-password', again: 'new-password' } as const;

type Form = { readonly login: string; readonly key: string; readonly password: string; readonly again: string; readonly replace: boolean };

function problems(form: Form): Partial<Record<keyof Form, string>> {
  const required = t('desk.invalid.required');
  return {
    ...(form.login.trim() === '' ? { login: required } : {}),
    ...(form.key.trim() === '' ? { key: required } : {}),
    ...([...form.password].length < MIN_PASSWORD_LENGTH ? { password: t('desk.security.recovery.passwordShort') } : {}),
    ...(form.again !== form.password ? { again: t('desk.security.recovery.passwordMismatch') } : {}),
  };
}

/** A recovery-key failure in words; other failures go to the error banner. */
function keyProblem(error: unknown): string | undefined {
  if (!isClientError(error) || !error.issues.includes('recoveryKey')) return undefined;
  return error.code === 'missing-key' ? t('desk.security.recovery.keyWrong') : t('desk.security.recovery.keyMistyped');
}

function NewKey(props: { readonly newKey: string | null; readonly onBack: () => void }) {
  return (
    <section class="panel narrow" aria-labelledby="recovered-title" data-testid="recovery-done">
      <h1 id="recovered-title">{t('desk.security.recovery.title')}</h1>
      <p class="banner banner--ok" role="status">
        {t('desk.security.recovery.done')}
      </p>
      {props.newKey !== null && (
        <>
          <p class="banner banner--warning">{t('desk.security.recovery.newKey')}</p>
          <code class="recovery__key" data-testid="recovery-new-key">
            {props.newKey}
          </code>
        </>
      )}
      <button type="button" class="button button--primary" data-testid="recovery-back" onClick={props.onBack}>
        {t('desk.security.recovery.back')}
      </button>
    </section>
  );
}

export function RecoveryPage(props: { readonly onBack: () => void }) {
  const [form, setForm] = useState<Form>({ login: '', key: '', password: '', again: '', replace: true });
  const [shown, setShown] = useState(false);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<{ readonly newKey: string | null } | null>(null);
  const [prompt, askCode] = useCodePrompt();
  const found = shown ? problems(form) : {};
  const keyError = found.key ?? keyProblem(failure);
  const set = (patch: Partial<Form>): void => setForm({ ...form, ...patch });

  async function submit(): Promise<void> {
    setShown(true);
    setFailure(null);
    if (Object.keys(problems(form)).length > 0) return;
    setWorking(true);
    try {
      const result = await recoverAccount(api(), { login: form.login, recoveryKey: form.key, newPassword: form.password, replaceRecoveryKey: form.replace, askCode });
      setForm({ ...form, key: '', password: '', again: '' });
      setDone({ newKey: result.newRecoveryKey });
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(false);
    }
  }

  if (done !== null) return <NewKey newKey={done.newKey} onBack={props.onBack} />;
  if (prompt !== null) {
    return (
      <section class="panel narrow" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('desk.security.recovery.title')}</h1>
        <CodeForm id="recovery-code" again={prompt.attempt > 1} onCode={prompt.answer} />
      </section>
    );
  }
  const input = (name: 'login' | 'key' | 'password' | 'again', type: 'text' | 'password', label: string, error: string | undefined, hint?: string) => {
    const common = {
      ...controlProps(`recovery-${name}`, hint, error),
      autocomplete: AUTOCOMPLETE[name],
      spellcheck: false,
      value: form[name],
      disabled: working,
      onInput: (event: { readonly currentTarget: HTMLInputElement }) => set({ [name]: event.currentTarget.value }),
    };
    return (
      <Field id={`recovery-${name}`} label={label} hint={hint} error={error}>
        {type === 'password' ? <input type="password" {...common} /> : <input type="text" {...common} />}
      </Field>
    );
  };
  return (
    <form class="panel narrow" noValidate aria-labelledby="recovery-title" data-testid="recovery-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h1 id="recovery-title">{t('desk.security.recovery.title')}</h1>
      <p>{t('desk.security.recovery.intro')}</p>
      {failure !== null && keyProblem(failure) === undefined && <ErrorBanner error={failure} testId="recovery-error" />}
      {input('login', 'text', t('desk.login.login'), found.login)}
      {input('key', 'text', t('desk.security.recovery.key'), keyError, t('desk.security.recovery.keyHint'))}
      {input('password', 'password', t('desk.security.recovery.password'), found.password)}
      {input('again', 'password', t('desk.security.recovery.passwordAgain'), found.again)}
      <label class="choice" for="recovery-replace">
        <input type="checkbox" id="recovery-replace" checked={form.replace} disabled={working} onChange={(event) => set({ replace: event.currentTarget.checked })} />
        <span>{t('desk.security.recovery.replace')}</span>
      </label>
      {working && (
        <p role="status" class="field__hint">
          {t('desk.security.recovery.working')}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={working} data-testid="recovery-submit">
          {t('desk.security.recovery.submit')}
        </button>
        <button type="button" class="button button--secondary" disabled={working} onClick={props.onBack}>
          {t('desk.security.recovery.back')}
        </button>
      </div>
    </form>
  );
}
