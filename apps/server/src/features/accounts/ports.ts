/** Ports of staff accounts and sessions. */
import type { KeyGrant, OrganisationKind, Role } from '@kenekanko/contracts';
import type { UserRecord } from '../shared/records.ts';

export type SessionRecord = {
  readonly idHash: string;
  readonly userId: string;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
};

export type MembershipView = {
  readonly orgId: string;
  readonly orgName: string;
  readonly orgKind: OrganisationKind;
  readonly role: Role;
};

export type AccountRepo = {
  userByLogin(login: string): Promise<UserRecord | undefined>;
  userById(id: string): Promise<UserRecord | undefined>;
  membershipsOf(userId: string): Promise<readonly MembershipView[]>;
  /** The organisation's key sealed to this user, if any. */
  orgKeyGrant(orgId: string, userId: string): Promise<KeyGrant | undefined>;
  insertSession(session: SessionRecord, createdAt: Date): Promise<void>;
  findSession(idHash: string): Promise<SessionRecord | undefined>;
  touchSession(idHash: string, at: Date): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
};
