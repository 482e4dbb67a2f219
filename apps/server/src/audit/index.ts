/** The append-only, hash-chained audit trail. */
export {
  GENESIS_HASH,
  appendAudit,
  auditHash,
  canonicalDetails,
  verifyAuditChain,
  type AuditDetails,
  type AuditEntry,
  type AuditVerification,
} from './audit-trail.ts';
export { auditMac, deriveAuditMacKey, verifyAuditMacs, type AuditMacKey, type AuditMacVerification } from './audit-mac.ts';
export { checkpointCoverage, type CheckpointCoverage } from './checkpoint-coverage.ts';
export { verifyCheckpoints, type CheckpointProblem, type CheckpointVerification } from './verify-checkpoints.ts';
