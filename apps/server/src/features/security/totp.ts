/**
 * TOTP (RFC 6238) as authenticator apps speak it: SHA-1, 6 digits, 30-second steps, a
 * 20-byte secret shown as base32. The secret is kept encrypted under a key derived from the
 * server secret (SECRETS_DIR, never in the database).
 *
 * SECURITY: this is server-side encryption at rest, not end-to-end: the server must check
 * codes, so a running server (or whoever holds both the database and SECRETS_DIR) can read
 * the secrets. What it prevents is a database dump or backup alone yielding them. A code is
 * accepted for its own step and one step either side (clock drift), and only for a step later
 * than the last accepted one, so an observed code cannot be replayed.
 */
import { Secret, TOTP } from 'otpauth';
import { hkdfSha256, openEnvelope, PURPOSES, randomBytes, sealEnvelope, utf8Encode } from '@kenekanko/crypto';
import type { EnvelopeContext } from '@kenekanko/crypto';

export const TOTP_SECRET_BYTES = 20;
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one. */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = 'Kenekanko';

const TOTP_KEY_INFO = utf8Encode('kenekanko/v1/totp-secret-key');

export type TotpKey = { readonly key: Uint8Array };

export function deriveTotpKey(serverSecret: Uint8Array): TotpKey {
  return { key: hkdfSha256(serverSecret, new Uint8Array(0), TOTP_KEY_INFO, 32) };
}

/** The context binds the secret to its user: a row copied to another user does not open. */
const secretContext = (userId: string): EnvelopeContext => ({ alertId: '', objectKind: 'totp-secret', field: userId });

export function newTotpSecret(): Uint8Array {
  return randomBytes(TOTP_SECRET_BYTES);
}

export function sealTotpSecret(key: TotpKey, userId: string, secret: Uint8Array): Uint8Array {
  return sealEnvelope(key.key, PURPOSES.totpSecret, secretContext(userId), secret);
}

export function openTotpSecret(key: TotpKey, userId: string, envelope: Uint8Array): Uint8Array {
  return openEnvelope(key.key, PURPOSES.totpSecret, secretContext(userId), envelope);
}

function totpOf(secret: Uint8Array, label: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: new Secret({ buffer: secret.slice().buffer }),
  });
}

export function base32Of(secret: Uint8Array): string {
  return new Secret({ buffer: secret.slice().buffer }).base32;
}

/** otpauth://totp/Kenekanko:<login>?… for the QR code. */
export function totpUri(secret: Uint8Array, login: string): string {
  return totpOf(secret, login).toString();
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for `now` (tests and the test world; the server never sends one). */
export function totpCode(secret: Uint8Array, now: Date): string {
  return totpOf(secret, 'code').generate({ timestamp: now.getTime() });
}

/**
 * The step a code belongs to when it is valid at `now` and later than `lastStep`, else
 * undefined. The comparison inside otpauth is constant-time.
 */
export function acceptedStep(secret: Uint8Array, code: string, now: Date, lastStep: number): number | undefined {
  const delta = totpOf(secret, 'check').validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return undefined;
  const step = totpStep(now) + delta;
  return step > lastStep ? step : undefined;
}
