/**
 * The alert form, in the order the reporter is asked: what, where, when, which institution,
 * how much, what happened, files, then the optional identity and consent. The form is never
 * submitted natively: it is encrypted and sent by the client, and stays on screen if that fails.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n/catalogues.ts';
import { errorText } from '../../shared/components/error-banner.tsx';
import { goTo } from '../reporter-state.ts';
import { AlertFormFields } from './alert-form-fields.tsx';
import { ensurePlaces, formErrors, refusedSubmits, sendLater, sendState, submitForm } from './alert-form-state.ts';
import { ALERT_FORM_FIELDS } from './alert-form-values.ts';
import { FIELD_TARGETS, fieldError } from './field-error.ts';
import { SendProgress } from './send-progress.tsx';

function ErrorSummary() {
  const ref = useRef<HTMLDivElement>(null);
  const refused = refusedSubmits.value;
  useEffect(() => {
    if (refused > 0) ref.current?.focus();
  }, [refused]);
  const fields = ALERT_FORM_FIELDS.filter((field) => formErrors.value[field] !== undefined);
  if (fields.length === 0) return null;
  return (
    <div class="banner banner--error" role="alert" tabIndex={-1} ref={ref} data-testid="error-summary">
      <p>{t('form.errors', { count: fields.length })}</p>
      <ul>
        {fields.map((field) => (
          <li key={field}>
            <button type="button" class="button button--link" onClick={() => document.getElementById(FIELD_TARGETS[field])?.focus()}>
              {fieldError(field)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SendFailed(props: { readonly error: unknown }) {
  return (
    <div class="banner banner--error" role="alert" data-testid="send-failed">
      <p>
        <strong>{t('send.failed')}</strong> {errorText(props.error)}
      </p>
      <p>{t('send.failedKept')}</p>
      <button type="button" class="button button--primary" data-testid="send-retry" onClick={() => void submitForm()}>
        {t('action.retry')}
      </button>
    </div>
  );
}

export function AlertFormPage() {
  useEffect(() => {
    void ensurePlaces();
  }, []);
  const state = sendState.value;
  if (state.status === 'sending' || (state.status === 'failed' && state.kept)) return <SendProgress state={state} />;
  return (
    <form
      class="panel"
      noValidate
      autocomplete="off"
      aria-labelledby="form-title"
      data-testid="alert-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submitForm();
      }}
    >
      <h1 id="form-title">{t('form.title')}</h1>
      <p>{t('form.intro')}</p>
      {state.status === 'failed' && <SendFailed error={state.error} />}
      <ErrorSummary />
      <AlertFormFields />
      <div class="actions">
        <button type="submit" class="button button--primary" data-testid="submit-alert">
          {t('form.submit')}
        </button>
        <button type="button" class="button button--secondary" data-testid="send-later" aria-describedby="send-later-hint" onClick={() => void sendLater()}>
          {t('send.later')}
        </button>
        <button type="button" class="button button--link" data-testid="form-back" onClick={() => goTo({ name: 'home' })}>
          {t('action.back')}
        </button>
      </div>
      <p class="field__hint" id="send-later-hint">
        {t('send.laterHint')}
      </p>
    </form>
  );
}
