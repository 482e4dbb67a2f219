/**
 * The signed-in user's second factor (TOTP enrolment) and administrators' resets, and the one
 * rule every login-like request shares: when the server answers 'second-factor-required', ask
 * the person for the code and send the same request again with it.
 *
 * SECURITY: the TOTP secret arrives once, at enrolment, to be shown as a QR code and text in
 * this page; it is not kept anywhere by this module. Codes are sent, never stored.
 */
import {
  ResetSecondFactorResponseSchema,
  SecondFactorStatusSchema,
  SECURITY_ROUTES,
  SecurityUsersResponseSchema,
  TotpEnrolResponseSchema,
} from '@kenekanko/contracts';
import type { SecondFactorStatus, SecurityUser, TotpEnrolResponse } from '@kenekanko/contracts';
import type { ApiClient } from '../api-client.ts';
import { ApiError } from '../errors.ts';
import { id } from '../path-params.ts';

/** Asked when the server wants a code; `attempt` is 1 first, then 2, 3 after a wrong code. */
export type AskCode = (attempt: number) => Promise<string>;

export type SecondFactorInput = {
  /** A code already typed (sent with the first request). */
  readonly totp?: string;
  /** Or asked only when the server says one is needed. */
  readonly askCode?: AskCode;
};

/** How many codes one sign-in may try before the person starts again (the server throttles too). */
export const MAX_CODE_ATTEMPTS = 3;

const isCode = (error: unknown, code: 'second-factor-required' | 'second-factor-invalid'): boolean => error instanceof ApiError && error.code === code;

/** Sends `send` (without a code unless one is given), and with a code when the server asks for one. */
export async function withSecondFactor<T>(send: (totp?: string) => Promise<T>, input: SecondFactorInput = {}): Promise<T> {
  if (input.totp !== undefined) return send(input.totp);
  try {
    return await send();
  } catch (error) {
    if (!isCode(error, 'second-factor-required') || input.askCode === undefined) throw error;
  }
  for (let attempt = 1; ; attempt++) {
    const code = await input.askCode(attempt);
    try {
      return await send(code);
    } catch (error) {
      if (!isCode(error, 'second-factor-invalid') || attempt >= MAX_CODE_ATTEMPTS) throw error;
    }
  }
}

export function secondFactorStatus(api: ApiClient): Promise<SecondFactorStatus> {
  return api.transport.json('GET', SECURITY_ROUTES.secondFactor, SecondFactorStatusSchema);
}

/** Starts an enrolment: the secret to show (QR code of `uri`, and `secret` as text). */
export function startTotpEnrolment(api: ApiClient): Promise<TotpEnrolResponse> {
  return api.transport.json('POST', SECURITY_ROUTES.totpEnrol, TotpEnrolResponseSchema, { json: {} });
}

/** Completes the enrolment with the code the app shows now. */
export function confirmTotpEnrolment(api: ApiClient, code: string): Promise<SecondFactorStatus> {
  return api.transport.json('POST', SECURITY_ROUTES.totpConfirm, SecondFactorStatusSchema, { json: { code } });
}

/** Administrators: the people they administer, with their second-factor state. */
export async function listSecurityUsers(api: ApiClient): Promise<readonly SecurityUser[]> {
  return (await api.transport.json('GET', SECURITY_ROUTES.users, SecurityUsersResponseSchema)).users;
}

/** Administrators: removes a person's second factor (lost phone); they enrol again at next sign-in. */
export async function resetSecondFactor(api: ApiClient, userId: string): Promise<void> {
  await api.transport.json('POST', SECURITY_ROUTES.resetSecondFactor(id(userId)), ResetSecondFactorResponseSchema, { json: {} });
}
