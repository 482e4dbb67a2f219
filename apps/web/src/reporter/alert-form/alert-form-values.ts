/**
 * What the reporter has typed, as the form holds it (strings, as inputs give them), and the
 * one function that checks it and turns it into the client's AlertDraft. Errors are message
 * keys, so they are shown in whatever language is current and re-translate on a switch.
 */
import * as v from 'valibot';
import {
  DaySchema,
  InstitutionTypeSchema,
  MAX_DESCRIPTION_CHARS,
  MAX_SHORT_TEXT_CHARS,
  PlaceIdSchema,
  WrongdoingKindSchema,
} from '@kenekanko/contracts';
import type { InstitutionType, Language, WrongdoingKind } from '@kenekanko/contracts';
import type { AlertDraft } from '@kenekanko/client';
import type { PublicKey } from '../../i18n/languages/fr.ts';
import type { MessageParams } from '../../i18n/types.ts';
import { isValidDay, parseAmountInput } from '../../i18n/format.ts';
import { filesProblem, toDraftFiles } from '../files/file-entry.ts';
import type { FileEntry } from '../files/file-entry.ts';

export type AlertFormValues = {
  readonly kind: WrongdoingKind | '';
  readonly regionId: string;
  readonly cercleId: string;
  readonly communeId: string;
  readonly when: string;
  readonly institutionType: InstitutionType | '';
  readonly institutionName: string;
  readonly amount: string;
  readonly description: string;
  readonly files: readonly FileEntry[];
  readonly identityName: string;
  readonly identityPhone: string;
  readonly shareWithJournalists: boolean;
};

export const EMPTY_ALERT_FORM: AlertFormValues = {
  kind: '',
  regionId: '',
  cercleId: '',
  communeId: '',
  when: '',
  institutionType: '',
  institutionName: '',
  amount: '',
  description: '',
  files: [],
  identityName: '',
  identityPhone: '',
  shareWithJournalists: false,
};

/** Fields in the order the form shows them: the error summary and focus follow this order. */
export const ALERT_FORM_FIELDS = [
  'kind',
  'regionId',
  'when',
  'institutionType',
  'institutionName',
  'amount',
  'description',
  'files',
  'identityName',
  'identityPhone',
] as const;
export type AlertFormField = (typeof ALERT_FORM_FIELDS)[number];

export type FieldError = { readonly key: PublicKey; readonly params?: MessageParams };
export type AlertFormErrors = Partial<Record<AlertFormField, FieldError>>;

export type AlertFormResult = { readonly ok: true; readonly draft: AlertDraft } | { readonly ok: false; readonly errors: AlertFormErrors };

/** The caps of IdentityPayloadSchema (a test holds them to it). */
export const IDENTITY_NAME_MAX = 200;
export const IDENTITY_PHONE_MAX = 40;
const PHONE_PATTERN = /^[0-9+\-\s().]*$/;

const tooLong = (text: string, max: number): FieldError | undefined =>
  text.length > max ? { key: 'invalid.tooLong', params: { count: max } } : undefined;

function whenError(when: string, today: string): FieldError | undefined {
  if (when === '') return undefined;
  if (!v.is(DaySchema, when) || !isValidDay(when)) return { key: 'invalid.whenFormat' };
  // Days compare as strings: 'YYYY-MM-DD' sorts like the calendar.
  return when > today ? { key: 'invalid.whenFuture' } : undefined;
}

function filesError(files: readonly FileEntry[]): FieldError | undefined {
  const problem = filesProblem(files);
  if (problem === 'pending') return { key: 'invalid.filesPending' };
  if (problem === 'undecided') return { key: 'invalid.filesUndecided' };
  if (problem === 'too-large') return { key: 'invalid.filesTooLarge' };
  return undefined;
}

function hasVoiceMessage(files: readonly FileEntry[]): boolean {
  return files.some((entry) => 'type' in entry && entry.type.startsWith('audio/'));
}

function collectErrors(values: AlertFormValues, today: string): AlertFormErrors {
  const amount = parseAmountInput(values.amount);
  const description = values.description.trim();
  const errors: Record<AlertFormField, FieldError | undefined> = {
    kind: v.is(WrongdoingKindSchema, values.kind) ? undefined : { key: 'invalid.kind' },
    regionId: v.is(PlaceIdSchema, values.regionId) ? undefined : { key: 'invalid.region' },
    when: whenError(values.when.trim(), today),
    institutionType: v.is(InstitutionTypeSchema, values.institutionType) ? undefined : { key: 'invalid.institutionType' },
    institutionName: tooLong(values.institutionName.trim(), MAX_SHORT_TEXT_CHARS),
    amount: amount.ok ? undefined : { key: amount.reason === 'format' ? 'invalid.amountFormat' : 'invalid.amountTooLarge' },
    // A voice message may stand in for the written account: most adults in Mali do not read.
    description: description === '' && !hasVoiceMessage(values.files) ? { key: 'invalid.description' } : tooLong(description, MAX_DESCRIPTION_CHARS),
    files: filesError(values.files),
    identityName: tooLong(values.identityName.trim(), IDENTITY_NAME_MAX),
    identityPhone: PHONE_PATTERN.test(values.identityPhone) ? tooLong(values.identityPhone.trim(), IDENTITY_PHONE_MAX) : { key: 'invalid.phone' },
  };
  const found: AlertFormErrors = {};
  for (const field of ALERT_FORM_FIELDS) {
    const error = errors[field];
    if (error !== undefined) found[field] = error;
  }
  return found;
}

const optionalId = (id: string): string | null => (v.is(PlaceIdSchema, id) ? id : null);

/**
 * Checks everything the reporter typed; `today` is the device's day ('YYYY-MM-DD').
 * On success the draft holds trimmed text, whole-FCFA amounts and only the files to send.
 */
export function validateAlertForm(values: AlertFormValues, today: string, language: Language): AlertFormResult {
  const errors = collectErrors(values, today);
  const { kind, institutionType } = values;
  // The second and third tests only narrow the types: collectErrors has checked both.
  if (Object.keys(errors).length > 0 || !v.is(WrongdoingKindSchema, kind) || !v.is(InstitutionTypeSchema, institutionType)) {
    return { ok: false, errors };
  }
  const amount = parseAmountInput(values.amount);
  const name = values.identityName.trim();
  const phone = values.identityPhone.trim();
  const draft: AlertDraft = {
    language,
    statistics: {
      kind,
      regionId: values.regionId,
      cercleId: optionalId(values.cercleId),
      institutionType,
    },
    communeId: optionalId(values.communeId),
    when: values.when.trim() === '' ? null : values.when.trim(),
    institutionName: values.institutionName.trim(),
    amountFcfa: amount.ok ? amount.value : null,
    description: values.description.trim(),
    // SECURITY: no identity at all unless the reporter typed one (the envelope is padded either way).
    identity: name === '' && phone === '' ? null : { name, phone },
    consents: { shareWithJournalists: values.shareWithJournalists },
    files: toDraftFiles(values.files),
  };
  return { ok: true, draft };
}
