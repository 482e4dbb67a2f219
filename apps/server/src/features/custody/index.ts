/**
 * Identity requests and the custodian key, signed audit checkpoints, and retention (issue 3).
 * Reached through this file only.
 */
export { custodianKeyRef, custodianKeyView, grantCustodianKey } from './custodian-key.ts';
export type { CustodianKeyRef } from './custodian-key.ts';
export {
  alertIdentityView,
  createIdentityRequest,
  custodyRequestDetail,
  grantIdentityRequest,
  listCustodyRequests,
  refuseIdentityRequest,
} from './identity-requests.ts';
export { addAuditCheckpoint, auditEntriesAfter, auditHead, checkpointStatement } from './audit-checkpoints.ts';
export {
  addMonths,
  alertRetentionView,
  isClosingState,
  orgRetention,
  releaseRetentionHold,
  RETENTION_CLOSING_STATES,
  setOrgRetention,
  setRetentionHold,
} from './retention.ts';
export { reporterIdentityDecisions } from './reporter-decisions.ts';
export type {
  CheckpointRepo,
  CustodianUser,
  CustodyDeps,
  CustodyRepo,
  CustodyRepos,
  GrantAddress,
  IdentityRequestRecord,
  RetentionCandidate,
  RetentionRepo,
  StoredCheckpoint,
} from './ports.ts';
