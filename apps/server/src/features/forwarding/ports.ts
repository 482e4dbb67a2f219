/** Ports of forwarding: forwardings and their events, package uploads, consent, identity grants, settings. */
import type { BlobManifest, ForwardingAction, ForwardingEventKind, ForwardingState, KeyGrant, OrganisationKind } from '@kenekanko/contracts';
import type { AccountRepo } from '../accounts/index.ts';
import type { CaseSettingsRepo, NotificationRepo } from '../cases/index.ts';
import type { DeskRepo } from '../desk/index.ts';
import type { AlertRepo } from '../shared/alerts.ts';
import type { AuditLog } from '../shared/audit.ts';
import type { DirectoryRepo, GrantRecord } from '../shared/records.ts';

export type ForwardingRecord = {
  readonly id: string;
  readonly alertId: string;
  readonly fromOrgId: string;
  readonly toOrgId: string;
  readonly toKeyVersion: number;
  readonly state: ForwardingState;
  readonly sentAt: string;
  readonly acknowledgedAt: string | null;
  readonly concludedAt: string | null;
  readonly createdBy: string;
  readonly onwardOf: string | null;
  readonly includesIdentity: boolean;
  readonly packageEnvelope: string;
  readonly packageSha256: string;
  readonly signature: string;
  readonly files: readonly BlobManifest[];
};

export type ForwardingEventRecord = {
  readonly seq: number;
  readonly kind: ForwardingEventKind;
  readonly action: ForwardingAction | null;
  readonly actor: string;
  readonly detailsEnvelope: string | null;
  readonly createdAt: string;
};

export type NewForwardingEvent = Omit<ForwardingEventRecord, 'actor'> & { readonly forwardingId: string; readonly actorId: string };

export type OrgRef = { readonly id: string; readonly name: string; readonly kind: OrganisationKind };

export type DraftRecord = { readonly forwardingId: string; readonly alertId: string; readonly onwardOf: string | null; readonly userId: string };

export type PackageFileRecord = { readonly id: string; readonly forwardingId: string; readonly chunkCount: number; readonly state: 'uploading' | 'complete' };

export type ForwardingRepo = {
  find(forwardingId: string): Promise<ForwardingRecord | undefined>;
  /** Reads and locks the row until the transaction ends (serialises its events). */
  lock(forwardingId: string): Promise<ForwardingRecord | undefined>;
  ofAlert(alertId: string): Promise<readonly ForwardingRecord[]>;
  /** Forwardings received by these organisations, newest first. */
  receivedBy(orgIds: readonly string[]): Promise<readonly ForwardingRecord[]>;
  /** Forwardings sent by these organisations onwards (those with onward_of), newest first. */
  sentOnwardBy(orgIds: readonly string[]): Promise<readonly ForwardingRecord[]>;
  insert(record: ForwardingRecord): Promise<void>;
  /** Sets the state (and the instants given) only if it is still `from`; false otherwise. */
  setState(forwardingId: string, from: ForwardingState, to: ForwardingState, at: { readonly acknowledgedAt?: string; readonly concludedAt?: string }): Promise<boolean>;
  eventsOf(forwardingIds: readonly string[]): Promise<ReadonlyMap<string, readonly ForwardingEventRecord[]>>;
  insertEvent(event: NewForwardingEvent): Promise<void>;
  orgRefs(orgIds: readonly string[]): Promise<ReadonlyMap<string, OrgRef>>;
  grantsOf(forwardingId: string): Promise<readonly KeyGrant[]>;
  insertGrants(grants: readonly GrantRecord[], createdAt: string): Promise<void>;
  findDraft(forwardingId: string): Promise<DraftRecord | undefined>;
  insertDraft(draft: DraftRecord, createdAt: string): Promise<void>;
  deleteDraft(forwardingId: string): Promise<void>;
  findFile(fileId: string): Promise<PackageFileRecord | undefined>;
  /** Whether a reporter's attachment (table blobs) has this id. */
  attachmentExists(fileId: string): Promise<boolean>;
  insertFile(fileId: string, forwardingId: string): Promise<void>;
  chunkSha256(fileId: string, index: number): Promise<string | undefined>;
  recordChunk(fileId: string, index: number, size: number, sha256: string): Promise<void>;
  filesOf(forwardingId: string): Promise<readonly PackageFileRecord[]>;
  chunkIndexesOf(fileId: string): Promise<readonly number[]>;
  completeFiles(files: readonly BlobManifest[]): Promise<void>;
  deleteFiles(fileIds: readonly string[]): Promise<void>;
  receivedChunks(forwardingId: string): Promise<Record<string, number[]>>;
  journalistConsent(alertId: string): Promise<string | null>;
  setJournalistConsent(alertId: string, signature: string): Promise<void>;
  /** Whether the custodian granted this user the identity of this alert for a forwarding to this organisation. */
  identityGranted(alertId: string, userId: string, toOrgId: string): Promise<boolean>;
  /** Which of these organisations chose to be named to reporters. */
  nameToReporter(orgIds: readonly string[]): Promise<ReadonlySet<string>>;
  setNameToReporter(orgId: string, value: boolean, userId: string, at: string): Promise<void>;
  /** Enabled users holding a liaison role (authority liaison, journalist) in this organisation: told of a case received. */
  liaisonsOf(orgId: string): Promise<readonly string[]>;
};

export type ForwardingRepos = { readonly forwarding: ForwardingRepo };

/** Everything the forwarding flows use, from this area and the shared ones. */
export type ForwardingDeps = ForwardingRepos & {
  readonly alerts: AlertRepo;
  readonly accounts: AccountRepo;
  readonly directory: DirectoryRepo;
  readonly desk: DeskRepo;
  readonly audit: AuditLog;
  /** cases (issue 3): the forwarding organisation hears of the recipient's follow-up. */
  readonly notifications: NotificationRepo;
  /** cases (issue 3): the sending organisation's deadlines (the acknowledgement due day). */
  readonly caseSettings: CaseSettingsRepo;
};
