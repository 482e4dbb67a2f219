/**
 * The questions of the alert form, in order: one list for the reporter's own form and for the
 * focal point's field page (apps/web/src/desk/field), so the two can never ask differently.
 */
import { t } from '../../i18n/catalogues.ts';
import { AttachmentsField } from '../files/attachments-field.tsx';
import { VoiceEntry } from '../voice/index.ts';
import { form, updateFiles } from './alert-form-state.ts';
import { fieldError } from './field-error.ts';
import { AmountField, DescriptionField, InstitutionFields, WhenField } from './facts-fields.tsx';
import { ConsentField, IdentityBox } from './identity-box.tsx';
import { KindField } from './kind-field.tsx';
import { PlaceFields } from './place-fields.tsx';

export function AlertFormFields() {
  return (
    <>
      <KindField />
      <PlaceFields />
      <WhenField />
      <InstitutionFields />
      <AmountField />
      <DescriptionField />
      <VoiceEntry files={form.value.files} onFiles={updateFiles} purpose="alert" />
      <AttachmentsField id="files" legend={t('files.legend')} files={form.value.files} onFiles={updateFiles} error={fieldError('files')} />
      <IdentityBox />
      <ConsentField />
    </>
  );
}
