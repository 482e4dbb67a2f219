/** When, which institution, how much, and what happened. */
import { INSTITUTION_TYPES, MAX_DESCRIPTION_CHARS } from '@kenekanko/contracts';
import { formats, t } from '../../i18n/catalogues.ts';
import { formatFcfa, parseAmountInput, todayDay } from '../../i18n/format.ts';
import { Field, controlProps } from '../../shared/components/field.tsx';
import { form, updateForm } from './alert-form-state.ts';
import { fieldError } from './field-error.ts';

/** Show the countdown only near the end: a long text should not feel rationed. */
const COUNTDOWN_FROM = 1000;

// SECURITY: free-text inputs turn off spell checking and autocomplete: some browsers' enhanced
// spell checkers send the text to a third party, and autofill keeps what was typed.
const PRIVATE_TEXT = { autocomplete: 'off', spellcheck: false, autocapitalize: 'sentences' } as const;

export function WhenField() {
  const error = fieldError('when');
  const hint = t('form.whenHint');
  return (
    <Field id="when" label={t('form.when')} hint={hint} error={error}>
      <input type="date" {...controlProps('when', hint, error)} max={todayDay()} value={form.value.when} onInput={(event) => updateForm({ when: event.currentTarget.value })} />
    </Field>
  );
}

export function InstitutionFields() {
  const typeError = fieldError('institutionType');
  const nameError = fieldError('institutionName');
  const nameHint = t('form.institutionNameHint');
  return (
    <>
      <Field id="institutionType" label={t('form.institutionType')} error={typeError}>
        <select
          {...controlProps('institutionType', undefined, typeError)}
          value={form.value.institutionType}
          onChange={(event) => {
            const value = INSTITUTION_TYPES.find((type) => type === event.currentTarget.value);
            updateForm({ institutionType: value ?? '' });
          }}
        >
          <option value="">{t('field.choose')}</option>
          {INSTITUTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`institution.${type}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="institutionName" label={t('form.institutionName')} hint={nameHint} error={nameError}>
        <input type="text" {...controlProps('institutionName', nameHint, nameError)} {...PRIVATE_TEXT} value={form.value.institutionName} onInput={(event) => updateForm({ institutionName: event.currentTarget.value })} />
      </Field>
    </>
  );
}

export function AmountField() {
  const error = fieldError('amount');
  const hint = t('form.amountHint');
  const parsed = parseAmountInput(form.value.amount);
  return (
    <Field id="amount" label={t('form.amount')} hint={hint} error={error}>
      <input type="text" inputMode="numeric" {...controlProps('amount', hint, error)} autocomplete="off" value={form.value.amount} onInput={(event) => updateForm({ amount: event.currentTarget.value })} />
      {parsed.ok && parsed.value !== null && (
        <p class="field__preview" data-testid="amount-preview" aria-live="polite">
          {t('form.amountPreview', { amount: formatFcfa(parsed.value, formats()) })}
        </p>
      )}
    </Field>
  );
}

export function DescriptionField() {
  const error = fieldError('description');
  const hint = t('form.descriptionHint');
  const left = MAX_DESCRIPTION_CHARS - form.value.description.length;
  return (
    <Field id="description" label={t('form.description')} hint={hint} error={error}>
      <textarea {...controlProps('description', hint, error)} {...PRIVATE_TEXT} rows={8} value={form.value.description} onInput={(event) => updateForm({ description: event.currentTarget.value })} />
      {left < COUNTDOWN_FROM && <p class="field__hint">{t('form.charsLeft', { count: Math.max(left, 0) })}</p>}
    </Field>
  );
}
