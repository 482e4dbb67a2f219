import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { IdentityPayloadSchema, MAX_DESCRIPTION_CHARS, MAX_SHORT_TEXT_CHARS } from '@kenekanko/contracts';
import { EMPTY_ALERT_FORM, IDENTITY_NAME_MAX, IDENTITY_PHONE_MAX, validateAlertForm } from './alert-form-values.ts';
import type { AlertFormValues } from './alert-form-values.ts';
import type { FileEntry } from '../files/file-entry.ts';

const TODAY = '2024-06-15';
const valid: AlertFormValues = {
  ...EMPTY_ALERT_FORM,
  kind: 'bribery',
  regionId: 'segou',
  cercleId: 'segou-niono',
  communeId: 'segou-niono-niono',
  when: '2024-06-14',
  institutionType: 'customs',
  institutionName: '  Poste de douane  ',
  amount: '1 500 000',
  description: '  On m’a demandé de payer pour passer.  ',
};

const bytes = new Uint8Array([1, 2, 3]);
const base = { id: 1, name: 'photo.jpg', size: 3 } as const;
const cleaning: FileEntry = { ...base, status: 'cleaning' };
const tooLarge: FileEntry = { ...base, status: 'too-large' };
const uncleanable = (sendAnyway: boolean): FileEntry => ({ ...base, id: 2, name: 'b.pdf', status: 'uncleanable', bytes, type: 'application/pdf', sendAnyway });

function errorsOf(values: AlertFormValues): Record<string, string> {
  const result = validateAlertForm(values, TODAY, 'fr');
  if (result.ok) return {};
  return Object.fromEntries(Object.entries(result.errors).map(([field, error]) => [field, error.key]));
}

describe('validateAlertForm', () => {
  it('builds the draft from valid answers, trimmed, with the amount in FCFA', () => {
    const result = validateAlertForm(valid, TODAY, 'en');
    expect(result).toEqual({
      ok: true,
      draft: {
        language: 'en',
        statistics: { kind: 'bribery', regionId: 'segou', cercleId: 'segou-niono', institutionType: 'customs' },
        communeId: 'segou-niono-niono',
        when: '2024-06-14',
        institutionName: 'Poste de douane',
        amountFcfa: 1_500_000,
        description: 'On m’a demandé de payer pour passer.',
        identity: null,
        consents: { shareWithJournalists: false },
        files: [],
      },
    });
  });

  it('lists every missing required answer, in the order of the form', () => {
    const result = validateAlertForm({ ...EMPTY_ALERT_FORM, description: '   ' }, TODAY, 'fr');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual(['kind', 'regionId', 'institutionType', 'description']);
  });

  it('keeps optional answers optional: no day, no cercle (Bamako), no amount', () => {
    const result = validateAlertForm({ ...valid, when: '', cercleId: '', communeId: '', amount: '' }, TODAY, 'fr');
    expect(result.ok && result.draft).toMatchObject({ when: null, communeId: null, amountFcfa: null, statistics: { cercleId: null } });
  });

  it('refuses a day in the future or not on the calendar, and accepts today', () => {
    expect(errorsOf({ ...valid, when: '2024-06-16' })).toEqual({ when: 'invalid.whenFuture' });
    expect(errorsOf({ ...valid, when: '2024-02-30' })).toEqual({ when: 'invalid.whenFormat' });
    expect(errorsOf({ ...valid, when: '15/06/2024' })).toEqual({ when: 'invalid.whenFormat' });
    expect(errorsOf({ ...valid, when: TODAY })).toEqual({});
  });

  it('refuses amounts that are not whole FCFA in digits', () => {
    expect(errorsOf({ ...valid, amount: '15 000 F' })).toEqual({ amount: 'invalid.amountFormat' });
    expect(errorsOf({ ...valid, amount: '9'.repeat(17) })).toEqual({ amount: 'invalid.amountTooLarge' });
  });

  it('caps text at the limits of the answers schema, with the limit for the message', () => {
    const result = validateAlertForm({ ...valid, institutionName: 'x'.repeat(MAX_SHORT_TEXT_CHARS + 1), description: 'y'.repeat(MAX_DESCRIPTION_CHARS + 1) }, TODAY, 'fr');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.institutionName).toEqual({ key: 'invalid.tooLong', params: { count: MAX_SHORT_TEXT_CHARS } });
    expect(result.errors.description).toEqual({ key: 'invalid.tooLong', params: { count: MAX_DESCRIPTION_CHARS } });
  });

  it('sends an identity only when one was typed, and checks the phone', () => {
    const named = validateAlertForm({ ...valid, identityName: ' Awa ', identityPhone: '' }, TODAY, 'fr');
    expect(named.ok && named.draft.identity).toEqual({ name: 'Awa', phone: '' });
    expect(errorsOf({ ...valid, identityPhone: 'call me' })).toEqual({ identityPhone: 'invalid.phone' });
    expect(errorsOf({ ...valid, identityPhone: '+223 70 00-00-00' })).toEqual({});
  });

  it('holds the identity caps to the identity schema', () => {
    const ok = { v: 1, name: 'n'.repeat(IDENTITY_NAME_MAX), phone: '1'.repeat(IDENTITY_PHONE_MAX) };
    expect(v.is(IdentityPayloadSchema, ok)).toBe(true);
    expect(v.is(IdentityPayloadSchema, { ...ok, name: ok.name + 'n' })).toBe(false);
    expect(v.is(IdentityPayloadSchema, { ...ok, phone: ok.phone + '1' })).toBe(false);
    expect(errorsOf({ ...valid, identityPhone: '1'.repeat(IDENTITY_PHONE_MAX + 1) })).toEqual({ identityPhone: 'invalid.tooLong' });
  });

  it('blocks sending while a file is being cleaned or awaits the reporter’s choice', () => {
    expect(errorsOf({ ...valid, files: [cleaning] })).toEqual({ files: 'invalid.filesPending' });
    expect(errorsOf({ ...valid, files: [uncleanable(false)] })).toEqual({ files: 'invalid.filesUndecided' });
    expect(errorsOf({ ...valid, files: [tooLarge] })).toEqual({ files: 'invalid.filesTooLarge' });
  });

  it('sends cleaned files as cleaned and accepted uncleanable files as not cleaned', () => {
    const files: FileEntry[] = [
      { ...base, name: 'a.jpg', status: 'cleaned', bytes, type: 'image/jpeg', removed: ['EXIF (GPS)'] },
      uncleanable(true),
      { ...base, id: 3, name: 'c.bin', status: 'unreadable' },
    ];
    const result = validateAlertForm({ ...valid, files }, TODAY, 'fr');
    expect(result.ok && result.draft.files.map((file) => [file.name, file.type, file.scrub])).toEqual([
      ['a.jpg', 'image/jpeg', 'cleaned'],
      ['b.pdf', 'application/pdf', 'not-cleaned'],
    ]);
  });
});
