/**
 * Tables of forwarding verified cases to authorities and media, and following them to their
 * outcome (migration 0005-forwarding).
 *
 * SECURITY: in clear only who forwarded to whom, when, the state, and each event's kind and
 * closed-list action (counted by the monitoring dashboard). The package, its files and every
 * event's details are ciphertext under the forwarding's package key, made in a browser.
 */
export type ForwardingTables = {
  forwardings: ForwardingsTable;
  forwarding_events: ForwardingEventsTable;
  forwarding_drafts: ForwardingDraftsTable;
  forwarding_files: ForwardingFilesTable;
  forwarding_file_chunks: ForwardingFileChunksTable;
  forwarding_settings: ForwardingSettingsTable;
};

/** One per (alert, sending organisation, recipient organisation); area `cases` reads states and instants. */
export type ForwardingsTable = {
  id: string; // made in the sender's browser, bound into the package's AAD and the signed statement
  alert_id: string;
  from_org_id: string;
  to_org_id: string;
  to_key_version: number;
  state: string; // ForwardingState
  sent_at: string;
  acknowledged_at: string | null;
  concluded_at: string | null;
  created_by: string;
  onward_of: string | null; // the forwarding this one passes on (sent by the recipient of that one)
  includes_identity: number;
  package_envelope: string; // under the package key; '' once deleted by retention
  package_sha256: string;
  signature: string; // the forwarding organisation's Ed25519 signature over the ForwardingStatement
  attachment_files: string; // JSON [{blobId, chunkCount}] of the package's re-encrypted files
};

export type ForwardingEventsTable = {
  id: string;
  forwarding_id: string;
  seq: number; // 1, 2, 3 … per forwarding
  kind: string; // 'acknowledged' | 'action' | 'concluded'
  action: string | null; // ForwardingAction, in clear (counted)
  actor_id: string;
  details_envelope: string | null; // under the package key (free text, exact amounts, reasons)
  created_at: string;
};

/** An upload of package files made before the forwarding exists (its id is the browser's). */
export type ForwardingDraftsTable = {
  forwarding_id: string;
  alert_id: string;
  onward_of: string | null;
  user_id: string;
  created_at: string;
};

export type ForwardingFilesTable = {
  id: string; // blob id chosen by the browser; its chunks live in the blob store under this id
  forwarding_id: string; // a draft's id until the forwarding is sent, then the forwarding's
  chunk_count: number;
  total_bytes: number;
  state: string; // 'uploading' | 'complete'
};

export type ForwardingFileChunksTable = { file_id: string; chunk_index: number; size: number; sha256: string };

/** Per recipient organisation: whether reporters see its name in their follow-up (default: no). */
export type ForwardingSettingsTable = { org_id: string; name_to_reporter: number; updated_by: string; updated_at: string };
