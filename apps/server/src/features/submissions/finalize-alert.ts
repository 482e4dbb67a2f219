/**
 * Finalizing an alert: in one transaction, the upload is closed and the alert, its receipt
 * lookup, its key grants and its first state change are created. A retry after a dropped
 * answer gets the stored result unchanged; a cut-off upload never becomes an alert.
 *
 * SECURITY: every reporter-side time is stored as a day. The lookup value is an HMAC under a
 * pepper kept outside the database, so the database alone cannot test a guessed receipt.
 */
import { DirectoryBodySchema, FinalizeAlertResponseSchema } from '@kenekanko/contracts';
import type { DirectoryBody, FinalizeAlertRequest, Statistics } from '@kenekanko/contracts';
import { hashLookupToken, IDENTITY_PADDED_SIZE, isValidEd25519PublicKey, isValidX25519PublicKey, PURPOSES, RECEIPT_FORMAT_VERSION, toHex } from '@kenekanko/crypto';
import * as v from 'valibot';
import { AppError } from '../../http/app-error.ts';
import type { PlacesRepo } from '../intake/index.ts';
import { custodianIdOf } from '../shared/custodian.ts';
import { decodeBase64Url } from '../shared/decode.ts';
import { assertEnvelopeShape } from '../shared/envelope-shape.ts';
import type { DirectoryRepo, GrantRecord } from '../shared/records.ts';
import type { Storage } from '../shared/storage.ts';
import { dayOf } from '../shared/time.ts';
import { checkAlertGrants } from './alert-grants.ts';
import { closeUpload } from './close-upload.ts';
import type { UploadRepo } from './ports.ts';

export type FinalizeAlertResponse = v.InferOutput<typeof FinalizeAlertResponseSchema>;

export type NewAlert = {
  readonly id: string;
  readonly orgId: string;
  readonly receivedDay: string;
  readonly statistics: Statistics;
  readonly questionnaireVersion: number;
  readonly answersEnvelope: string;
  readonly identityEnvelope: string;
  readonly reporterX25519Public: string;
  readonly reporterEd25519Public: string;
  readonly receiptVersion: number;
};

/** Port: the writes that create an alert. */
export type AlertIntakeWrites = {
  lookupExists(lookupHash: string): Promise<boolean>;
  insertAlert(alert: NewAlert): Promise<void>;
  insertLookup(lookup: { readonly lookupHash: string; readonly alertId: string; readonly receiptVersion: number; readonly pepperVersion: number }): Promise<void>;
  insertGrants(grants: readonly GrantRecord[], createdAt: string): Promise<void>;
  insertFirstStateChange(alertId: string, day: string): Promise<void>;
};

export type FinalizeRepos = {
  readonly uploads: UploadRepo;
  readonly directory: DirectoryRepo;
  readonly places: PlacesRepo;
  readonly intake: AlertIntakeWrites;
};

export type Peppers = {
  /** The version for new lookup hashes. */
  readonly pepperVersion: number;
  /** Every version still held, newest first: old receipts resolve under the pepper they were made with. */
  readonly versions: readonly number[];
  pepper(version: number): Uint8Array;
};

export type FinalizeOutcome = { readonly response: FinalizeAlertResponse; readonly discardedBlobIds: readonly string[] };

async function latestDirectoryBody(directory: DirectoryRepo): Promise<DirectoryBody> {
  const latest = await directory.latestDirectory();
  if (latest === undefined) throw new AppError('not-set-up');
  // Stored only after its signature was verified at setup; parsed again as every stored value is.
  return v.parse(DirectoryBodySchema, JSON.parse(latest.body));
}

async function checkStatistics(places: PlacesRepo, statistics: Statistics, day: string): Promise<void> {
  const issues: string[] = [];
  if (!(await places.isPlaceOfKind(statistics.regionId, ['region', 'district'], day))) issues.push('statistics.regionId');
  const cercle = statistics.cercleId;
  if (cercle !== null) {
    const ok = (await places.isPlaceOfKind(cercle, ['cercle', 'commune'], day)) && (await places.isChildOf(cercle, statistics.regionId));
    if (!ok) issues.push('statistics.cercleId');
  }
  if (issues.length > 0) throw new AppError('validation-failed', { issues });
}

async function checkRequest(repos: FinalizeRepos, alertId: string, request: FinalizeAlertRequest, day: string): Promise<readonly GrantRecord[]> {
  const directory = await latestDirectoryBody(repos.directory);
  const listed = directory.organisations.find((o) => o.id === request.orgId);
  if (listed === undefined || (await repos.directory.organisation(request.orgId)) === undefined) {
    throw new AppError('validation-failed', { issues: ['orgId'] });
  }
  if (!(await repos.directory.questionnaireExists(request.questionnaireVersion))) {
    throw new AppError('validation-failed', { issues: ['questionnaireVersion'] });
  }
  if (request.receiptVersion !== RECEIPT_FORMAT_VERSION) throw new AppError('validation-failed', { issues: ['receiptVersion'] });
  // SECURITY: identity envelopes have one fixed size (IDENTITY_ENVELOPE_BYTES), empty or not.
  assertEnvelopeShape(request.identityEnvelope, PURPOSES.identity, 'identityEnvelope', IDENTITY_PADDED_SIZE);
  assertEnvelopeShape(request.answersEnvelope, PURPOSES.answers, 'answersEnvelope');
  // The organisation seals messages to the first and verifies the reporter's with the second:
  // keys that cannot be used would only fail later, on the desk.
  if (!isValidX25519PublicKey(decodeBase64Url(request.reporterX25519Public, 'reporterX25519Public'))) {
    throw new AppError('validation-failed', { issues: ['reporterX25519Public'] });
  }
  if (!isValidEd25519PublicKey(decodeBase64Url(request.reporterEd25519Public, 'reporterEd25519Public'))) {
    throw new AppError('validation-failed', { issues: ['reporterEd25519Public'] });
  }
  await checkStatistics(repos.places, request.statistics, day);
  return checkAlertGrants(request.grants, {
    alertId,
    orgId: request.orgId,
    orgKeyVersion: listed.keyVersion,
    custodianId: custodianIdOf(directory.custodian.x25519Public),
    custodianKeyVersion: directory.custodian.keyVersion,
  });
}

export async function finalizeAlert(
  storage: Storage<FinalizeRepos>,
  peppers: Peppers,
  submissionId: string,
  request: FinalizeAlertRequest,
  now: Date,
): Promise<FinalizeOutcome> {
  const day = dayOf(now);
  const lookupToken = decodeBase64Url(request.lookupToken, 'lookupToken');
  const lookupHash = toHex(hashLookupToken(peppers.pepper(peppers.pepperVersion), lookupToken));

  return storage.transaction(async (repos) => {
    const submission = await repos.uploads.lockSubmission(submissionId);
    if (submission === undefined) throw new AppError('not-found');
    if (submission.purpose !== 'alert') throw new AppError('conflict');
    if (submission.state === 'finalized') {
      return { response: v.parse(FinalizeAlertResponseSchema, JSON.parse(submission.result ?? 'null')), discardedBlobIds: [] };
    }
    if (submission.expiresAt <= now) throw new AppError('not-found');

    const grants = await checkRequest(repos, submissionId, request, day);
    // A receipt is random: a collision means the browser reused one, which must not merge two alerts.
    if (await repos.intake.lookupExists(lookupHash)) throw new AppError('conflict');

    const response: FinalizeAlertResponse = { alertId: submissionId, receivedDay: day };
    await repos.intake.insertAlert({
      id: submissionId,
      orgId: request.orgId,
      receivedDay: day,
      statistics: request.statistics,
      questionnaireVersion: request.questionnaireVersion,
      answersEnvelope: request.answersEnvelope,
      identityEnvelope: request.identityEnvelope,
      reporterX25519Public: request.reporterX25519Public,
      reporterEd25519Public: request.reporterEd25519Public,
      receiptVersion: request.receiptVersion,
    });
    await repos.intake.insertLookup({ lookupHash, alertId: submissionId, receiptVersion: request.receiptVersion, pepperVersion: peppers.pepperVersion });
    await repos.intake.insertGrants(grants, day);
    await repos.intake.insertFirstStateChange(submissionId, day);
    const { discardedBlobIds } = await closeUpload(repos.uploads, submissionId, request.blobs, submissionId, JSON.stringify(response), day);
    return { response, discardedBlobIds };
  });
}
