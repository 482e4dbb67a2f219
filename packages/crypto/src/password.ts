/**
 * Staff passwords. In the browser, Argon2id(password, per-user salt) is split by HKDF into a
 * login key (sent; the server keeps only hashLoginKey of it) and a wrapping key (never sent)
 * that wraps the user's private keys.
 *
 * SECURITY: nothing the server receives lets it compute the wrapping key: the two are
 * independent HKDF outputs of a secret the server never sees. A stolen database still allows
 * an offline guess of weak passwords through Argon2id, which is why its cost is the highest
 * we can bear (docs/crypto.md).
 */
import { CryptoError, assertBytes } from './errors.ts';
import { concatBytes, utf8Encode } from './encoding.ts';
import { KEY_LENGTH, hkdfSha256, hmacSha256, sha256 } from './symmetric.ts';
import { ARGON2_PARAMS, argon2id } from './argon2.ts';
import type { Argon2Progress } from './argon2.ts';

export const USER_SALT_LENGTH = 16;
export const MIN_SERVER_SECRET_LENGTH = 32;
/** Longer passwords are refused rather than silently cut, so what is typed is what counts. */
export const MAX_PASSWORD_BYTES = 1_024;

export type PasswordKeys = { readonly loginKey: Uint8Array; readonly wrappingKey: Uint8Array };

const INFO_LOGIN = utf8Encode('kenekanko/v1/password/login-key');
const INFO_WRAPPING = utf8Encode('kenekanko/v1/password/wrapping-key');
const LOGIN_HASH_PREFIX = concatBytes(utf8Encode('kenekanko/v1/login-key-hash'), Uint8Array.of(0));
const FAKE_SALT_PREFIX = concatBytes(utf8Encode('kenekanko/v1/fake-salt'), Uint8Array.of(0));

/**
 * NFC normalisation, so that the same password typed on two keyboards (ɛ composed or not) gives
 * the same key. Nothing else is changed: no trimming, no case folding.
 */
function passwordBytes(password: string): Uint8Array {
  if (typeof password !== 'string' || password === '') throw new CryptoError('bad-input', 'password must be a non-empty string');
  const bytes = utf8Encode(password.normalize('NFC'));
  if (bytes.length > MAX_PASSWORD_BYTES) throw new CryptoError('bad-input', 'password is too long');
  return bytes;
}

export async function derivePasswordKeys(password: string, salt: Uint8Array, opts: Argon2Progress = {}): Promise<PasswordKeys> {
  const bytes = passwordBytes(password);
  assertBytes(salt, 'salt', USER_SALT_LENGTH);
  const master = await argon2id(bytes, salt, ARGON2_PARAMS.password, opts);
  const empty = new Uint8Array(0);
  try {
    return {
      loginKey: hkdfSha256(master, empty, INFO_LOGIN, KEY_LENGTH),
      wrappingKey: hkdfSha256(master, empty, INFO_WRAPPING, KEY_LENGTH),
    };
  } finally {
    master.fill(0);
    bytes.fill(0);
  }
}

/**
 * Server side: what is stored for a login key, SHA-256('kenekanko/v1/login-key-hash' 0x00 || loginKey).
 * A plain hash is enough because the login key is a 256-bit Argon2id output, not a password.
 * Compare with equalBytes.
 */
export function hashLoginKey(loginKey: Uint8Array): Uint8Array {
  assertBytes(loginKey, 'loginKey', KEY_LENGTH);
  return sha256(concatBytes(LOGIN_HASH_PREFIX, loginKey));
}

/**
 * Server side: the salt handed out for a login that has no account,
 * HMAC-SHA-256(serverSecret, 'kenekanko/v1/fake-salt' 0x00 || login)[0..16].
 * SECURITY: stable per login and indistinguishable from a random salt without the secret, so
 * asking for a salt does not tell who has an account. Pass the login normalised exactly as the
 * users table stores it.
 */
export function deriveFakeUserSalt(serverSecret: Uint8Array, login: string): Uint8Array {
  assertBytes(serverSecret, 'serverSecret');
  if (serverSecret.length < MIN_SERVER_SECRET_LENGTH) throw new CryptoError('bad-input', 'serverSecret must be at least 32 bytes');
  if (typeof login !== 'string') throw new CryptoError('bad-input', 'login must be a string');
  return hmacSha256(serverSecret, concatBytes(FAKE_SALT_PREFIX, utf8Encode(login))).slice(0, USER_SALT_LENGTH);
}
