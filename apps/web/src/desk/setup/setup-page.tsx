/**
 * First setup (/setup#token=…): the organisation, its coordinator, and every key pair, made
 * in this browser by the client. The token is read once from the fragment and removed from
 * the address bar at once (main.tsx), so it stays in neither the history nor a screenshot.
 */
import { useEffect, useState } from 'preact/hooks';
import { setupPlatform } from '@kenekanko/client';
import type { SetupResult } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { api } from '../../shared/api.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { Field, controlProps } from '../../shared/components/field.tsx';
import { RecoveryKeys } from './recovery-keys.tsx';
import { checkSetupForm } from './setup-values.ts';
import type { SetupField, SetupFormValues } from './setup-values.ts';

const EMPTY: SetupFormValues = { organisationName: '', login: '', password: '', passwordAgain: '' };

const FIELDS: readonly { readonly name: SetupField; readonly type: 'text' | 'password'; readonly hint?: 'desk.setup.loginHint' | 'desk.setup.passwordHint' }[] = [
  { name: 'organisationName', type: 'text' },
  { name: 'login', type: 'text', hint: 'desk.setup.loginHint' },
  { name: 'password', type: 'password', hint: 'desk.setup.passwordHint' },
  { name: 'passwordAgain', type: 'password' },
];

const LABELS = {
  organisationName: 'desk.setup.organisationName',
  login: 'desk.setup.login',
  password: 'desk.setup.password',
  passwordAgain: 'desk.setup.passwordAgain',
} as const;

export function SetupPage(props: { readonly token: string | null }) {
  const [values, setValues] = useState<SetupFormValues>(EMPTY);
  const [errors, setErrors] = useState<ReturnType<typeof checkSetupForm> | null>(null);
  const [working, setWorking] = useState(false);
  const [maliPreset, setMaliPreset] = useState(true);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<SetupResult | null>(null);
  // A reused link should say at once that the platform is set up, not after the whole form.
  const [alreadySetUp, setAlreadySetUp] = useState(false);
  useEffect(() => {
    api()
      .setupStatus()
      .then((status) => setAlreadySetUp(!status.needsSetup))
      .catch(() => undefined); // offline or failing: the form still reports the server's answer on submit
  }, []);

  if (result !== null) return <RecoveryKeys keys={result.recoveryKeys} />;
  if (alreadySetUp) {
    return (
      <section class="panel">
        <h1>{t('desk.setup.title')}</h1>
        <p class="banner banner--ok" role="status" data-testid="setup-already-done">
          {t('desk.setup.alreadyDone')}
        </p>
        <a class="button button--primary" href="/desk">
          {t('desk.setup.continue')}
        </a>
      </section>
    );
  }
  const token = props.token;
  if (token === null) {
    return (
      <section class="panel">
        <h1>{t('desk.setup.title')}</h1>
        <p class="banner banner--error" role="alert" data-testid="setup-no-token">
          {t('desk.setup.noToken')}
        </p>
      </section>
    );
  }

  async function submit(currentToken: string): Promise<void> {
    const check = checkSetupForm(values, currentToken);
    setErrors(check);
    setFailure(null);
    if (!check.ok) return;
    setWorking(true);
    try {
      const done = await setupPlatform(api(), { ...check.input, maliPreset });
      setValues(EMPTY); // the password is no longer needed anywhere
      setResult(done);
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(false);
    }
  }

  const fieldErrors = errors !== null && !errors.ok ? errors.errors : {};
  return (
    <form
      class="panel"
      noValidate
      aria-labelledby="setup-title"
      data-testid="setup-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(token);
      }}
    >
      <h1 id="setup-title">{t('desk.setup.title')}</h1>
      <p>{t('desk.setup.intro')}</p>
      {failure !== null && (
        <ErrorBanner error={failure} testId="setup-error">
          <p>
            <a href="/desk">{t('desk.login.title')}</a>
          </p>
        </ErrorBanner>
      )}
      {FIELDS.map((field) => {
        const error = fieldErrors[field.name];
        const message = error === undefined ? undefined : t(error.key, error.params);
        const hint = field.hint === undefined ? undefined : t(field.hint);
        const inputProps = {
          ...controlProps(`setup-${field.name}`, hint, message),
          value: values[field.name],
          disabled: working,
          onInput: (event: { readonly currentTarget: HTMLInputElement }) => setValues({ ...values, [field.name]: event.currentTarget.value }),
        };
        return (
          <Field key={field.name} id={`setup-${field.name}`} label={t(LABELS[field.name])} hint={hint} error={message}>
            {field.type === 'password' ? (
              <input type="password" {...inputProps} autocomplete="new-password" />
            ) : (
              <input type="text" {...inputProps} autocomplete="off" autocapitalize="none" spellcheck={false} />
            )}
          </Field>
        );
      })}
      <label class="choice" for="setup-mali-preset">
        <input type="checkbox" id="setup-mali-preset" data-testid="setup-mali-preset" checked={maliPreset} disabled={working} onChange={(event) => setMaliPreset(event.currentTarget.checked)} />
        <span>{t('desk.orgs.preset')}</span>
      </label>
      {working && (
        <p role="status" class="field__hint">
          {t('desk.setup.working')}
        </p>
      )}
      <button type="submit" class="button button--primary" disabled={working} data-testid="setup-submit">
        {t('desk.setup.submit')}
      </button>
    </form>
  );
}
