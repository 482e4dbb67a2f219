/**
 * HTTP schemas and routes: the second factor (TOTP) and account recovery with the printed
 * recovery key (issue 3).
 *
 * SECURITY: the TOTP secret crosses the wire once, to the signed-in user who enrols (it must
 * reach the authenticator app), and is never answered again. Codes are never echoed back.
 * Recovery answers have the same shape for unknown logins (a stable fake), so asking does not
 * tell who has an account; the new password itself never travels, only a login key derived
 * from it and the private keys wrapped again in the browser.
 */
import * as v from 'valibot';
import { LoginSchema, PowSolutionSchema, TotpCodeSchema } from './api.ts';
import { Base64UrlSchema, EnvelopeSchema, IdSchema, Key32Schema, SignatureSchema } from './primitives.ts';

export const SECURITY_ROUTES = {
  /** The signed-in user's own second factor: status (GET). */
  secondFactor: '/api/staff/security/second-factor',
  /** Starts (or restarts) a TOTP enrolment: the server makes the secret (POST). */
  totpEnrol: '/api/staff/security/second-factor/totp',
  /** Completes the enrolment with a code from the app (POST). */
  totpConfirm: '/api/staff/security/second-factor/totp/confirm',
  /** Administrators: people they administer and whether each has a second factor (GET). */
  users: '/api/staff/security/users',
  /** Administrators: removes a person's second factor, for a lost phone (POST). */
  resetSecondFactor: (userId: string) => `/api/staff/security/users/${userId}/second-factor/reset`,
  /** Lost password, step 1: the recovery-wrapped keys and a challenge (POST, no session). */
  recoveryStart: '/api/auth/recovery/start',
  /** Lost password, step 2: the signed proof and the new credentials (POST, no session). */
  recoveryFinish: '/api/auth/recovery/finish',
} as const;

export const SECOND_FACTOR_METHODS = ['totp'] as const;
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number];

export const SecondFactorStatusSchema = v.strictObject({
  /** A second factor is active: logins need a code. */
  enrolled: v.boolean(),
  method: v.nullable(v.picklist(SECOND_FACTOR_METHODS)),
  enrolledAt: v.nullable(v.string()),
  /** The deployment requires one (REQUIRE_SECOND_FACTOR): until enrolled, the desk is closed. */
  required: v.boolean(),
});
export type SecondFactorStatus = v.InferOutput<typeof SecondFactorStatusSchema>;

/** Base32 (RFC 4648, no padding) of a 20-byte secret: 32 characters. */
export const TotpSecretSchema = v.pipe(v.string(), v.regex(/^[A-Z2-7]{32}$/, 'base32 secret'));

export const TotpEnrolResponseSchema = v.strictObject({
  secret: TotpSecretSchema,
  /** otpauth://totp/… for the QR code; the same secret, issuer and login. */
  uri: v.pipe(v.string(), v.startsWith('otpauth://totp/'), v.maxLength(400)),
  /** The pending enrolment ends then; a new one can be started at any time. */
  expiresAt: v.string(),
});
export type TotpEnrolResponse = v.InferOutput<typeof TotpEnrolResponseSchema>;

export const TotpConfirmRequestSchema = v.strictObject({ code: TotpCodeSchema });
export type TotpConfirmRequest = v.InferOutput<typeof TotpConfirmRequestSchema>;

export const SecurityUserSchema = v.strictObject({
  userId: IdSchema,
  login: v.string(),
  enrolled: v.boolean(),
  enrolledAt: v.nullable(v.string()),
  disabled: v.boolean(),
});
export type SecurityUser = v.InferOutput<typeof SecurityUserSchema>;
export const SecurityUsersResponseSchema = v.strictObject({ users: v.array(SecurityUserSchema) });

export const ResetSecondFactorResponseSchema = v.strictObject({ userId: IdSchema, enrolled: v.literal(false) });

// ---- account recovery -------------------------------------------------------------------

/** `${expiry in seconds since 1970}.${nonce}.${MAC}`: stateless, bound to the login and its current salt. */
export const RecoveryChallengeSchema = v.pipe(v.string(), v.regex(/^\d{10}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/, 'challenge'));

export const RecoveryStartRequestSchema = v.strictObject({ login: LoginSchema, pow: v.optional(PowSolutionSchema) });
export type RecoveryStartRequest = v.InferOutput<typeof RecoveryStartRequestSchema>;

export const RecoveryStartResponseSchema = v.strictObject({
  userId: IdSchema,
  keyVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** The user's private keys under their printed recovery key (user-keys context). */
  recoveryWrappedKeys: EnvelopeSchema,
  challenge: RecoveryChallengeSchema,
  expiresAt: v.string(),
});
export type RecoveryStartResponse = v.InferOutput<typeof RecoveryStartResponseSchema>;

/** What the user's Ed25519 key signs (purpose 'kenekanko/v1/account-recovery'). */
export type RecoveryStatement = {
  readonly v: 1;
  readonly login: string;
  readonly userId: string;
  readonly challenge: string;
  readonly salt: string;
  readonly loginKey: string;
  readonly wrappedKeys: string;
  readonly recoveryWrappedKeys: string | null;
};

export const RecoveryFinishRequestSchema = v.strictObject({
  login: LoginSchema,
  challenge: RecoveryChallengeSchema,
  salt: v.pipe(Base64UrlSchema, v.length(22)),
  loginKey: Key32Schema,
  wrappedKeys: EnvelopeSchema,
  /** A new recovery wrap (a new recovery key shown once), or null to keep the current one. */
  recoveryWrappedKeys: v.nullable(EnvelopeSchema),
  signature: SignatureSchema,
  totp: v.optional(TotpCodeSchema),
  pow: v.optional(PowSolutionSchema),
});
export type RecoveryFinishRequest = v.InferOutput<typeof RecoveryFinishRequestSchema>;

export const RecoveryFinishResponseSchema = v.strictObject({ userId: IdSchema });
