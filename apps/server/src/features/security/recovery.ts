/**
 * Lost password: the printed recovery key restores access (DESIGN §3). The browser asks for
 * the user's recovery-wrapped keys, unwraps them with the typed recovery key, proves it holds
 * the user's Ed25519 key by signing a fresh challenge together with the new credentials, and
 * the server replaces salt, login key hash and wraps in one step. Keys themselves do not change.
 *
 * SECURITY:
 * - Unknown logins get a stable fake answer of the same shape (fake id, a key-wrap envelope
 *   of the real length derived from the server secret), as salts do, so asking does not tell
 *   who has an account; the finish step refuses both alike ('recovery-failed').
 * - The challenge is a MAC over (login, user id, current salt, expiry, nonce): stateless, and
 *   spent by the recovery itself, since the salt changes with it (a replayed request fails).
 * - The second factor still applies: a user with TOTP must give a code; recovery never
 *   bypasses it. Every session of the user ends. Throttled per login and globally, with a
 *   proof of work when full, never per address.
 */
import type { RecoveryFinishRequest, RecoveryStartResponse, RecoveryStatement } from '@kenekanko/contracts';
import {
  concatBytes,
  deriveFakeUserSalt,
  equalBytes,
  hashLoginKey,
  hkdfSha256,
  hmacSha256,
  PURPOSES,
  randomBytes,
  toBase64Url,
  utf8Encode,
  verifyStatement,
  wrapKey,
} from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import type { AccountRepo } from '../accounts/index.ts';
import { decodeBase64Url } from '../shared/decode.ts';
import type { PowService } from '../pow/index.ts';
import type { UserRecord } from '../shared/records.ts';
import type { Storage } from '../shared/storage.ts';
import { bucketFor, enforceThrottles, powPayment } from '../shared/throttle.ts';
import type { PowSolution } from '../shared/throttle.ts';
import { checkSecondFactor } from './second-factor.ts';
import type { SecondFactorRepos, SecurityDeps } from './second-factor.ts';

export const RECOVERY_CHALLENGE_SECONDS = 10 * 60;
export const RECOVERY_THROTTLES = {
  perLogin: { limit: 10, windowSeconds: 15 * 60 },
  global: { limit: 120, windowSeconds: 60 },
} as const;

export type RecoveryRepos = SecondFactorRepos & { readonly accounts: AccountRepo };
export type RecoveryDeps = SecurityDeps & { readonly pow: PowService };

const info = (label: string): Uint8Array => utf8Encode(`kenekanko/v1/${label}`);
const derive = (secret: Uint8Array, salt: Uint8Array, label: string, length: number): Uint8Array => hkdfSha256(secret, salt, info(label), length);

/** The length of a real user-keys wrap (PrivateKeysPayload JSON under wrapKey), so fakes match it. */
const WRAP_LENGTH = wrapKey(
  new Uint8Array(32),
  { alertId: '', objectKind: 'user-keys', field: 'length/1' },
  utf8Encode(JSON.stringify({ v: 1, x25519Private: 'A'.repeat(43), ed25519Private: 'A'.repeat(43) })),
).length;

type Identity = { readonly userId: string; readonly salt: string; readonly keyVersion: number; readonly recoveryWrappedKeys: string };

function fakeIdentity(serverSecret: Uint8Array, login: string): Identity {
  const loginBytes = utf8Encode(login);
  const header = concatBytes(Uint8Array.of(1, utf8Encode(PURPOSES.keyWrap).length), utf8Encode(PURPOSES.keyWrap));
  const body = derive(serverSecret, loginBytes, 'fake-recovery-wrap', WRAP_LENGTH - header.length);
  return {
    userId: toBase64Url(derive(serverSecret, loginBytes, 'fake-user-id', 16)),
    salt: toBase64Url(deriveFakeUserSalt(serverSecret, login)),
    keyVersion: 1,
    recoveryWrappedKeys: toBase64Url(concatBytes(header, body)),
  };
}

function identityOf(user: UserRecord | undefined, serverSecret: Uint8Array, login: string): Identity {
  return user === undefined ? fakeIdentity(serverSecret, login) : { userId: user.id, salt: user.salt, keyVersion: user.keyVersion, recoveryWrappedKeys: user.recoveryWrappedKeys };
}

function challengeMac(serverSecret: Uint8Array, login: string, identity: Identity, expiry: string, nonce: string): string {
  const key = derive(serverSecret, new Uint8Array(0), 'recovery-challenge-key', 32);
  const fields = [login, identity.userId, identity.salt, expiry, nonce].map((f) => concatBytes(utf8Encode(f), Uint8Array.of(0)));
  return toBase64Url(hmacSha256(key, concatBytes(...fields)));
}

async function throttle(deps: RecoveryDeps, step: string, login: string, now: Date, pow: PowSolution | undefined): Promise<void> {
  await enforceThrottles(
    deps.throttle,
    [
      { bucket: `recovery-${step}:global`, rule: RECOVERY_THROTTLES.global, whenFull: 'proof-of-work' },
      { bucket: bucketFor(deps.bucketKey, `recovery-${step}`, utf8Encode(login)), rule: RECOVERY_THROTTLES.perLogin, whenFull: 'proof-of-work' },
    ],
    now,
    powPayment(deps.pow, pow, now),
  );
}

export async function startRecovery(accounts: AccountRepo, deps: RecoveryDeps, login: string, now: Date, pow?: PowSolution): Promise<RecoveryStartResponse> {
  await throttle(deps, 'start', login, now, pow);
  const identity = identityOf(await accounts.userByLogin(login), deps.serverSecret, login);
  const expirySeconds = Math.floor(now.getTime() / 1000) + RECOVERY_CHALLENGE_SECONDS;
  const expiry = String(expirySeconds).padStart(10, '0');
  const nonce = toBase64Url(randomBytes(16));
  return {
    userId: identity.userId,
    keyVersion: identity.keyVersion,
    recoveryWrappedKeys: identity.recoveryWrappedKeys,
    challenge: `${expiry}.${nonce}.${challengeMac(deps.serverSecret, login, identity, expiry, nonce)}`,
    expiresAt: new Date(expirySeconds * 1000).toISOString(),
  };
}

export function recoveryStatement(request: RecoveryFinishRequest, userId: string): RecoveryStatement {
  const { login, challenge, salt, loginKey, wrappedKeys, recoveryWrappedKeys } = request;
  return { v: 1, login, userId, challenge, salt, loginKey, wrappedKeys, recoveryWrappedKeys };
}

/** The user the request proves, or 'recovery-failed' for every kind of failure alike. */
function provenUser(deps: RecoveryDeps, request: RecoveryFinishRequest, user: UserRecord | undefined, now: Date): UserRecord {
  const [expiry = '', nonce = '', mac = ''] = request.challenge.split('.');
  const identity = identityOf(user, deps.serverSecret, request.login);
  const macOk = equalBytes(utf8Encode(challengeMac(deps.serverSecret, request.login, identity, expiry, nonce)), utf8Encode(mac));
  const fresh = Number(expiry) * 1000 > now.getTime();
  if (!macOk || !fresh || user === undefined || user.disabled) throw new AppError('recovery-failed');
  const signed = verifyStatement(PURPOSES.accountRecovery, recoveryStatement(request, user.id), decodeBase64Url(request.signature, 'signature'), decodeBase64Url(user.ed25519Public, 'ed25519Public'));
  if (!signed) throw new AppError('recovery-failed');
  return user;
}

export async function finishRecovery(storage: Storage<RecoveryRepos>, deps: RecoveryDeps, request: RecoveryFinishRequest, now: Date): Promise<{ userId: string }> {
  await throttle(deps, 'finish', request.login, now, request.pow);
  const user = provenUser(deps, request, await storage.read.accounts.userByLogin(request.login), now);
  if (request.salt === user.salt) throw new AppError('validation-failed', { issues: ['salt'] });
  const secondFactor = await checkSecondFactor(storage, deps, user.id, request.totp, 'recovery', now);
  const credentials = {
    salt: request.salt,
    loginKeyHash: toBase64Url(hashLoginKey(decodeBase64Url(request.loginKey, 'loginKey'))),
    wrappedKeys: request.wrappedKeys,
    recoveryWrappedKeys: request.recoveryWrappedKeys,
  };
  await storage.transaction(async ({ securityAccounts, audit }) => {
    if (!(await securityAccounts.replaceCredentials(user.id, user.salt, credentials))) throw new AppError('recovery-failed');
    await securityAccounts.deleteSessionsOf(user.id);
    const details = { newRecoveryKey: request.recoveryWrappedKeys !== null, secondFactor };
    await audit.append({ actorId: user.id, action: 'recover-account', objectType: 'user', objectId: user.id, details }, now);
  });
  return { userId: user.id };
}
