/**
 * HTTP schemas and routes of organisations, memberships, invitations, organisation keys and
 * the signed key directory (issue 3).
 *
 * SECURITY: an invitation code travels in bodies only (never in a URL path or query: the
 * browser reads it from the page's fragment). Organisation private keys only ever cross as
 * sealed or wrapped key grants; public keys come with the organisation, and a browser checks
 * them against the signed directory or a fingerprint compared out of band before trusting them.
 */
import * as v from 'valibot';
import { IdSchema, Key32Schema } from './primitives.ts';
import { KeyGrantSchema, LoginSchema, NewUserSchema, SignedDocumentSchema } from './api.ts';
import { DirectoryOrganisationSchema } from './payloads.ts';
import { OrganisationKindSchema, RoleSchema } from './vocab.ts';

export const ORGS_ROUTES = {
  orgs: '/api/staff/orgs',
  org: (orgId: string) => `/api/staff/orgs/${orgId}`,
  maliPreset: '/api/staff/org-presets/mali',
  members: (orgId: string) => `/api/staff/orgs/${orgId}/members`,
  member: (orgId: string, membershipId: string) => `/api/staff/orgs/${orgId}/members/${membershipId}`,
  invitations: (orgId: string) => `/api/staff/orgs/${orgId}/invitations`,
  orgKeys: (orgId: string) => `/api/staff/orgs/${orgId}/keys`,
  orgKeyGrants: (orgId: string) => `/api/staff/orgs/${orgId}/keys/grants`,
  /** Public (no session; CSRF-checked like every /api/auth route): the invitation behind a code. */
  invitationLookup: '/api/auth/invitation',
  /** Public: a new account made by the invitee's browser, with the membership. */
  invitationAccept: '/api/auth/invitation/accept',
  /** Signed in: an existing account accepts an invitation (one more membership). */
  invitationJoin: '/api/staff/invitation/join',
  directory: '/api/staff/directory',
  directoryRouting: '/api/staff/directory/routing',
  signingGrants: '/api/staff/directory/signing-grants',
} as const;

/** Kinds an administrator may create; the coalition is made once, at setup. */
export const CREATABLE_ORGANISATION_KINDS = ['cso', 'authority', 'media'] as const;

/** Unicode format characters (category Cf): bidi controls, zero-width joiners and spaces, BOM. */
const FORMAT_CHARACTER = /\p{Cf}/u;
/**
 * Controls (C0, DEL and C1, which pdf and csv readers print as nothing), line and paragraph
 * separators, and the blank "letters" that render as nothing (Hangul fillers, braille blank,
 * the combining grapheme joiner, Khmer inherent vowels).
 */
const INVISIBLE_CHARACTER = /[\p{Cc}\p{Zl}\p{Zp}\u115F\u1160\u2800\u3164\uFFA0]|\u034F|\u17B4|\u17B5/u;

/**
 * SECURITY (and PostgreSQL): no control characters, which could hide text or break storage, and
 * no format characters, which make lookalikes of a real authority ("OCLEI\u200B", a right-to-left
 * override): an analyst picks recipients by name. Names are NFC-normalised so that one visible
 * name has one spelling (features/orgs refuses a name equal to another's, ignoring case).
 */
export const OrganisationNameSchema = v.pipe(
  v.string(),
  v.transform((name) => name.normalize('NFC')),
  v.trim(),
  v.minLength(1),
  v.maxLength(200),
  v.check((name) => !INVISIBLE_CHARACTER.test(name), 'no control characters'),
  v.check((name) => !FORMAT_CHARACTER.test(name), 'no invisible or direction characters'),
);

/**
 * 'none': no key pairs yet (the first key-holding member's browser makes them);
 * 'unsigned': keys (or name, kind) differ from the latest signed directory, waiting for the coalition's signature;
 * 'signed': the latest signed directory lists exactly these keys.
 */
export const ORG_KEY_STATUSES = ['none', 'unsigned', 'signed'] as const;
export type OrgKeyStatus = (typeof ORG_KEY_STATUSES)[number];

export const OrganisationViewSchema = v.strictObject({
  id: IdSchema,
  kind: OrganisationKindSchema,
  name: v.string(),
  keyVersion: v.number(),
  keyStatus: v.picklist(ORG_KEY_STATUSES),
  preset: v.nullable(v.string()),
  memberCount: v.number(),
});
export type OrganisationView = v.InferOutput<typeof OrganisationViewSchema>;
export const OrganisationListResponseSchema = v.strictObject({
  organisations: v.array(OrganisationViewSchema),
  /** True for an administrator of the coalition: may create, rename and add the preset. */
  platformAdministrator: v.boolean(),
});

export const CreateOrganisationRequestSchema = v.strictObject({ kind: v.picklist(CREATABLE_ORGANISATION_KINDS), name: OrganisationNameSchema });
export type CreateOrganisationRequest = v.InferOutput<typeof CreateOrganisationRequestSchema>;
export const CreateOrganisationResponseSchema = v.strictObject({ orgId: IdSchema });
export const RenameOrganisationRequestSchema = v.strictObject({ name: OrganisationNameSchema });
export const PresetResponseSchema = v.strictObject({ added: v.array(IdSchema) });

export const MemberViewSchema = v.strictObject({
  membershipId: IdSchema,
  userId: IdSchema,
  login: v.string(),
  role: RoleSchema,
  /** Holds the organisation's current key version (key-holding roles only; false otherwise). */
  hasOrgKey: v.boolean(),
});
export type MemberView = v.InferOutput<typeof MemberViewSchema>;
export const MembersResponseSchema = v.strictObject({ members: v.array(MemberViewSchema) });

export const InviteRequestSchema = v.strictObject({ role: RoleSchema, login: v.optional(LoginSchema) });
export type InviteRequest = v.InferOutput<typeof InviteRequestSchema>;
/** A 32-byte random code in base64url, shown once. */
export const InvitationCodeSchema = Key32Schema;
export const InviteResponseSchema = v.strictObject({ invitationId: IdSchema, code: InvitationCodeSchema, expiresAt: v.string() });
export type InviteResponse = v.InferOutput<typeof InviteResponseSchema>;

export const InvitationLookupRequestSchema = v.strictObject({ code: InvitationCodeSchema });
export const InvitationViewSchema = v.strictObject({
  orgId: IdSchema,
  orgName: v.string(),
  orgKind: OrganisationKindSchema,
  role: RoleSchema,
  login: v.nullable(v.string()),
  expiresAt: v.string(),
});
export type InvitationView = v.InferOutput<typeof InvitationViewSchema>;
export const AcceptInvitationRequestSchema = v.strictObject({ code: InvitationCodeSchema, user: NewUserSchema });
export type AcceptInvitationRequest = v.InferOutput<typeof AcceptInvitationRequestSchema>;
export const JoinInvitationRequestSchema = v.strictObject({ code: InvitationCodeSchema });
export const JoinedResponseSchema = v.strictObject({ userId: IdSchema, orgId: IdSchema, role: RoleSchema });

/** A member with a key-holding role, as the organisation's key holders see them. */
export const KeyMemberSchema = v.strictObject({
  userId: IdSchema,
  login: v.string(),
  roles: v.array(RoleSchema),
  x25519Public: Key32Schema,
  ed25519Public: Key32Schema,
  userKeyVersion: v.number(),
});
export type KeyMember = v.InferOutput<typeof KeyMemberSchema>;

export const OrgKeysViewSchema = v.strictObject({
  orgId: IdSchema,
  orgName: v.string(),
  orgKind: OrganisationKindSchema,
  keyVersion: v.number(),
  x25519Public: v.nullable(Key32Schema),
  ed25519Public: v.nullable(Key32Schema),
  /** The organisation keys sealed to the caller, every version (old versions open old data). */
  myGrants: v.array(KeyGrantSchema),
  /** The current version wrapped under the organisation's printed recovery key. */
  recoveryGrant: v.nullable(KeyGrantSchema),
  /** Key-holding members without the current version. */
  waiting: v.array(KeyMemberSchema),
  /** Key-holding members with the current version. */
  holders: v.array(KeyMemberSchema),
});
export type OrgKeysView = v.InferOutput<typeof OrgKeysViewSchema>;

/** The first key version (from 0) or a rotation (current + 1), made in a member's browser. */
export const NewOrgKeysRequestSchema = v.strictObject({
  keyVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  x25519Public: Key32Schema,
  ed25519Public: Key32Schema,
  grants: v.pipe(v.array(KeyGrantSchema), v.minLength(2), v.maxLength(500)),
});
export type NewOrgKeysRequest = v.InferOutput<typeof NewOrgKeysRequestSchema>;
export const OrgKeyVersionResponseSchema = v.strictObject({ keyVersion: v.number() });
export const GrantRequestSchema = v.strictObject({ grant: KeyGrantSchema });

export const SignerCandidateSchema = v.strictObject({ userId: IdSchema, login: v.string(), x25519Public: Key32Schema, ed25519Public: Key32Schema, userKeyVersion: v.number() });
export const DirectoryPendingViewSchema = v.strictObject({
  coalitionOrgId: IdSchema,
  coalitionSigningPublic: Key32Schema,
  latest: v.strictObject({ version: v.number(), document: SignedDocumentSchema }),
  /** The coalition signing key sealed to the caller, if they hold it. */
  signingGrant: v.nullable(KeyGrantSchema),
  /** Every organisation with keys, as the next directory would list it. */
  organisations: v.array(DirectoryOrganisationSchema),
  /** Routing proposed by an administrator (or the current one). */
  routing: v.strictObject({ defaultOrgId: IdSchema }),
  /** Coalition coordinators who do not hold the signing key yet. */
  signersWaiting: v.array(SignerCandidateSchema),
});
export type DirectoryPendingView = v.InferOutput<typeof DirectoryPendingViewSchema>;
export const SignDirectoryRequestSchema = v.strictObject({ directory: SignedDocumentSchema });
export const SignDirectoryResponseSchema = v.strictObject({ version: v.number() });
export const RoutingRequestSchema = v.strictObject({ defaultOrgId: IdSchema });
