/** The shapes a UI hands to the client and gets back (the API other engineers code against). */
import type { AlertState, AnswersPayload, AttachmentRef, InstitutionType, Language, ReporterFollowUp, WrongdoingKind } from '@kenekanko/contracts';
import type { ConversationEntry } from './conversation.ts';

/** A file as the UI holds it after packages/scrub has cleaned it (or flagged it as not cleanable). */
export type DraftFile = {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
  readonly scrub: 'cleaned' | 'not-cleaned';
};

export type AlertDraft = {
  readonly language: Language;
  /** Sent in clear as statistics (closed lists only), and repeated inside the answers. */
  readonly statistics: {
    readonly kind: WrongdoingKind;
    readonly regionId: string;
    readonly cercleId: string | null;
    readonly institutionType: InstitutionType;
  };
  readonly communeId: string | null;
  /** A day, 'YYYY-MM-DD'. */
  readonly when: string | null;
  readonly institutionName: string;
  readonly amountFcfa: number | null;
  readonly description: string;
  readonly identity: { readonly name: string; readonly phone: string } | null;
  readonly consents: { readonly shareWithJournalists: boolean };
  readonly files: readonly DraftFile[];
};

export type SubmitProgress = {
  readonly phase: 'keys' | 'proof-of-work' | 'encrypting' | 'uploading' | 'finalizing';
  readonly sentBytes: number;
  readonly totalBytes: number;
};

export type SubmitOptions = {
  /** base64url; when given, the key the server serves must be exactly this one. */
  readonly pinnedCoalitionKey?: string;
  readonly onProgress?: (progress: SubmitProgress) => void;
  /** Consecutive failures tolerated per request before giving up (default 5). */
  readonly maxRetries?: number;
  /** First backoff delay in milliseconds, doubled at each retry (default 1000). */
  readonly retryDelayMs?: number;
};

export type SubmitResult = {
  /** 24 digits, no spaces. Shown to the reporter once; never stored by the client. */
  readonly receipt: string;
  readonly alertId: string;
  readonly receivedDay: string;
  /** The consent to journalists ticked in the form: 'not-sent' means it must be given again from the follow-up page. */
  readonly journalistConsent: 'none' | 'sent' | 'not-sent';
};

export type DecryptedMessage = {
  readonly seq: number;
  readonly senderType: 'reporter' | 'organisation';
  readonly text: string;
  readonly attachments: readonly AttachmentRef[];
  readonly createdDay: string;
  /** Every message returned has had its signature checked; there is no unverified variant. */
  readonly verified: true;
};

export type ReporterSession = {
  readonly alertId: string;
  readonly state: AlertState;
  readonly receivedDay: string;
  readonly organisationName: string;
  /** null once the alert was closed as spam and its ciphertext deleted. */
  readonly answers: AnswersPayload | null;
  /** Oldest first; a message that does not verify or open is a BrokenMessage, shown as such. */
  readonly messages: readonly ConversationEntry[];
  readonly reply: (text: string, files?: readonly DraftFile[]) => Promise<void>;
  /** Forwarding (issue 3): where the case went and what was done, to the day. */
  readonly followUp: readonly ReporterFollowUp[];
  /** Whether the server holds the reporter's signed consent to sharing with partner journalists. */
  readonly journalistConsent: boolean;
  /** Signs and sends that consent with the receipt's key ("I agree that partner journalists may receive my alert"). */
  readonly agreeToJournalists: () => Promise<void>;
  /** Custody (issue 3): requests to see the reporter's identity that a custodian decided, to the day. */
  readonly identityDecisions: readonly { readonly decision: 'granted' | 'refused'; readonly day: string }[];
  /** Reloads from the server with the keys already derived (no second Argon2id). */
  readonly refresh: () => Promise<ReporterSession>;
};
