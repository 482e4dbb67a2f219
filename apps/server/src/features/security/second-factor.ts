/**
 * The TOTP second factor: enrolment by the signed-in user, the code check at login and at
 * recovery, and the deployment's policy (REQUIRE_SECOND_FACTOR).
 *
 * SECURITY: wrong codes are throttled per user (never per address) with a hard limit: only
 * someone who already passed the password, holds the session or the recovery key reaches this
 * check, so a stranger cannot fill the bucket and lock a person out, while whoever holds a
 * stolen password gets a handful of guesses per window out of a million codes. Every wrong
 * code is audited with the running count of failures, never the code itself.
 */
import type { SecondFactorStatus, TotpEnrolResponse } from '@kenekanko/contracts';
import { fromBase64Url, toBase64Url, utf8Encode } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import type { AuditLog } from '../shared/audit.ts';
import type { Storage } from '../shared/storage.ts';
import { bucketFor, enforceThrottles } from '../shared/throttle.ts';
import type { BucketKey, Throttle } from '../shared/throttle.ts';
import { addSeconds } from '../shared/time.ts';
import type { SecondFactorRecord, SecurityRepos } from './ports.ts';
import { acceptedStep, base32Of, newTotpSecret, openTotpSecret, sealTotpSecret, totpUri } from './totp.ts';
import type { TotpKey } from './totp.ts';

export const SECOND_FACTOR_THROTTLE = { limit: 6, windowSeconds: 10 * 60 } as const;
/** A started enrolment must be confirmed within this long. */
export const ENROLMENT_SECONDS = 15 * 60;

export type SecurityDeps = {
  readonly throttle: Throttle;
  readonly bucketKey: BucketKey;
  readonly totpKey: TotpKey;
  readonly serverSecret: Uint8Array;
  readonly requireSecondFactor: boolean;
};

export type SecondFactorRepos = SecurityRepos & { readonly audit: AuditLog };

/** Where a code was asked for, as the audit trail records it. */
export type CodeContext = 'login' | 'enrolment' | 'recovery';

export async function secondFactorStatus(repos: SecurityRepos, deps: SecurityDeps, userId: string): Promise<SecondFactorStatus> {
  const factor = await repos.secondFactors.find(userId);
  const active = factor?.state === 'active';
  return {
    enrolled: active,
    method: active ? factor.method : null,
    enrolledAt: active ? (factor.enrolledAt?.toISOString() ?? null) : null,
    required: deps.requireSecondFactor,
  };
}

/** True when the policy closes the desk to this user until they enrol. */
export async function enrolmentRequired(repos: SecurityRepos, deps: SecurityDeps, userId: string): Promise<boolean> {
  if (!deps.requireSecondFactor) return false;
  return (await repos.secondFactors.find(userId))?.state !== 'active';
}

/** Makes a fresh secret; replaces any unfinished enrolment. An active factor must be reset first. */
export async function startTotpEnrolment(
  storage: Storage<SecondFactorRepos>,
  deps: SecurityDeps,
  user: { readonly userId: string; readonly login: string },
  now: Date,
): Promise<TotpEnrolResponse> {
  const secret = newTotpSecret();
  try {
    const envelope = toBase64Url(sealTotpSecret(deps.totpKey, user.userId, secret));
    await storage.transaction(async ({ secondFactors }) => {
      if ((await secondFactors.find(user.userId))?.state === 'active') throw new AppError('second-factor-already-enrolled');
      await secondFactors.putPending(user.userId, 'totp', envelope, now);
    });
    return { secret: base32Of(secret), uri: totpUri(secret, user.login), expiresAt: addSeconds(now, ENROLMENT_SECONDS).toISOString() };
  } finally {
    secret.fill(0);
  }
}

function stepFor(deps: SecurityDeps, factor: SecondFactorRecord, code: string, now: Date): number | undefined {
  const secret = openTotpSecret(deps.totpKey, factor.userId, fromBase64Url(factor.secretEnvelope));
  try {
    return acceptedStep(secret, code, now, factor.lastStep);
  } finally {
    secret.fill(0);
  }
}

async function throttleCodes(deps: SecurityDeps, userId: string, now: Date): Promise<void> {
  const bucket = bucketFor(deps.bucketKey, 'second-factor', utf8Encode(userId));
  await enforceThrottles(deps.throttle, [{ bucket, rule: SECOND_FACTOR_THROTTLE, whenFull: 'refuse' }], now);
}

/** Counts and audits a wrong code in its own transaction (the caller's work is refused), then throws. */
async function refuseCode(storage: Storage<SecondFactorRepos>, userId: string, context: CodeContext, now: Date): Promise<never> {
  await storage.transaction(async ({ secondFactors, audit }) => {
    const failures = await secondFactors.countFailure(userId);
    await audit.append({ actorId: userId, action: 'second-factor-failed', objectType: 'user', objectId: userId, details: { context, failures } }, now);
  });
  throw new AppError('second-factor-invalid');
}

export async function confirmTotpEnrolment(storage: Storage<SecondFactorRepos>, deps: SecurityDeps, userId: string, code: string, now: Date): Promise<SecondFactorStatus> {
  await throttleCodes(deps, userId, now);
  const factor = await storage.read.secondFactors.find(userId);
  if (factor?.state === 'active') throw new AppError('second-factor-already-enrolled');
  if (factor === undefined || addSeconds(factor.createdAt, ENROLMENT_SECONDS) <= now) throw new AppError('second-factor-enrolment-expired');
  const step = stepFor(deps, factor, code, now);
  if (step === undefined) return refuseCode(storage, userId, 'enrolment', now);
  await storage.transaction(async ({ secondFactors, audit }) => {
    if (!(await secondFactors.activate(userId, step, now))) throw new AppError('conflict');
    await audit.append({ actorId: userId, action: 'enrol-second-factor', objectType: 'user', objectId: userId, details: { method: factor.method } }, now);
  });
  return secondFactorStatus(storage.read, deps, userId);
}

/**
 * The second-factor step of a login or a recovery, after the first factor passed: 'none' when
 * the user has no active factor; otherwise the code must be present, valid and unused.
 * SECURITY: a missing code answers 'second-factor-required' and the caller creates nothing.
 */
export async function checkSecondFactor(
  storage: Storage<SecondFactorRepos>,
  deps: SecurityDeps,
  userId: string,
  code: string | undefined,
  context: CodeContext,
  now: Date,
): Promise<'none' | 'totp'> {
  const factor = await storage.read.secondFactors.find(userId);
  if (factor?.state !== 'active') return 'none';
  if (code === undefined) throw new AppError('second-factor-required');
  await throttleCodes(deps, userId, now);
  const step = stepFor(deps, factor, code, now);
  // acceptStep is the atomic replay check: a code used once (or an older one) never passes again.
  if (step === undefined || !(await storage.read.secondFactors.acceptStep(userId, step))) return refuseCode(storage, userId, context, now);
  return factor.method;
}
