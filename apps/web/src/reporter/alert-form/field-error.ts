import { t } from '../../i18n/catalogues.ts';
import { formErrors } from './alert-form-state.ts';
import type { AlertFormField } from './alert-form-values.ts';

/** The translated error of one field, if it has one (re-translated on a language switch). */
export function fieldError(field: AlertFormField): string | undefined {
  const error = formErrors.value[field];
  return error === undefined ? undefined : t(error.key, error.params);
}

/** Where focus goes to fix a field (the first radio of a group, the file picker, …). */
export const FIELD_TARGETS: Readonly<Record<AlertFormField, string>> = {
  kind: 'kind-bribery',
  regionId: 'regionId',
  when: 'when',
  institutionType: 'institutionType',
  institutionName: 'institutionName',
  amount: 'amount',
  description: 'description',
  files: 'files-input',
  identityName: 'identityName',
  identityPhone: 'identityPhone',
};
