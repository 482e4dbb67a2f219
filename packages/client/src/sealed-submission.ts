/**
 * A sealed submission: everything one alert consists of, ready to send, as ciphertext only
 * (DESIGN §3 "send later"). It is what may wait on a phone until the network returns, so it
 * is also parsed back from storage here.
 *
 * SECURITY: it holds no receipt, no private key and no content key: the receipt is handed to
 * the reporter once (PreparedSubmission.receipt) and never stored. What it does hold in clear
 * is what the server receives in clear anyway: the lookup token (which lets its holder see
 * the alert's state, not read it), the reporter's public keys, the routed organisation, and
 * the closed-list statistics fields. docs/threat-model.md says what a seized phone reveals.
 * Reading one back from storage is parse-sealed-submission.ts (kept apart, so a page that
 * only makes packages does not carry the schema).
 */
import type { FinalizeAlertRequest } from '@kenekanko/contracts';
import type { EncryptedBlob } from './upload.ts';

export const SEALED_SUBMISSION_VERSION = 1;

export type SealedSubmission = {
  readonly v: typeof SEALED_SUBMISSION_VERSION;
  /** Made in the browser; the same id on every attempt, so a retry never files twice. */
  readonly submissionId: string;
  readonly blobs: readonly EncryptedBlob[];
  readonly finalize: FinalizeAlertRequest;
  /**
   * The reporter's signed consent to sharing with partner journalists (ticked in the form),
   * signed in prepareAlert while the keys were at hand; sendPrepared posts it after finalize.
   * Absent when not ticked, and in packages made before it existed (both stay valid).
   * SECURITY: a signature over the alert id only; the server receives it in clear anyway.
   */
  readonly journalistConsent?: string;
};

/** What prepareAlert returns: the receipt to show once, and the package to send (or keep). */
export type PreparedSubmission = {
  /** 24 digits, no spaces. SECURITY: shown to the reporter once; never stored. */
  readonly receipt: string;
  readonly sealed: SealedSubmission;
};

/** Bytes the upload sends (the chunks), the figure a progress bar and a notice show. */
export const sealedUploadBytes = (sealed: SealedSubmission): number =>
  sealed.blobs.reduce((sum, blob) => sum + blob.chunks.reduce((s, chunk) => s + chunk.length, 0), 0);

/** Bytes the whole package takes (chunks and the finalize request), as it waits on a phone. */
export const sealedBytes = (sealed: SealedSubmission): number =>
  sealedUploadBytes(sealed) + JSON.stringify(sealed.finalize).length;
