/** Tables of organisations, memberships, invitations, organisation keys and the signed key directory (migration 0002-organisations). */
export type OrgsTables = {
  invitations: InvitationsTable;
};

/** SECURITY: the one-time code is never stored, only its SHA-256 (base64url). */
export type InvitationsTable = {
  id: string;
  code_hash: string;
  org_id: string;
  role: string; // Role
  login: string | null; // the login the invitee must use, when the administrator named one
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
};
