/**
 * The optional identity, set apart from the alert: the reporter must see at a glance that it
 * is optional and read only by the custodian. SECURITY: it travels in its own envelope,
 * sealed to the custodian key (the client does that); autofill is off so the browser keeps
 * no copy of a name or number typed here.
 */
import { t } from '../../i18n/catalogues.ts';
import { Field, controlProps } from '../../shared/components/field.tsx';
import { form, updateForm } from './alert-form-state.ts';
import { fieldError } from './field-error.ts';

export function IdentityBox() {
  const nameError = fieldError('identityName');
  const phoneError = fieldError('identityPhone');
  return (
    <fieldset class="identity-box" aria-describedby="identity-explain">
      <legend class="group__title">{t('identity.legend')}</legend>
      <p class="identity-box__explain" id="identity-explain">
        {t('identity.explain')}
      </p>
      <Field id="identityName" label={t('identity.name')} error={nameError}>
        <input type="text" {...controlProps('identityName', undefined, nameError)} autocomplete="off" spellcheck={false} value={form.value.identityName} onInput={(event) => updateForm({ identityName: event.currentTarget.value })} />
      </Field>
      <Field id="identityPhone" label={t('identity.phone')} error={phoneError}>
        <input type="tel" inputMode="tel" {...controlProps('identityPhone', undefined, phoneError)} autocomplete="off" value={form.value.identityPhone} onInput={(event) => updateForm({ identityPhone: event.currentTarget.value })} />
      </Field>
    </fieldset>
  );
}

export function ConsentField() {
  return (
    <div class="field">
      <label class="choice" for="shareWithJournalists">
        <input type="checkbox" id="shareWithJournalists" aria-describedby="shareWithJournalists-hint" checked={form.value.shareWithJournalists} onChange={(event) => updateForm({ shareWithJournalists: event.currentTarget.checked })} />
        <span>{t('consent.journalists')}</span>
      </label>
      <p class="field__hint" id="shareWithJournalists-hint">
        {t('consent.journalistsHint')}
      </p>
    </div>
  );
}
