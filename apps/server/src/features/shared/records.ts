/**
 * Rows as the features see them (camelCase, parsed). Adapters map database rows to these;
 * nothing here is a database type.
 */
import type { KeyGrant, OrganisationKind, Role } from '@kenekanko/contracts';

export const SETTING_KEYS = {
  setupTokenHash: 'setup_token_hash',
  coalitionSigningPublic: 'coalition_signing_public',
  custodianPublic: 'custodian_public',
  deploymentSalt: 'deployment_salt',
  /** orgs (issue 3): the routing an administrator proposed, effective once a signed directory carries it. */
  routingProposed: 'routing_proposed',
} as const;
export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

export type OrganisationRecord = {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly x25519Public: string;
  readonly ed25519Public: string;
  readonly keyVersion: number;
};

export type UserRecord = {
  readonly id: string;
  readonly login: string;
  readonly salt: string;
  readonly loginKeyHash: string;
  readonly x25519Public: string;
  readonly ed25519Public: string;
  readonly keyVersion: number;
  readonly wrappedKeys: string;
  readonly recoveryWrappedKeys: string;
  readonly disabled: boolean;
};

export type MembershipRecord = { readonly id: string; readonly userId: string; readonly orgId: string; readonly role: Role };

export type GrantRecord = KeyGrant & { readonly id: string };

export type SignedVersion = { readonly version: number; readonly body: string; readonly signature: string };

/** Settings, directory and questionnaire versions, organisations: read by most features. */
export type DirectoryRepo = {
  setting(key: SettingKey): Promise<string | undefined>;
  latestDirectory(): Promise<SignedVersion | undefined>;
  /** orgs (issue 3): every signed directory version, oldest first (to vouch for older organisation keys). */
  directoryVersions(): Promise<readonly SignedVersion[]>;
  latestQuestionnaire(): Promise<SignedVersion | undefined>;
  questionnaireExists(version: number): Promise<boolean>;
  organisation(id: string): Promise<OrganisationRecord | undefined>;
  organisationCount(): Promise<number>;
};
