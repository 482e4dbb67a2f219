/**
 * Staff login. The client derives the keys from the password here; only a login key is sent.
 * When the account has a second factor, the server answers 'second-factor-required' and the
 * page asks for the authenticator code (the password's key derivation is not repeated). The
 * "lost password" link leads to recovery with the printed recovery key.
 */
import { useState } from 'preact/hooks';
import { staffLogin } from '@kenekanko/client';
import { t } from '../i18n/desk/catalogues.ts';
import { api } from '../shared/api.ts';
import { ErrorBanner } from '../shared/components/error-banner.tsx';
import { Field, controlProps } from '../shared/components/field.tsx';
import { startSession } from './desk-state.ts';
import { CodeForm, useCodePrompt } from './security/code-prompt.tsx';
import { RecoveryPage } from './security/recovery-page.tsx';

export function LoginPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [recovering, setRecovering] = useState(false);
  const [prompt, askCode] = useCodePrompt();

  async function submit(): Promise<void> {
    setFailure(null);
    setMissing(login.trim() === '' || password === '');
    if (login.trim() === '' || password === '') return;
    setWorking(true);
    try {
      const opened = await staffLogin(api(), login, password, { askCode });
      setPassword('');
      await startSession(opened);
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(false);
    }
  }

  if (recovering) return <RecoveryPage onBack={() => setRecovering(false)} />;
  if (prompt !== null) {
    return (
      <section class="panel narrow" aria-labelledby="login-title" data-testid="login-code">
        <h1 id="login-title">{t('desk.login.title')}</h1>
        <CodeForm id="login-totp" again={prompt.attempt > 1} onCode={prompt.answer} />
      </section>
    );
  }
  const required = t('desk.invalid.required');
  return (
    <form
      class="panel narrow"
      noValidate
      aria-labelledby="login-title"
      data-testid="login-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h1 id="login-title">{t('desk.login.title')}</h1>
      {failure !== null && <ErrorBanner error={failure} testId="login-error" />}
      <Field id="login" label={t('desk.login.login')} error={missing && login.trim() === '' ? required : undefined}>
        <input type="text" {...controlProps('login', undefined, missing && login.trim() === '' ? required : undefined)} autocomplete="username" autocapitalize="none" spellcheck={false} value={login} disabled={working} onInput={(event) => setLogin(event.currentTarget.value)} />
      </Field>
      <Field id="password" label={t('desk.login.password')} error={missing && password === '' ? required : undefined}>
        <input type="password" {...controlProps('password', undefined, missing && password === '' ? required : undefined)} autocomplete="current-password" value={password} disabled={working} onInput={(event) => setPassword(event.currentTarget.value)} />
      </Field>
      {working && (
        <p role="status" class="field__hint">
          {t('desk.login.working')}
        </p>
      )}
      <button type="submit" class="button button--primary" disabled={working} data-testid="login-submit">
        {t('desk.login.submit')}
      </button>
      <p class="field__hint">{t('desk.login.note')}</p>
      <button type="button" class="button button--link" disabled={working} data-testid="login-recover" onClick={() => setRecovering(true)}>
        {t('desk.security.recovery.link')}
      </button>
    </form>
  );
}
