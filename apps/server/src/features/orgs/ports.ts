/** Ports of organisations, memberships, invitations and organisation keys (implemented in adapters/orgs-repo.ts). */
import type { OrganisationKind, Role } from '@kenekanko/contracts';
import type { AccountRepo } from '../accounts/index.ts';
import type { AuditLog } from '../shared/audit.ts';
import type { DirectoryRepo, GrantRecord, SignedVersion, UserRecord } from '../shared/records.ts';

/** An organisation row. keyVersion 0 (and '' public keys): no keys yet. */
export type OrgRecord = {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly x25519Public: string;
  readonly ed25519Public: string;
  readonly keyVersion: number;
  readonly preset: string | null;
  readonly memberCount: number;
};

export type NewOrg = { readonly id: string; readonly kind: OrganisationKind; readonly name: string; readonly preset: string | null };

export type OrgKeys = { readonly x25519Public: string; readonly ed25519Public: string; readonly keyVersion: number };

/** A membership with the member's public keys, for member lists and key grants. */
export type MemberRecord = {
  readonly membershipId: string;
  readonly userId: string;
  readonly orgId: string;
  readonly login: string;
  readonly role: Role;
  readonly x25519Public: string;
  readonly ed25519Public: string;
  readonly userKeyVersion: number;
};

export type InvitationRecord = {
  readonly id: string;
  readonly codeHash: string;
  readonly orgId: string;
  readonly role: Role;
  readonly login: string | null;
  readonly createdBy: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
};

export type OrgRepo = {
  listOrganisations(): Promise<readonly OrgRecord[]>;
  findOrganisation(orgId: string): Promise<OrgRecord | undefined>;
  /** Holds the organisation's row for the rest of the transaction. */
  lockOrganisation(orgId: string): Promise<OrgRecord | undefined>;
  insertOrganisation(org: NewOrg, now: Date): Promise<void>;
  renameOrganisation(orgId: string, name: string): Promise<void>;
  /** Replaces the public keys only if the version is still `fromVersion`; false otherwise. */
  replaceKeys(orgId: string, fromVersion: number, keys: OrgKeys): Promise<boolean>;
  membersOf(orgId: string): Promise<readonly MemberRecord[]>;
  insertMembership(m: { readonly id: string; readonly userId: string; readonly orgId: string; readonly role: Role }, now: Date): Promise<void>;
  deleteMembership(membershipId: string): Promise<void>;
  /** Organisation key grants of one organisation (recipient filter optional). */
  orgGrants(orgId: string, filter: { readonly recipientType?: 'user' | 'recovery'; readonly recipientId?: string; readonly keyVersion?: number }): Promise<readonly GrantRecord[]>;
  /** Inserts, or replaces the sealed key of the same (object, kind, version, recipient). */
  putGrants(grants: readonly GrantRecord[], now: Date): Promise<void>;
  /** Removes every organisation key grant (all versions) of `orgId` sealed to `userId`. */
  deleteUserOrgGrants(orgId: string, userId: string): Promise<number>;
  /** Removes every custodian key grant, or coalition-signing key grant, sealed to `userId`. */
  deleteUserRoleGrants(userId: string, keyKind: 'custodian' | 'coalition-signing'): Promise<number>;
  coalitionSigningGrants(coalitionId: string): Promise<readonly GrantRecord[]>;
};

export type InvitationRepo = {
  insertInvitation(invitation: InvitationRecord, now: Date): Promise<void>;
  /** The invitation with this code hash; `lock` holds its row for the transaction. */
  findInvitation(codeHash: string, lock: boolean): Promise<InvitationRecord | undefined>;
  markUsed(invitationId: string, userId: string, at: Date): Promise<void>;
};

export type DirectoryWrites = {
  insertDirectory(doc: SignedVersion, now: Date): Promise<void>;
  putSetting(key: 'routing_proposed', value: string): Promise<void>;
};

export type UserWrites = {
  insertUser(user: UserRecord, now: Date): Promise<void>;
};

export type OrgsRepos = {
  readonly orgs: OrgRepo;
  readonly invitations: InvitationRepo;
  readonly directoryWrites: DirectoryWrites;
  readonly userWrites: UserWrites;
};

/** What the feature's functions are given. */
export type OrgsDeps = OrgsRepos & { readonly accounts: AccountRepo; readonly directory: DirectoryRepo; readonly audit: AuditLog };
