/**
 * Tables of case work (migration 0004-case-work): the desk-key documents of a case, checklist
 * items, deadline settings, notifications and e-mail opt-ins. alerts.priority is in schema.ts.
 * SECURITY: case_documents.envelope is ciphertext under the alert's desk key; nothing else here
 * is about the content of a case.
 */
export type CasesTables = {
  case_documents: CaseDocumentsTable;
  checklist_items: ChecklistItemsTable;
  case_settings: CaseSettingsTable;
  notifications: NotificationsTable;
  mail_preferences: MailPreferencesTable;
};

/** One per (alert, kind): 'labels' | 'checklist'; `version` grows by one on every write. */
export type CaseDocumentsTable = {
  alert_id: string;
  kind: string;
  version: number;
  envelope: string;
  updated_by: string;
  updated_at: string;
};

/** Organisation configuration (clear): the verification steps its analysts tick. Archived items stay for old checklists. */
export type ChecklistItemsTable = {
  id: string;
  org_id: string;
  label: string;
  position: number;
  archived: number;
  created_at: string;
};

/** Deadlines of one organisation; absent = the defaults. */
export type CaseSettingsTable = {
  org_id: string;
  acknowledge_days: number;
  feedback_months: number;
  forwarding_acknowledge_days: number;
  updated_by: string;
  updated_at: string;
};

/** In-app notifications: a kind (closed list) and the alert or forwarding it is about; never content. */
export type NotificationsTable = {
  id: string;
  user_id: string;
  kind: string;
  object_id: string;
  created_at: string; // an instant; the day only (T00:00:00Z) when a reporter's action caused it
  read_at: string | null;
  mailed: number; // 0/1: counted in an e-mail reminder already
};

/** Per-user opt-in to content-free reminders; the address is kept for that purpose only. */
export type MailPreferencesTable = {
  user_id: string;
  address: string;
  enabled: number;
  last_mailed_at: string | null;
  updated_at: string;
};
