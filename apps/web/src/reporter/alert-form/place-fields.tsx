/**
 * Region → cercle → commune. Bamako is a district whose communes sit directly below it, so
 * the cercle picker only appears when the chosen region has cercles. The quartier is never
 * asked: it could point at a person. Regions and cercles come with the form; the communes
 * come from the whole list, fetched once when a cercle is first chosen (place-communes.ts:
 * never a request naming the cercle), and may be left out. The desk's field page loads the
 * whole list from the start (ensurePlaces('whole')) and picks from it.
 */
import type { Place } from '@kenekanko/contracts';
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n/catalogues.ts';
import { Field, controlProps } from '../../shared/components/field.tsx';
import { placeChoices } from '../../shared/places.ts';
import { ensurePlaces, form, places, updateForm } from './alert-form-state.ts';
import { fieldError } from './field-error.ts';
import { communesIn, ensureWholePlaces, wholePlaces } from './place-communes.ts';

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
  // A district (Bamako) has its communes directly; a region has them under its cercles.
  const communeParent = cercles.length > 0 ? values.cercleId : values.regionId;
  const chooseRegion = (regionId: string) => updateForm({ regionId, cercleId: '', communeId: '' });
  const chooseCercle = (cercleId: string) => updateForm({ cercleId, communeId: '' });
  return (
    <>
      <PlaceSelect id="regionId" label={t('form.region')} value={values.regionId} options={state.index.topLevel} error={fieldError('regionId')} onChange={chooseRegion} />
      {cercles.length > 0 && <PlaceSelect id="cercleId" label={t('form.cercle')} value={values.cercleId} options={cercles} onChange={chooseCercle} />}
      {state.whole && communes.length > 0 && <CommuneSelect value={values.communeId} options={communes} />}
      {!state.whole && communeParent !== '' && <CommunePicker parentId={communeParent} value={values.communeId} />}
    </>
  );
}

function CommuneSelect(props: { readonly value: string; readonly options: readonly Place[] }) {
  return <PlaceSelect id="communeId" label={t('form.commune')} value={props.value} options={props.options} onChange={(communeId) => updateForm({ communeId })} />;
}

/** The communes of `parentId`, from the whole list fetched when a cercle is first chosen; the rest of the form stays usable meanwhile. */
function CommunePicker(props: { readonly parentId: string; readonly value: string }) {
  useEffect(() => void ensureWholePlaces(), [props.parentId]);
  const state = wholePlaces.value;
  if (state.status === 'idle' || state.status === 'loading') return <p class="field__hint" role="status">{t('form.placesLoading')}</p>;
  if (state.status === 'failed') {
    return (
      <div class="banner" role="status" data-testid="communes-failed">
        <p>{t('form.communesFailed')}</p>
        <button type="button" class="button button--secondary" onClick={() => void ensureWholePlaces()}>
          {t('action.retry')}
        </button>
      </div>
    );
  }
  const communes = communesIn(state.index, props.parentId);
  if (communes.length === 0) return null;
  return <CommuneSelect value={props.value} options={communes} />;
}
