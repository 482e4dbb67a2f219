/**
 * Region → cercle → commune. Bamako is a district whose communes sit directly below it, so
 * the cercle picker only appears when the chosen region has cercles. The quartier is never
 * asked: it could point at a person.
 */
import type { Place } from '@kenekanko/contracts';
import { t } from '../../i18n/catalogues.ts';
import { Field, controlProps } from '../../shared/components/field.tsx';
import { placeChoices } from '../../shared/places.ts';
import { ensurePlaces, form, places, updateForm } from './alert-form-state.ts';
import { fieldError } from './field-error.ts';

function PlaceSelect(props: { readonly id: string; readonly label: string; readonly value: string; readonly options: readonly Place[]; readonly error?: string | undefined; readonly onChange: (id: string) => void }) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      <select {...controlProps(props.id, undefined, props.error)} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        <option value="">{t('field.choose')}</option>
        {props.options.map((place) => (
          <option key={place.id} value={place.id}>
            {place.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function PlaceFields() {
  const state = places.value;
  return (
    <fieldset class="group">
      <legend class="group__title">{t('form.where')}</legend>
      {state.status === 'loading' && <p class="field__hint" role="status">{t('form.placesLoading')}</p>}
      {state.status === 'failed' && (
        <div class="banner banner--error" role="alert">
          <p>{t('form.placesFailed')}</p>
          <button type="button" class="button button--secondary" onClick={() => void ensurePlaces()}>
            {t('action.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && <PlacePickers />}
      {state.status !== 'ready' && fieldError('regionId') !== undefined && <p class="field__error">{fieldError('regionId')}</p>}
    </fieldset>
  );
}

function PlacePickers() {
  const state = places.value;
  if (state.status !== 'ready') return null;
  const values = form.value;
  const { cercles, communes } = placeChoices(state.index, values.regionId, values.cercleId);
  return (
    <>
      <PlaceSelect
        id="regionId"
        label={t('form.region')}
        value={values.regionId}
        options={state.index.topLevel}
        error={fieldError('regionId')}
        onChange={(regionId) => updateForm({ regionId, cercleId: '', communeId: '' })}
      />
      {cercles.length > 0 && (
        <PlaceSelect id="cercleId" label={t('form.cercle')} value={values.cercleId} options={cercles} onChange={(cercleId) => updateForm({ cercleId, communeId: '' })} />
      )}
      {communes.length > 0 && (
        <PlaceSelect id="communeId" label={t('form.commune')} value={values.communeId} options={communes} onChange={(communeId) => updateForm({ communeId })} />
      )}
    </>
  );
}
