/** Tables of identity requests, signed audit checkpoints and retention (migration 0006-custody-audit-retention). */
export type CustodyTables = {
  identity_requests: IdentityRequestsTable;
  audit_checkpoints: AuditCheckpointsTable;
  retention_policies: RetentionPoliciesTable;
  retention_holds: RetentionHoldsTable;
  retention_deletions: RetentionDeletionsTable;
};

/** SECURITY: both reasons are sealed to the custodian key; '' once deleted by retention. */
export type IdentityRequestsTable = {
  id: string;
  alert_id: string;
  requester_id: string;
  purpose: string; // IdentityRequestPurpose
  recipient_org_id: string | null; // for 'forwarding'
  state: string; // 'pending' | 'granted' | 'refused'
  reason_envelope: string;
  refusal_envelope: string | null;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
};

/** Signed in a coordinator's browser with the organisation's Ed25519 key; never by the server. */
export type AuditCheckpointsTable = {
  seq: number;
  hash: string;
  org_id: string;
  org_key_version: number;
  signer_user_id: string;
  signature: string;
  created_at: string;
};

export type RetentionPoliciesTable = { org_id: string; months: number; updated_by: string; updated_at: string };

/** SECURITY: the reason is under the alert's desk key. */
export type RetentionHoldsTable = { alert_id: string; id: string; set_by: string; reason_envelope: string; created_at: string };

export type RetentionDeletionsTable = { alert_id: string; months: number; deleted_at: string };
