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
