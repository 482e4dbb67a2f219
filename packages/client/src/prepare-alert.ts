/**
 * Sealing an alert (DESIGN §3, "send later"): from a verified intake and the reporter's draft,
 * make the receipt and every key, encrypt every answer and file, and seal the key grants. It
 * needs no network, so an alert can be sealed offline from the intake documents cached on an
 * earlier visit; sendPrepared uploads the result whenever the network allows.
 *
 * SECURITY: the caller must hand in an intake it has just verified against the pinned
 * coalition key (trustIntake), cached or not: the organisation and custodian keys sealed to
 * here come only from that signed directory. The reporter's private keys are zeroed before
 * this returns; the receipt exists only in the returned value, for the UI to show once.
 */
import { RECEIPT_FORMAT_VERSION, deriveReceiptKeys, fromBase64Url, generateReceipt, toBase64Url } from '@kenekanko/crypto';
import type { FinalizeAlertRequest } from '@kenekanko/contracts';
import { buildAlertPackage } from './alert-package.ts';
import { signJournalistConsent } from './forwarding/consent-signing.ts';
import { newId } from './ids.ts';
import { SEALED_SUBMISSION_VERSION } from './sealed-submission.ts';
import type { PreparedSubmission } from './sealed-submission.ts';
import type { TrustedIntake } from './trusted-intake.ts';
import type { AlertDraft, SubmitProgress } from './types.ts';
import { manifests } from './upload.ts';

export type PrepareOptions = {
  readonly onProgress?: (progress: SubmitProgress) => void;
};

export async function prepareAlert(intake: TrustedIntake, draft: AlertDraft, opts: PrepareOptions = {}): Promise<PreparedSubmission> {
  opts.onProgress?.({ phase: 'keys', sentBytes: 0, totalBytes: 0 });
  const receipt = generateReceipt();
  const reporter = await deriveReceiptKeys(receipt, fromBase64Url(intake.directory.deploymentSalt));
  try {
    const submissionId = newId();
    opts.onProgress?.({ phase: 'encrypting', sentBytes: 0, totalBytes: 0 });
    const pack = buildAlertPackage(submissionId, draft, intake, reporter);
    const finalize: FinalizeAlertRequest = {
      orgId: intake.routedOrganisation.id,
      statistics: pack.statistics,
      questionnaireVersion: intake.questionnaire.version,
      receiptVersion: RECEIPT_FORMAT_VERSION,
      lookupToken: toBase64Url(reporter.lookupToken),
      reporterX25519Public: toBase64Url(reporter.x25519.publicKey),
      reporterEd25519Public: toBase64Url(reporter.ed25519.publicKey),
      answersEnvelope: pack.answersEnvelope,
      identityEnvelope: pack.identityEnvelope,
      grants: [...pack.grants],
      blobs: manifests({ submissionId, purpose: 'alert', blobs: pack.blobs }),
    };
    // The alert id is the submission id: the consent ticked in the form is signed now, while
    // the reporter's key exists, so no follow-up visit is needed for it to count.
    const consent = draft.consents.shareWithJournalists ? { journalistConsent: signJournalistConsent(submissionId, reporter.ed25519.privateKey) } : {};
    return { receipt, sealed: { v: SEALED_SUBMISSION_VERSION, submissionId, blobs: pack.blobs, finalize, ...consent } };
  } finally {
    reporter.x25519.privateKey.fill(0);
    reporter.ed25519.privateKey.fill(0);
  }
}
