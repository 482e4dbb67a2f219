/** The setup form's rules and the one-time token taken from the address bar. */
import * as v from 'valibot';
import { LoginSchema } from '@kenekanko/contracts';
import { MIN_PASSWORD_LENGTH } from '@kenekanko/client';
import type { SetupInput } from '@kenekanko/client';
import type { DeskMessageKey } from '../../i18n/desk/catalogues.ts';
import type { MessageParams } from '../../i18n/types.ts';

/** The token from a `#token=…` fragment (fragments never reach a server or its logs). */
export function readSetupToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token === null || token.trim() === '' ? null : token.trim();
}

export type SetupFormValues = {
  readonly organisationName: string;
  readonly login: string;
  readonly password: string;
  readonly passwordAgain: string;
};

export type SetupField = keyof SetupFormValues;
export type SetupError = { readonly key: DeskMessageKey; readonly params?: MessageParams };

export type SetupCheck =
  | { readonly ok: true; readonly input: SetupInput }
  | { readonly ok: false; readonly errors: Partial<Record<SetupField, SetupError>> };

export function checkSetupForm(values: SetupFormValues, token: string): SetupCheck {
  const errors: Partial<Record<SetupField, SetupError>> = {};
  const organisationName = values.organisationName.trim();
  if (organisationName === '' || organisationName.length > 200) errors.organisationName = { key: 'desk.invalid.organisationName' };
  const login = v.safeParse(LoginSchema, values.login);
  if (!login.success) errors.login = { key: 'desk.invalid.login' };
  // The password is taken exactly as typed: spaces are part of a passphrase.
  if (values.password.length < MIN_PASSWORD_LENGTH) errors.password = { key: 'desk.invalid.passwordShort', params: { count: MIN_PASSWORD_LENGTH } };
  else if (values.password !== values.passwordAgain) errors.passwordAgain = { key: 'desk.invalid.passwordMismatch' };
  if (!login.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { token, organisationName, login: login.output, password: values.password } };
}
