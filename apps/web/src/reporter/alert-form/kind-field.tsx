import { WRONGDOING_KINDS } from '@kenekanko/contracts';
import { t } from '../../i18n/catalogues.ts';
import { form, updateForm } from './alert-form-state.ts';
import { fieldError } from './field-error.ts';
import { KindIcon } from './kind-icons.tsx';

export function KindField() {
  const error = fieldError('kind');
  return (
    <fieldset class={error === undefined ? 'choices' : 'choices field--invalid'} aria-describedby={error === undefined ? undefined : 'kind-error'}>
      <legend class="field__label">{t('form.kind')}</legend>
      {error !== undefined && (
        <p class="field__error" id="kind-error">
          {error}
        </p>
      )}
      {WRONGDOING_KINDS.map((kind) => (
        <label key={kind} class="choice choice--with-icon" for={`kind-${kind}`}>
          <input
            type="radio"
            id={`kind-${kind}`}
            name="kind"
            value={kind}
            checked={form.value.kind === kind}
            onChange={() => updateForm({ kind })}
          />
          <KindIcon kind={kind} />
          <span>{t(`kind.${kind}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
