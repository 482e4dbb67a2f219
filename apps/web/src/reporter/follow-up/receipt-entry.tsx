/**
 * Coming back with a receipt. The check digit is verified here, before any request; only
 * then does the client spend its Argon2id derivation and send the lookup token.
 * SECURITY: the input has no name and autocomplete off, so the browser's form history keeps
 * no copy; it is cleared as soon as the alert is open.
 */
import { useState } from 'preact/hooks';
import { openReporterAlert } from '@kenekanko/client';
import { t } from '../../i18n/catalogues.ts';
import { reporterApi } from './reporter-api.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { Field, controlProps } from '../../shared/components/field.tsx';
import { readPinnedCoalitionKey } from '../../shared/pins.ts';
import { followSession, goTo } from '../reporter-state.ts';
import { checkReceiptInput } from './receipt-input.ts';
import type { ReceiptCheck } from './receipt-input.ts';

export function ReceiptEntry() {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<Extract<ReceiptCheck, { ok: false }> | null>(null);
  const [opening, setOpening] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function open(): Promise<void> {
    const check = checkReceiptInput(value);
    setFailure(null);
    if (!check.ok) {
      setProblem(check);
      return;
    }
    setProblem(null);
    setOpening(true);
    const pinned = readPinnedCoalitionKey();
    try {
      const session = await openReporterAlert(reporterApi(), check.receipt, pinned === undefined ? {} : { pinnedCoalitionKey: pinned });
      setValue('');
      followSession.value = session;
    } catch (error) {
      setFailure(error);
    } finally {
      setOpening(false);
    }
  }

  const hint = t('follow.receiptHint');
  const error = problem === null ? undefined : t(problem.key, problem.params);
  return (
    <form
      class="panel"
      noValidate
      autocomplete="off"
      aria-labelledby="follow-title"
      data-testid="receipt-form"
      onSubmit={(event) => {
        event.preventDefault();
        void open();
      }}
    >
      <h1 id="follow-title">{t('follow.title')}</h1>
      {failure !== null && <ErrorBanner error={failure} testId="follow-error" />}
      <Field id="receipt-input" label={t('follow.receipt')} hint={hint} error={error}>
        <input
          type="text"
          inputMode="numeric"
          autocomplete="off"
          spellcheck={false}
          class="receipt-input"
          {...controlProps('receipt-input', hint, error)}
          value={value}
          disabled={opening}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
      </Field>
      {opening && (
        <p role="status" class="field__hint">
          {t('follow.opening')}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={opening} data-testid="receipt-open">
          {t('follow.open')}
        </button>
        <button type="button" class="button button--link" data-testid="follow-back" onClick={() => goTo({ name: 'home' })}>
          {t('action.back')}
        </button>
      </div>
    </form>
  );
}
