/**
 * Lost password: the printed recovery key restores access (DESIGN §3). In this runtime: the
 * recovery-wrapped private keys are fetched and opened with the typed key, a new password is
 * turned into a new salt, login key and wrap, and the user's Ed25519 key signs the server's
 * challenge with all of it. The server never sees the recovery key, the new password or a
 * private key. The second factor still applies (askCode / totp).
 *
 * With `replaceRecoveryKey`, a new recovery key is made here, wraps the keys, and is returned
 * once to be printed; the old one stops working.
 */
import * as v from 'valibot';
import {
  derivePasswordKeys,
  ed25519KeyPair,
  fromBase64Url,
  generateRecoveryKey,
  isCryptoError,
  parseRecoveryKey,
  PURPOSES,
  randomBytes,
  signStatement,
  toBase64Url,
  unwrapKey,
  USER_SALT_LENGTH,
  wrapKey,
} from '@kenekanko/crypto';
import { LoginSchema, PrivateKeysPayloadSchema, RecoveryFinishResponseSchema, RecoveryStartResponseSchema, SECURITY_ROUTES } from '@kenekanko/contracts';
import type { RecoveryStartResponse, RecoveryStatement } from '@kenekanko/contracts';
import type { ApiClient } from '../api-client.ts';
import { userKeysContext } from '../contexts.ts';
import { ClientError } from '../errors.ts';
import { parseJsonBytes } from '../json-bytes.ts';
import { MIN_PASSWORD_LENGTH } from '../setup-platform.ts';
import { withSecondFactor } from './second-factor.ts';
import type { SecondFactorInput } from './second-factor.ts';

export type RecoverAccountInput = SecondFactorInput & {
  readonly login: string;
  /** As printed: groups of four, any case, dashes or spaces. */
  readonly recoveryKey: string;
  readonly newPassword: string;
  /** Make a new recovery key (shown once) instead of keeping the printed one. */
  readonly replaceRecoveryKey?: boolean;
};

export type RecoverAccountResult = { readonly userId: string; readonly newRecoveryKey: string | null };

function checkInput(input: RecoverAccountInput): { login: string; recoveryKey: Uint8Array } {
  const login = v.safeParse(LoginSchema, input.login);
  if (!login.success) throw new ClientError('bad-input', 'the login is not valid', { issues: ['login'] });
  if ([...input.newPassword].length < MIN_PASSWORD_LENGTH) {
    throw new ClientError('bad-input', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`, { issues: ['password'] });
  }
  try {
    return { login: login.output, recoveryKey: parseRecoveryKey(input.recoveryKey) };
  } catch (error) {
    if (isCryptoError(error)) throw new ClientError('bad-input', 'the recovery key is mistyped', { issues: ['recoveryKey'] });
    throw error;
  }
}

/** The user's private keys under the recovery key; a wrong key (or an unknown login's fake answer) fails alike. */
function openRecoveryWrap(start: RecoveryStartResponse, recoveryKey: Uint8Array): Uint8Array {
  try {
    return unwrapKey(recoveryKey, userKeysContext(start.userId, start.keyVersion), fromBase64Url(start.recoveryWrappedKeys));
  } catch (error) {
    if (isCryptoError(error)) throw new ClientError('missing-key', 'the recovery key does not open this account', { issues: ['recoveryKey'] });
    throw error;
  }
}

export async function recoverAccount(api: ApiClient, input: RecoverAccountInput): Promise<RecoverAccountResult> {
  const { login, recoveryKey } = checkInput(input);
  const start = await api.withPow((pow) => api.transport.json('POST', SECURITY_ROUTES.recoveryStart, RecoveryStartResponseSchema, { json: { login, pow } }));
  const context = userKeysContext(start.userId, start.keyVersion);
  const secret = openRecoveryWrap(start, recoveryKey);
  recoveryKey.fill(0);
  const signing = ed25519KeyPair(fromBase64Url(parseJsonBytes(PrivateKeysPayloadSchema, secret, 'the user keys').ed25519Private));
  const salt = randomBytes(USER_SALT_LENGTH);
  const { loginKey, wrappingKey } = await derivePasswordKeys(input.newPassword, salt);
  const replacement = input.replaceRecoveryKey === true ? generateRecoveryKey() : null;
  try {
    const statement: RecoveryStatement = {
      v: 1,
      login,
      userId: start.userId,
      challenge: start.challenge,
      salt: toBase64Url(salt),
      loginKey: toBase64Url(loginKey),
      wrappedKeys: toBase64Url(wrapKey(wrappingKey, context, secret)),
      recoveryWrappedKeys: replacement === null ? null : toBase64Url(wrapKey(replacement.bytes, context, secret)),
    };
    const signature = toBase64Url(signStatement(PURPOSES.accountRecovery, statement, signing.privateKey));
    const { challenge, salt: newSalt, loginKey: newLoginKey, wrappedKeys, recoveryWrappedKeys } = statement;
    const body = { login, challenge, salt: newSalt, loginKey: newLoginKey, wrappedKeys, recoveryWrappedKeys, signature };
    const send = (totp?: string) =>
      api.withPow((pow) => api.transport.json('POST', SECURITY_ROUTES.recoveryFinish, RecoveryFinishResponseSchema, { json: { ...body, totp, pow } }));
    const result = await withSecondFactor(send, input);
    return { userId: result.userId, newRecoveryKey: replacement?.display ?? null };
  } finally {
    for (const bytes of [secret, signing.privateKey, loginKey, wrappingKey, replacement?.bytes]) bytes?.fill(0);
  }
}
