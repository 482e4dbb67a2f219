/** Client side of: identity requests and the custodian key, signed audit checkpoints, and retention. */
export { AUDIT_GENESIS_HASH, auditEntryHash, checkAuditSegment, checkpointStatementOf, fetchAuditHead, signAuditCheckpoint } from './audit-checkpoint.ts';
export type { CheckpointResult, SegmentCheck } from './audit-checkpoint.ts';
export { fetchCustodianKey, grantCustodianKeyTo, keyFingerprint, openCustodianKey, setUpCustodianKeyWithRecovery } from './custodian-key.ts';
export {
  grantIdentityRequest,
  identityRefusalContext,
  identityRequestContext,
  listCustodyRequests,
  loadAlertIdentity,
  openReason,
  refuseIdentityRequest,
  requestIdentity,
} from './identity-requests.ts';
export type { AlertIdentity, IdentityRequestInput, OpenedCustodyRequest } from './identity-requests.ts';
export { holdAlert, loadAlertRetention, loadOrgRetention, releaseAlertHold, retentionHoldContext, saveOrgRetention } from './retention.ts';
export type { OpenedRetention } from './retention.ts';
