/**
 * The database's tables as Kysely types: the single description of what the server stores.
 *
 * SECURITY: nothing here may hold plaintext alert content, a receipt, a password, an IP
 * address or a user agent. Columns ending in `_envelope`, `sealed_key` or `wrapped_keys` hold
 * ciphertext made in a browser (base64url text). Reporter-side dates are days ('YYYY-MM-DD'),
 * never instants. Binary values are base64url text and instants ISO-8601 UTC text, so that the
 * same migrations and queries serve SQLite and PostgreSQL unchanged. Booleans are 0/1 integers.
 */
import type { ColumnType, Generated } from 'kysely';
import type { OrgsTables } from './schema-orgs.ts';
import type { SecurityTables } from './schema-security.ts';
import type { CasesTables } from './schema-cases.ts';
import type { ForwardingTables } from './schema-forwarding.ts';
import type { CustodyTables } from './schema-custody.ts';
import type { StatsTables } from './schema-stats.ts';

export type Database = CoreTables & OrgsTables & SecurityTables & CasesTables & ForwardingTables & CustodyTables & StatsTables;

/** The tables of the first migration (issue 2); each later migration's tables live in schema-<area>.ts. */
export type CoreTables = {
  settings: SettingsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  key_grants: KeyGrantsTable;
  directory_versions: DirectoryVersionsTable;
  questionnaire_versions: QuestionnaireVersionsTable;
  places: PlacesTable;
  submissions: SubmissionsTable;
  alerts: AlertsTable;
  receipt_lookups: ReceiptLookupsTable;
  blobs: BlobsTable;
  blob_chunks: BlobChunksTable;
  messages: MessagesTable;
  notes: NotesTable;
  state_changes: StateChangesTable;
  audit_log: AuditLogTable;
  staff_sessions: StaffSessionsTable;
  pow_challenges_used: PowChallengesUsedTable;
  throttle_buckets: ThrottleBucketsTable;
};

/** Deployment-wide values: 'deployment_salt', 'setup_token_hash', 'coalition_signing_public', 'custodian_public', … */
export type SettingsTable = { key: string; value: string };

export type OrganisationsTable = {
  id: string;
  kind: string; // OrganisationKind
  name: string;
  x25519_public: string; // '' while the organisation has no keys yet (key_version 0)
  ed25519_public: string; // '' while the organisation has no keys yet (key_version 0)
  key_version: number; // 0: no keys yet (made later in a member's browser); 1, 2 … after each rotation
  created_at: string;
  preset: string | null; // migration 0002: the preset entry that made it ('mali:oclei', …), if any
};

export type UsersTable = {
  id: string;
  login: string; // normalised (trimmed, lower case); staff are not anonymous, reporters have no account
  salt: string;
  login_key_hash: string; // hashLoginKey(loginKey); the password never reaches the server
  x25519_public: string;
  ed25519_public: string;
  key_version: number;
  wrapped_keys: string; // private keys under the password-derived wrapping key
  recovery_wrapped_keys: string; // the same under the user's printed recovery key
  disabled: number;
  created_at: string;
};

export type MembershipsTable = {
  id: string;
  user_id: string;
  org_id: string;
  role: string; // Role
  created_at: string;
};

/** One table for every key handed to someone (DESIGN §3): object, key, version, recipient, sealed key. */
export type KeyGrantsTable = {
  id: string;
  object_type: string; // 'organisation' | 'alert' | 'coalition' | 'custodian'
  object_id: string;
  key_kind: string; // 'organisation' | 'content' | 'desk' | 'identity' | 'coalition-signing' | 'custodian'
  key_version: number;
  recipient_type: string; // 'user' | 'organisation' | 'reporter' | 'custodian' | 'recovery'
  recipient_id: string;
  recipient_key_version: number;
  sealed_key: string;
  created_at: string;
};

export type DirectoryVersionsTable = {
  version: number;
  body: string; // canonical JSON of DirectoryBody
  signature: string; // coalition signing key over it, made in a coordinator's browser
  created_at: string;
};

export type QuestionnaireVersionsTable = {
  version: number;
  body: string;
  signature: string;
  created_at: string;
};

/** Places with stable ids and validity dates, so a reorganisation never breaks old alerts. */
export type PlacesTable = {
  id: string;
  kind: string; // 'region' | 'district' | 'cercle' | 'commune' | 'quartier'
  parent_id: string | null;
  name: string;
  valid_from: string; // day
  valid_to: string | null; // day, exclusive; null while current
  source: string;
};

/** An upload session made by a browser-chosen submission id; idempotent and resumable. */
export type SubmissionsTable = {
  id: string;
  purpose: string; // 'alert' | 'reporter-files'
  state: string; // 'open' | 'finalized'
  declared_bytes: number;
  received_bytes: number;
  created_at: string; // kept only while open, for expiry; cleared to the day once finalized
  expires_at: string;
  alert_id: string | null;
  result: string | null; // JSON of the finalize response, returned again on a retried finalize
};

export type AlertsTable = {
  id: string; // = the submission id made in the reporter's browser
  org_id: string;
  state: string; // AlertState
  received_day: string;
  kind: string; // statistics field (closed list)
  region_id: string; // statistics field (place id)
  cercle_id: string | null; // statistics field (place id)
  institution_type: string; // statistics field (closed list)
  amount_band: string; // statistics field (closed list)
  questionnaire_version: number;
  answers_envelope: string;
  identity_envelope: string;
  reporter_x25519_public: string;
  reporter_ed25519_public: string;
  receipt_version: number;
  duplicate_of: string | null;
  assignee_id: string | null;
  updated_at: string; // last staff action (instant) or the received day
  priority: Generated<string>; // Priority (migration 0004, default 'normal'): a workflow field in clear, the inbox sorts on it
  journalist_consent: string | null; // migration 0005: the reporter's signature consenting to sharing with journalists (the server learns the bit)
};

export type ReceiptLookupsTable = {
  lookup_hash: string; // HMAC(pepper, lookup token)
  alert_id: string;
  receipt_version: number;
  pepper_version: number;
};

export type BlobsTable = {
  id: string; // chosen by the browser (random), bound into every chunk's AAD
  submission_id: string;
  alert_id: string | null; // set when the submission is finalized or the files are attached
  chunk_count: number;
  total_bytes: number; // ciphertext bytes
  state: string; // 'uploading' | 'complete'
  created_day: string;
};

export type BlobChunksTable = {
  blob_id: string;
  chunk_index: number;
  size: number;
  sha256: string; // of the ciphertext chunk: a retried identical chunk is accepted, a different one refused
};

export type MessagesTable = {
  id: string;
  alert_id: string;
  seq: number; // 1, 2, 3 … per alert; signed by the sender
  sender_type: string; // 'reporter' | 'organisation'
  sender_user_id: string | null;
  envelope: string;
  signature: string;
  attachment_blob_ids: string; // JSON array of blob ids
  created_day: string;
};

export type NotesTable = {
  id: string;
  alert_id: string;
  author_id: string;
  envelope: string; // under the alert's desk key: the reporter can never read it
  created_at: string;
};

export type StateChangesTable = {
  id: string;
  alert_id: string;
  seq: number;
  from_state: string | null;
  to_state: string;
  actor_type: string; // 'reporter' | 'user' | 'system'
  actor_id: string | null;
  reason_envelope: string | null; // under the desk key
  created_at: string; // an instant for staff, a day for reporter-side events
};

/** Append-only, hash-chained: hash = SHA-256(prev_hash || canonical entry). */
export type AuditLogTable = {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  details: string; // canonical JSON, never content
  prev_hash: string;
  hash: string;
  /** Migration 0008: base64url keyed MAC of `hash` (audit-mac.ts); null for entries written before it. */
  mac: ColumnType<string | null, string | null | undefined, string | null>;
};

export type StaffSessionsTable = {
  id_hash: string; // SHA-256 of the cookie value: a database leak does not yield live sessions
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
};

export type PowChallengesUsedTable = { challenge_hash: string; expires_at: string };

export type ThrottleBucketsTable = { bucket: string; window_start: string; count: number };
