/**
 * @kenekanko/client: the protocol as the browser and the CLI speak it. Runs unchanged in
 * both (no node:* import; `fetch` injected; randomness from @kenekanko/crypto).
 */
export { ApiError, ClientError, CLIENT_ERROR_CODES, NetworkError, isApiError, isClientError, isNetworkError } from './errors.ts';
export type { ClientErrorCode } from './errors.ts';
export { createApiClient } from './api-client.ts';
export type { ApiClient, ApiClientOptions } from './api-client.ts';
export { createIntakeApiClient } from './intake-api-client.ts';
export type { IntakeApi } from './intake-api-client.ts';
export { createReporterApiClient } from './reporter-api-client.ts';
export type { ReporterApi } from './reporter-api-client.ts';
export { setupPlatform, MIN_PASSWORD_LENGTH, QUESTIONNAIRE_V1_ENCRYPTED_FIELDS } from './setup-platform.ts';
export type { SetupInput, SetupResult } from './setup-platform.ts';
export { submitAlert } from './submit-alert.ts';
export { prepareAlert } from './prepare-alert.ts';
export type { PrepareOptions } from './prepare-alert.ts';
export { sendPrepared } from './send-prepared.ts';
export type { ConsentOutcome, SendApi, SendOptions, SendResult } from './send-prepared.ts';
export { SEALED_SUBMISSION_VERSION, sealedBytes, sealedUploadBytes } from './sealed-submission.ts';
export { SealedSubmissionSchema, parseSealedSubmission } from './parse-sealed-submission.ts';
export type { PreparedSubmission, SealedSubmission } from './sealed-submission.ts';
export { loadTrustedIntake, trustIntake } from './trusted-intake.ts';
export type { TrustedIntake } from './trusted-intake.ts';
export { openReporterAlert } from './reporter-session.ts';
export type { ReporterOptions } from './reporter-session.ts';
export { staffLogin } from './staff-session.ts';
export type { StaffKeyring, StaffSession } from './staff-session.ts';
export { orgKeyAt, orgSigningKeys, verifiedKeyHistory } from './org-keyring.ts';
export type { KeyHistory, OrgKeychain } from './org-keyring.ts';
export type { AnswersProblem, DeskTextProblem, OpenedAlert, OpenedNote, OpenedStateChange } from './opened-alert.ts';
export type { BrokenMessage, ConversationEntry, PartProblem } from './conversation.ts';
export { loadPlaces } from './places.ts';
export { custodianId } from './custodian.ts';
export { answersContext, grantContext, identityContext, messageContext, noteContext, reasonContext, userKeysContext } from './contexts.ts';
export { newKeySet, openGrant, parsePrivateKeys, privateKeysBytes, sealGrant, unwrapGrant, wipeKeySet, wrapGrant } from './grants.ts';
export type { KeySet } from './grants.ts';
export { assertSafeQuestionnaire, verifyDirectory, verifyQuestionnaire } from './signed-documents.ts';
export type {
  AlertDraft,
  DecryptedMessage,
  DraftFile,
  ReporterSession,
  SubmitOptions,
  SubmitProgress,
  SubmitResult,
} from './types.ts';
export * from './orgs/index.ts';
export { personFingerprint } from './person-fingerprint.ts';
export * from './security/index.ts';
export * from './cases/index.ts';
export * from './forwarding/index.ts';
export * from './custody/index.ts';
export * from './stats/index.ts';
