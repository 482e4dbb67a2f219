/** Ports of case work: the repositories features/cases needs (adapters/cases-repo.ts implements them over Kysely). */
import type { AssignableMember, CaseDocument, CaseDocumentKind, ChecklistItem, Deadlines, KeyGrant, NotificationKind, NotificationView, Priority } from '@kenekanko/contracts';
import type { DeskRepos } from '../desk/index.ts';

/** What the deadlines are computed from: days the server already has (DESIGN §2), per alert still open. */
export type AlertDeadlineFacts = {
  readonly alertId: string;
  readonly orgId: string;
  readonly state: string;
  readonly receivedDay: string;
  readonly assigneeId: string | null;
  /** The day of the first change to 'acknowledged', if any. */
  readonly acknowledgedDay: string | null;
  /** The day of the organisation's latest message to the reporter, if any. */
  readonly lastOrganisationMessageDay: string | null;
};

export type ForwardingDeadlineFacts = {
  readonly forwardingId: string;
  readonly alertId: string;
  readonly fromOrgId: string;
  readonly assigneeId: string | null;
  /** The day it was sent; only forwardings not yet acknowledged are listed. */
  readonly sentDay: string;
};

export type DeadlineFacts = { readonly alerts: readonly AlertDeadlineFacts[]; readonly forwardings: readonly ForwardingDeadlineFacts[] };

export type CaseWorkRepo = {
  setAssignee(alertId: string, assigneeId: string | null, at: string): Promise<void>;
  setPriority(alertId: string, priority: Priority, at: string): Promise<void>;
  document(alertId: string, kind: CaseDocumentKind): Promise<CaseDocument | undefined>;
  documentsOf(alertIds: readonly string[], kind: CaseDocumentKind): Promise<ReadonlyMap<string, CaseDocument>>;
  /** Stores version `version` (insert when 1, update of version - 1 otherwise); false when someone wrote first. */
  writeDocument(alertId: string, kind: CaseDocumentKind, version: number, envelope: string, userId: string, at: string): Promise<boolean>;
  /** Members of the organisation holding a content role (coordinator, analyst), not disabled. */
  contentMembers(orgId: string): Promise<readonly AssignableMember[]>;
  /** The desk keys of these alerts sealed to their organisation. */
  deskGrants(alertIds: readonly string[]): Promise<ReadonlyMap<string, KeyGrant>>;
  /** Open alerts of these organisations (not closed, no exit) and their unacknowledged forwardings. */
  deadlineFacts(orgIds: readonly string[] | 'all'): Promise<DeadlineFacts>;
};

export type CaseSettingsRepo = {
  deadlines(orgId: string): Promise<Deadlines | undefined>;
  deadlinesOf(orgIds: readonly string[]): Promise<ReadonlyMap<string, Deadlines>>;
  saveDeadlines(orgId: string, deadlines: Deadlines, userId: string, at: string): Promise<void>;
  /** Current items in order, or archived ones. */
  checklistItems(orgId: string, archived: boolean): Promise<readonly ChecklistItem[]>;
  /** Upserts `items` in this order and archives the organisation's other items. Ids of another organisation → false. */
  saveChecklistItems(orgId: string, items: readonly ChecklistItem[], at: string): Promise<boolean>;
};

export type NewNotification = { readonly userId: string; readonly kind: NotificationKind; readonly objectId: string; readonly createdAt: string };

export type MailPreferenceRecord = { readonly address: string; readonly enabled: boolean; readonly lastMailedAt: string | null };

export type NotificationRepo = {
  insert(notification: NewNotification): Promise<void>;
  exists(userId: string, kind: NotificationKind, objectId: string): Promise<boolean>;
  list(userId: string, limit: number): Promise<readonly NotificationView[]>;
  /** Unread notifications; `unmailedOnly`: those no e-mail reminder counted yet. */
  unreadCount(userId: string, options?: { readonly unmailedOnly?: boolean }): Promise<number>;
  markRead(userId: string, ids: readonly string[] | 'all', at: string): Promise<void>;
  /** Coordinators of an organisation (who hears of a case nobody is assigned to). */
  coordinatorsOf(orgId: string): Promise<readonly string[]>;
  mailPreference(userId: string): Promise<MailPreferenceRecord | undefined>;
  saveMailPreference(userId: string, preference: { readonly address: string; readonly enabled: boolean }, at: string): Promise<void>;
  deleteMailPreference(userId: string): Promise<void>;
  /** Users who opted in, with their address and when they were last mailed. */
  mailRecipients(): Promise<readonly ({ readonly userId: string } & MailPreferenceRecord)[]>;
  /** Records the reminder: its time, and that the user's unread notifications were counted. */
  markMailed(userId: string, at: string): Promise<void>;
};

/** The repositories this area adds to Repos. */
export type CasesRepos = {
  readonly caseWork: CaseWorkRepo;
  readonly caseSettings: CaseSettingsRepo;
  readonly notifications: NotificationRepo;
};

/** What the case-work functions are given (the desk's repositories and this area's). */
export type CaseRepos = CasesRepos & DeskRepos;
