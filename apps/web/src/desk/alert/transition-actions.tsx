/** State-change buttons for the allowed transitions only; each asks for a reason first. */
import { useState } from 'preact/hooks';
import { MAX_MESSAGE_CHARS } from '@kenekanko/contracts';
import type { AlertState } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { Field, controlProps } from '../../shared/components/field.tsx';
import { checkTransition, offeredTransitions } from './transition-values.ts';
import type { TransitionCheck } from './transition-values.ts';

type Props = {
  readonly alertId: string;
  readonly allowed: readonly AlertState[];
  readonly onTransition: (to: AlertState, reason: string, duplicateOf?: string) => Promise<void>;
};

function TransitionForm(props: { readonly to: AlertState; readonly alertId: string; readonly onDone: () => void; readonly onTransition: Props['onTransition'] }) {
  const [reason, setReason] = useState('');
  const [original, setOriginal] = useState('');
  const [check, setCheck] = useState<TransitionCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function confirm(): Promise<void> {
    const result = checkTransition(props.to, reason, original, props.alertId);
    setCheck(result);
    setFailure(null);
    if (!result.ok) return;
    setBusy(true);
    try {
      await props.onTransition(props.to, result.reason, result.duplicateOf);
      props.onDone();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  const reasonError = check !== null && !check.ok && check.reason !== undefined ? t(check.reason, { count: MAX_MESSAGE_CHARS }) : undefined;
  const originalError = check !== null && !check.ok && check.duplicateOf !== undefined ? t(check.duplicateOf) : undefined;
  return (
    <form
      class="transition-form"
      noValidate
      data-testid="transition-form"
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
    >
      {failure !== null && <ErrorBanner error={failure} />}
      <Field id="transition-reason" label={t('desk.alert.reason')} error={reasonError}>
        <textarea {...controlProps('transition-reason', undefined, reasonError)} rows={3} spellcheck={false} value={reason} disabled={busy} onInput={(event) => setReason(event.currentTarget.value)} />
      </Field>
      {props.to === 'duplicate' && (
        <Field id="transition-duplicate-of" label={t('desk.alert.duplicateOf')} error={originalError}>
          <input type="text" {...controlProps('transition-duplicate-of', undefined, originalError)} autocomplete="off" spellcheck={false} value={original} disabled={busy} onInput={(event) => setOriginal(event.currentTarget.value)} />
        </Field>
      )}
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={busy} data-testid="transition-confirm">
          {t('desk.alert.confirmTransition', { state: t(`desk.state.${props.to}`) })}
        </button>
        <button type="button" class="button button--link" disabled={busy} onClick={props.onDone}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

export function TransitionActions(props: Props) {
  const [chosen, setChosen] = useState<AlertState | null>(null);
  const offered = offeredTransitions(props.allowed);
  if (offered.length === 0) return <p class="field__hint">{t('desk.alert.noActions')}</p>;
  return (
    <div>
      <div class="actions" role="group" aria-label={t('desk.alert.actions')}>
        {offered.map((state) => (
          <button
            key={state}
            type="button"
            class={chosen === state ? 'button button--primary' : 'button button--secondary'}
            aria-pressed={chosen === state}
            data-testid={`transition-${state}`}
            onClick={() => setChosen(chosen === state ? null : state)}
          >
            {t(`desk.state.${state}`)}
          </button>
        ))}
      </div>
      {chosen !== null && <TransitionForm key={chosen} to={chosen} alertId={props.alertId} onTransition={props.onTransition} onDone={() => setChosen(null)} />}
    </div>
  );
}
