/**
 * The reporter's follow-up, without an account: the lookup token (derived from the receipt
 * in the browser) finds the alert; the content key sealed to the reporter opens it.
 *
 * SECURITY: throttled per token and globally, never per address. A miss does the same
 * lookups as a hit before answering 'receipt-not-found', so timing does not tell whether a
 * guessed token exists. Lookup hashes are tried under every pepper version, so rotating the
 * pepper never locks out an older receipt.
 */
import type { ReporterAlertView } from '@kenekanko/contracts';
import { hashLookupToken, toHex } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import type { AlertRepo } from '../shared/alerts.ts';
import { NO_ALERT_ID } from '../shared/alerts.ts';
import { decodeBase64Url } from '../shared/decode.ts';
import type { DirectoryRepo } from '../shared/records.ts';
import type { MessageRepo } from '../shared/messages.ts';
import type { Storage } from '../shared/storage.ts';
import { bucketFor, enforceThrottles, powPayment } from '../shared/throttle.ts';
import type { BucketKey, Throttle } from '../shared/throttle.ts';
import type { Peppers } from '../submissions/index.ts';
import type { PowService } from '../pow/index.ts';
import type { PowSolution } from '../shared/throttle.ts';
import { reporterFollowUp } from '../forwarding/reporter-follow-up.ts';
import type { ForwardingRepo } from '../forwarding/ports.ts';
import { reporterIdentityDecisions } from '../custody/index.ts';
import { orgKeyHistory } from '../orgs/index.ts';
import type { CustodyRepo } from '../custody/index.ts';

export type LookupRepo = { alertIdByLookup(lookupHashes: readonly string[]): Promise<string | undefined> };

export type ReporterRepos = {
  readonly lookups: LookupRepo;
  readonly alerts: AlertRepo;
  readonly messages: MessageRepo;
  readonly directory: DirectoryRepo;
  readonly forwarding: ForwardingRepo;
  readonly custody: CustodyRepo;
};

export type ReporterDeps = {
  readonly throttle: Throttle;
  readonly pow: PowService;
  readonly bucketKey: BucketKey;
  readonly peppers: Peppers;
};

export const REPORTER_THROTTLES = {
  lookupPerToken: { limit: 10, windowSeconds: 15 * 60 },
  lookupGlobal: { limit: 300, windowSeconds: 60 },
  postPerToken: { limit: 20, windowSeconds: 60 * 60 },
  postGlobal: { limit: 120, windowSeconds: 60 },
} as const;

/**
 * Per token: a wall (a wrong receipt is a typo a few times at most, and a guesser of one token
 * locks out nobody else). Global look-ups and posts: a flood makes everyone pay a proof of
 * work instead of locking every reporter out.
 */
export async function throttleReporter(deps: ReporterDeps, action: 'lookup' | 'post', token: Uint8Array, now: Date, pow?: PowSolution): Promise<void> {
  const perToken = action === 'lookup' ? REPORTER_THROTTLES.lookupPerToken : REPORTER_THROTTLES.postPerToken;
  const global = action === 'lookup' ? REPORTER_THROTTLES.lookupGlobal : REPORTER_THROTTLES.postGlobal;
  await enforceThrottles(
    deps.throttle,
    [
      { bucket: `reporter-${action}:global`, rule: global, whenFull: 'proof-of-work' },
      { bucket: bucketFor(deps.bucketKey, `reporter-${action}`, token), rule: perToken },
    ],
    now,
    powPayment(deps.pow, pow, now),
  );
}

/** The alert id for a lookup token, or undefined; the same work either way. */
export async function findAlertByToken(lookups: LookupRepo, peppers: Peppers, token: Uint8Array): Promise<string | undefined> {
  const hashes = peppers.versions.map((version) => toHex(hashLookupToken(peppers.pepper(version), token)));
  return lookups.alertIdByLookup(hashes);
}

export async function reporterAlertView(storage: Storage<ReporterRepos>, deps: ReporterDeps, lookupToken: string, now: Date, pow?: PowSolution): Promise<ReporterAlertView> {
  const token = decodeBase64Url(lookupToken, 'lookupToken');
  await throttleReporter(deps, 'lookup', token, now, pow);
  const { lookups, alerts, messages, directory } = storage.read;
  const found = await findAlertByToken(lookups, deps.peppers, token);
  const id = found ?? NO_ALERT_ID;
  const [alert, grants, conversation] = await Promise.all([alerts.findAlert(id), alerts.grantsOf(id, 'reporter'), messages.messagesOf(id)]);
  const org = await directory.organisation(alert?.orgId ?? NO_ALERT_ID);
  const contentGrant = grants.find((g) => g.keyKind === 'content');
  if (found === undefined || alert === undefined || org === undefined || contentGrant === undefined) throw new AppError('receipt-not-found');
  return {
    alertId: alert.id,
    state: alert.state,
    receivedDay: alert.receivedDay,
    organisation: { id: org.id, name: org.name, ed25519Public: org.ed25519Public },
    answersEnvelope: alert.answersEnvelope,
    contentGrant,
    messages: [...conversation],
    followUp: await reporterFollowUp(storage.read.forwarding, alert.id),
    journalistConsent: (await storage.read.forwarding.journalistConsent(alert.id)) !== null,
    identityDecisions: [...(await reporterIdentityDecisions(storage.read.custody, alert.id))],
    organisationKeyHistory: await orgKeyHistory(directory, [org.id]),
  };
}
