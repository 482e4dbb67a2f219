/**
 * Staff login without the password ever reaching the server: the browser derives a login key
 * with Argon2id and sends it; the server compares hashLoginKey(loginKey) with the stored hash.
 *
 * SECURITY: unknown logins get a stable fake salt, and an unknown or disabled login does the
 * same hashing and comparison as a known one before 'invalid-credentials', so neither the salt
 * request nor the login's timing tells who has an account. Throttles are per login and global,
 * never per address. The session cookie's value is random and the database keeps only its
 * SHA-256, so a database leak yields no live session.
 *
 * SECURITY: no session before both factors. A user with an active second factor who sends no
 * code gets 'second-factor-required' (only after the password matched), a wrong or replayed
 * code 'second-factor-invalid'; neither creates a session (features/security).
 */
import { deriveFakeUserSalt, equalBytes, hashLoginKey, randomBytes, sha256, toBase64Url, utf8Encode } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import type { AuditLog } from '../shared/audit.ts';
import { decodeBase64Url } from '../shared/decode.ts';
import type { Storage } from '../shared/storage.ts';
import type { PowService } from '../pow/index.ts';
import { checkSecondFactor } from '../security/index.ts';
import type { SecondFactorRepos, SecurityDeps } from '../security/index.ts';
import { bucketFor, enforceThrottles, powPayment } from '../shared/throttle.ts';
import type { BucketKey, PowSolution, Throttle } from '../shared/throttle.ts';
import { addSeconds } from '../shared/time.ts';
import type { AccountRepo } from './ports.ts';

export const SESSION_TOKEN_BYTES = 32;
/** However active, a session ends after this long; idle sessions end sooner (config). */
export const SESSION_MAX_SECONDS = 12 * 3600;

export const LOGIN_THROTTLES = {
  perLogin: { limit: 10, windowSeconds: 15 * 60 },
  global: { limit: 300, windowSeconds: 60 },
  saltGlobal: { limit: 600, windowSeconds: 60 },
} as const;

export type AccountDeps = {
  readonly throttle: Throttle;
  readonly pow: PowService;
  readonly bucketKey: BucketKey;
  readonly serverSecret: Uint8Array;
  readonly sessionIdleMinutes: number;
};

export type AccountRepos = { readonly accounts: AccountRepo; readonly audit: AuditLog };

/** Compared against when the login is unknown, so the work is the same. */
const NO_USER_HASH = new Uint8Array(32);

export function sessionIdHash(token: string): string {
  return toBase64Url(sha256(utf8Encode(token)));
}

/**
 * SECURITY (M1/M2): every login throttle asks for a proof of work when full, never a lockout:
 * flooding a known login, or all of them, makes each attempt cost work (the flood's too) but
 * cannot keep the real coordinator out. A guesser still pays for every password tried.
 */
export async function saltFor(accounts: AccountRepo, deps: AccountDeps, login: string, now: Date, pow?: PowSolution): Promise<string> {
  await enforceThrottles(deps.throttle, [{ bucket: 'auth-salt:global', rule: LOGIN_THROTTLES.saltGlobal, whenFull: 'proof-of-work' }], now, powPayment(deps.pow, pow, now));
  const user = await accounts.userByLogin(login);
  const fake = toBase64Url(deriveFakeUserSalt(deps.serverSecret, login));
  return user?.salt ?? fake;
}

export type LoginResult = { readonly userId: string; readonly sessionToken: string };

export type LoginInput = {
  readonly login: string;
  readonly loginKey: string;
  /** The authenticator code; required when the user has an active second factor. */
  readonly totp?: string | undefined;
  readonly pow?: PowSolution | undefined;
};

export async function login(storage: Storage<AccountRepos & SecondFactorRepos>, deps: AccountDeps, security: SecurityDeps, input: LoginInput, now: Date): Promise<LoginResult> {
  const { login: loginName, loginKey, pow } = input;
  await enforceThrottles(
    deps.throttle,
    [
      { bucket: 'auth-login:global', rule: LOGIN_THROTTLES.global, whenFull: 'proof-of-work' },
      { bucket: bucketFor(deps.bucketKey, 'auth-login', utf8Encode(loginName)), rule: LOGIN_THROTTLES.perLogin, whenFull: 'proof-of-work' },
    ],
    now,
    powPayment(deps.pow, pow, now),
  );
  const user = await storage.read.accounts.userByLogin(loginName);
  const presented = hashLoginKey(decodeBase64Url(loginKey, 'loginKey'));
  const expected = user === undefined ? NO_USER_HASH : decodeBase64Url(user.loginKeyHash, 'loginKeyHash');
  const matches = equalBytes(presented, expected);
  if (user === undefined || user.disabled || !matches) throw new AppError('invalid-credentials');
  const secondFactor = await checkSecondFactor(storage, security, user.id, input.totp, 'login', now);

  const sessionToken = toBase64Url(randomBytes(SESSION_TOKEN_BYTES));
  await storage.transaction(async ({ accounts, audit }) => {
    await accounts.insertSession({ idHash: sessionIdHash(sessionToken), userId: user.id, lastSeenAt: now, expiresAt: addSeconds(now, SESSION_MAX_SECONDS) }, now);
    await audit.append({ actorId: user.id, action: 'login', objectType: 'user', objectId: user.id, details: { secondFactor } }, now);
  });
  return { userId: user.id, sessionToken };
}

export type StaffPrincipal = { readonly userId: string; readonly login: string; readonly sessionIdHash: string };

/** The signed-in user for a cookie value, or undefined; touches the session (idle timeout). */
export async function resolveSession(accounts: AccountRepo, deps: AccountDeps, token: string, now: Date): Promise<StaffPrincipal | undefined> {
  const idHash = sessionIdHash(token);
  const session = await accounts.findSession(idHash);
  if (session === undefined) return undefined;
  const idleDeadline = addSeconds(session.lastSeenAt, deps.sessionIdleMinutes * 60);
  if (session.expiresAt <= now || idleDeadline <= now) {
    await accounts.deleteSession(idHash);
    return undefined;
  }
  const user = await accounts.userById(session.userId);
  if (user === undefined || user.disabled) return undefined;
  await accounts.touchSession(idHash, now);
  return { userId: user.id, login: user.login, sessionIdHash: idHash };
}

export async function logout(storage: Storage<AccountRepos>, principal: StaffPrincipal, now: Date): Promise<void> {
  await storage.transaction(async ({ accounts, audit }) => {
    await accounts.deleteSession(principal.sessionIdHash);
    await audit.append({ actorId: principal.userId, action: 'logout', objectType: 'user', objectId: principal.userId, details: {} }, now);
  });
}
