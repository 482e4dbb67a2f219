/**
 * Ports of the custody area: identity requests and the custodian key, signed audit
 * checkpoints, and retention. Adapters implement them over Kysely (adapters/custody-repo.ts).
 */
import type {
  AlertRetentionView,
  AuditCheckpointView,
  AuditEntryView,
  CustodyRequestView,
  IdentityRequestPurpose,
  IdentityRequestState,
  IdentityRequestView,
  KeyGrant,
} from '@kenekanko/contracts';
import type { AccountRepo } from '../accounts/index.ts';
import type { DeskRepo } from '../desk/index.ts';
import type { AlertRepo } from '../shared/alerts.ts';
import type { AuditLog } from '../shared/audit.ts';
import type { DirectoryRepo, GrantRecord } from '../shared/records.ts';

export type IdentityRequestRecord = {
  readonly id: string;
  readonly alertId: string;
  readonly requesterId: string;
  readonly purpose: IdentityRequestPurpose;
  readonly recipientOrgId: string | null;
  readonly state: IdentityRequestState;
  readonly reasonEnvelope: string;
  readonly createdAt: string;
};

export type CustodianUser = { readonly userId: string; readonly login: string; readonly x25519Public: string; readonly keyVersion: number };

/** Which key grant: the five columns that, with the key version, make a grant unique. */
export type GrantAddress = Pick<KeyGrant, 'objectType' | 'objectId' | 'keyKind' | 'recipientType' | 'recipientId'>;

export type CustodyRepo = {
  /** Users (not disabled) holding at least one custodian membership. */
  custodianUsers(): Promise<readonly CustodianUser[]>;
  findGrant(address: GrantAddress): Promise<KeyGrant | undefined>;
  /** Stores the grant, replacing one to the same address (a re-grant after a key change). */
  putGrant(grant: GrantRecord, createdAt: string): Promise<void>;
  /** The alert's identity envelope ('' once deleted), or undefined for no alert. */
  identityEnvelope(alertId: string): Promise<string | undefined>;
  findRequest(requestId: string): Promise<IdentityRequestRecord | undefined>;
  insertRequest(request: IdentityRequestRecord): Promise<void>;
  hasPendingRequest(alertId: string, requesterId: string): Promise<boolean>;
  requestsOfAlert(alertId: string): Promise<readonly IdentityRequestView[]>;
  custodyRequests(state: IdentityRequestState | undefined): Promise<readonly CustodyRequestView[]>;
  custodyRequest(requestId: string): Promise<CustodyRequestView | undefined>;
  /** Decides a pending request; false if it was no longer pending. */
  decide(requestId: string, state: 'granted' | 'refused', decidedBy: string, decidedAt: string, refusalEnvelope: string | null): Promise<boolean>;
  /** Decisions on the alert's requests, oldest first, for the reporter (to the day). */
  decisionsOf(alertId: string): Promise<readonly { readonly state: 'granted' | 'refused'; readonly decidedAt: string }[]>;
};

export type CheckpointRepo = {
  head(): Promise<{ readonly seq: number; readonly hash: string } | undefined>;
  hashAt(seq: number): Promise<string | undefined>;
  entriesAfter(seq: number, limit: number): Promise<readonly AuditEntryView[]>;
  lastCheckpoint(): Promise<AuditCheckpointView | undefined>;
  insertCheckpoint(checkpoint: StoredCheckpoint): Promise<boolean>;
};

export type StoredCheckpoint = {
  readonly seq: number;
  readonly hash: string;
  readonly orgId: string;
  readonly orgKeyVersion: number;
  readonly signerUserId: string;
  readonly signature: string;
  readonly createdAt: string;
};

export type RetentionCandidate = { readonly alertId: string; readonly orgId: string; readonly months: number; readonly closedAt: string };

export type RetentionRepo = {
  policyOf(orgId: string): Promise<number | null>;
  setPolicy(orgId: string, months: number | null, by: string, at: string): Promise<void>;
  holdOf(alertId: string): Promise<AlertRetentionView['hold']>;
  insertHold(hold: { readonly id: string; readonly alertId: string; readonly setBy: string; readonly reasonEnvelope: string }, createdAt: string): Promise<void>;
  deleteHold(alertId: string): Promise<boolean>;
  deletedAt(alertId: string): Promise<string | null>;
  /** When the alert entered its current state (its last state change), or undefined. */
  closedAt(alertId: string): Promise<string | undefined>;
  /** Alerts in a closing state, under a policy, without hold, not yet emptied (any closing date). */
  candidates(closingStates: readonly string[], limit: number, afterAlertId: string | null): Promise<readonly RetentionCandidate[]>;
  /**
   * Empties what deleteCiphertext does not: notes, reasons, identity request reasons, forwarding
   * packages with their grants, events and file rows; records the deletion. Returns the
   * forwarding file ids whose blob files must go too.
   */
  purge(alertId: string, months: number, at: string): Promise<readonly string[]>;
};

export type CustodyRepos = {
  readonly custody: CustodyRepo;
  readonly checkpoints: CheckpointRepo;
  readonly retention: RetentionRepo;
};

/** Everything the custody features use: their own repositories and the shared ones. */
export type CustodyDeps = CustodyRepos & {
  readonly accounts: AccountRepo;
  readonly alerts: AlertRepo;
  readonly directory: DirectoryRepo;
  readonly audit: AuditLog;
  readonly desk: DeskRepo;
};
