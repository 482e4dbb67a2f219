/**
 * HTTP schemas and routes: identity requests and the custodian key, signed audit checkpoints,
 * and retention (issue 3).
 *
 * SECURITY: every reason here travels as an envelope the server cannot open: identity request
 * and refusal reasons are sealed to the custodian key, retention hold reasons are under the
 * alert's desk key. A custodian's views carry what a request needs (alert id, day, requester,
 * purpose, reason), never alert content (DESIGN §1).
 */
import * as v from 'valibot';
import { KeyGrantSchema } from './api.ts';
import { DaySchema, EnvelopeSchema, IdSchema, Key32Schema, SignatureSchema } from './primitives.ts';

export const CUSTODY_ROUTES = {
  custodianKey: '/api/staff/custody/key',
  custodianKeyGrants: '/api/staff/custody/key/grants',
  custodyRequests: '/api/staff/custody/requests',
  custodyRequest: (requestId: string) => `/api/staff/custody/requests/${requestId}`,
  custodyGrant: (requestId: string) => `/api/staff/custody/requests/${requestId}/grant`,
  custodyRefuse: (requestId: string) => `/api/staff/custody/requests/${requestId}/refuse`,
  alertIdentityRequests: (alertId: string) => `/api/staff/alerts/${alertId}/identity-requests`,
  auditHead: '/api/staff/audit/head',
  auditEntries: '/api/staff/audit/entries',
  auditCheckpoints: '/api/staff/audit/checkpoints',
  alertRetention: (alertId: string) => `/api/staff/alerts/${alertId}/retention`,
  alertRetentionHold: (alertId: string) => `/api/staff/alerts/${alertId}/retention/hold`,
  orgRetention: (orgId: string) => `/api/staff/retention/orgs/${orgId}`,
} as const;

const VersionSchema = v.pipe(v.number(), v.integer(), v.minValue(1));
const SeqSchema = v.pipe(v.number(), v.integer(), v.minValue(1));
/** A SHA-256 in lower-case hex, as the audit chain stores it. */
export const HexHashSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'sha-256 hex'));

// ---- the custodian key ----------------------------------------------------------------------

export const CustodianMemberSchema = v.strictObject({
  userId: IdSchema,
  login: v.string(),
  x25519Public: Key32Schema,
  keyVersion: VersionSchema,
  hasKey: v.boolean(),
});
export type CustodianMember = v.InferOutput<typeof CustodianMemberSchema>;

/** GET custodianKey (custodians only). */
export const CustodianKeyViewSchema = v.strictObject({
  custodian: v.strictObject({ id: IdSchema, x25519Public: Key32Schema, keyVersion: VersionSchema }),
  /** The custodian private key sealed to me; null until a holder (or the recovery key) granted it. */
  myGrant: v.nullable(KeyGrantSchema),
  /** The custodian private key wrapped to the printed custodian recovery key (made at setup). */
  recoveryGrant: v.nullable(KeyGrantSchema),
  custodians: v.array(CustodianMemberSchema),
});
export type CustodianKeyView = v.InferOutput<typeof CustodianKeyViewSchema>;

export const CustodianKeyGrantRequestSchema = v.strictObject({ grant: KeyGrantSchema });
export type CustodianKeyGrantRequest = v.InferOutput<typeof CustodianKeyGrantRequestSchema>;

// ---- identity requests ------------------------------------------------------------------------

export const IDENTITY_REQUEST_PURPOSES = ['verification', 'forwarding'] as const;
export type IdentityRequestPurpose = (typeof IDENTITY_REQUEST_PURPOSES)[number];
export const IDENTITY_REQUEST_STATES = ['pending', 'granted', 'refused'] as const;
export type IdentityRequestState = (typeof IDENTITY_REQUEST_STATES)[number];

export const NewIdentityRequestSchema = v.strictObject({
  requestId: IdSchema, // made in the browser: bound into the reason's context, and a retry is not stored twice
  purpose: v.picklist(IDENTITY_REQUEST_PURPOSES),
  recipientOrgId: v.nullable(IdSchema), // required for 'forwarding', null for 'verification'
  reasonEnvelope: EnvelopeSchema, // sealed to the custodian key
});
export type NewIdentityRequest = v.InferOutput<typeof NewIdentityRequestSchema>;

/** A request as its own organisation sees it on the alert page. */
export const IdentityRequestViewSchema = v.strictObject({
  id: IdSchema,
  alertId: IdSchema,
  requesterId: IdSchema,
  requesterLogin: v.string(),
  purpose: v.picklist(IDENTITY_REQUEST_PURPOSES),
  recipientOrgId: v.nullable(IdSchema),
  state: v.picklist(IDENTITY_REQUEST_STATES),
  createdAt: v.string(),
  decidedAt: v.nullable(v.string()),
});
export type IdentityRequestView = v.InferOutput<typeof IdentityRequestViewSchema>;

/** GET alertIdentityRequests: the requests of the alert; the identity only for a requester granted it. */
export const AlertIdentityViewSchema = v.strictObject({
  requests: v.array(IdentityRequestViewSchema),
  /** The identity key sealed to me, with the identity envelope it opens; null until granted. */
  granted: v.nullable(v.strictObject({ grant: KeyGrantSchema, identityEnvelope: v.union([EnvelopeSchema, v.literal('')]) })),
});
export type AlertIdentityView = v.InferOutput<typeof AlertIdentityViewSchema>;

/** What a custodian sees of a request: never the alert content. */
export const CustodyRequestViewSchema = v.strictObject({
  id: IdSchema,
  alertId: IdSchema,
  alertOrgId: IdSchema,
  receivedDay: DaySchema,
  requesterId: IdSchema,
  requesterLogin: v.string(),
  requesterX25519Public: Key32Schema,
  requesterKeyVersion: VersionSchema,
  purpose: v.picklist(IDENTITY_REQUEST_PURPOSES),
  recipientOrgId: v.nullable(IdSchema),
  recipientOrgName: v.nullable(v.string()),
  reasonEnvelope: v.union([EnvelopeSchema, v.literal('')]),
  refusalEnvelope: v.nullable(v.union([EnvelopeSchema, v.literal('')])),
  state: v.picklist(IDENTITY_REQUEST_STATES),
  createdAt: v.string(),
  decidedBy: v.nullable(v.string()),
  decidedAt: v.nullable(v.string()),
});
export type CustodyRequestView = v.InferOutput<typeof CustodyRequestViewSchema>;
export const CustodyRequestsQuerySchema = v.strictObject({ state: v.optional(v.picklist(IDENTITY_REQUEST_STATES)) });
export const CustodyRequestsResponseSchema = v.strictObject({ requests: v.array(CustodyRequestViewSchema) });
/** One request with the alert's identity key sealed to the custodian key, to re-seal on grant. */
export const CustodyRequestDetailSchema = v.strictObject({ request: CustodyRequestViewSchema, custodianGrant: v.nullable(KeyGrantSchema) });
export type CustodyRequestDetail = v.InferOutput<typeof CustodyRequestDetailSchema>;

export const GrantIdentityRequestSchema = v.strictObject({ grant: KeyGrantSchema });
export const RefuseIdentityRequestSchema = v.strictObject({ reasonEnvelope: EnvelopeSchema });
export const IdentityDecisionResponseSchema = v.strictObject({ state: v.picklist(IDENTITY_REQUEST_STATES) });

/** What the reporter's follow-up view shows: only the decision and its day. */
export const ReporterIdentityDecisionSchema = v.strictObject({ decision: v.picklist(['granted', 'refused']), day: DaySchema });
export type ReporterIdentityDecision = v.InferOutput<typeof ReporterIdentityDecisionSchema>;

// ---- audit checkpoints --------------------------------------------------------------------------

export const AuditEntryViewSchema = v.strictObject({
  seq: SeqSchema,
  at: v.string(),
  actorId: v.nullable(v.string()),
  action: v.string(),
  objectType: v.string(),
  objectId: v.nullable(v.string()),
  details: v.string(), // the stored canonical JSON, hashed as is
  prevHash: HexHashSchema,
  hash: HexHashSchema,
});
export type AuditEntryView = v.InferOutput<typeof AuditEntryViewSchema>;

export const AuditCheckpointViewSchema = v.strictObject({
  seq: SeqSchema,
  hash: HexHashSchema,
  orgId: IdSchema,
  orgKeyVersion: VersionSchema,
  signerLogin: v.string(),
  signature: SignatureSchema,
  createdAt: v.string(),
});
export type AuditCheckpointView = v.InferOutput<typeof AuditCheckpointViewSchema>;

/** GET auditHead (coalition coordinators). */
export const AuditHeadSchema = v.strictObject({
  head: v.nullable(v.strictObject({ seq: SeqSchema, hash: HexHashSchema })),
  lastCheckpoint: v.nullable(AuditCheckpointViewSchema),
  sinceLastCheckpoint: v.number(),
});
export type AuditHead = v.InferOutput<typeof AuditHeadSchema>;

export const AUDIT_ENTRIES_PAGE = 500;
export const AuditEntriesQuerySchema = v.strictObject({
  after: v.optional(v.pipe(v.string(), v.regex(/^\d{1,12}$/), v.transform(Number)), '0'),
});
export const AuditEntriesResponseSchema = v.strictObject({ entries: v.array(AuditEntryViewSchema) });

/** The statement a coordinator's browser signs with the organisation's Ed25519 key. */
export type AuditCheckpointStatement = { readonly v: 1; readonly seq: number; readonly hash: string; readonly orgId: string; readonly orgKeyVersion: number };

export const NewAuditCheckpointSchema = v.strictObject({
  seq: SeqSchema,
  hash: HexHashSchema,
  orgId: IdSchema,
  orgKeyVersion: VersionSchema,
  signature: SignatureSchema,
});
export type NewAuditCheckpoint = v.InferOutput<typeof NewAuditCheckpointSchema>;

// ---- retention ---------------------------------------------------------------------------------

/** Months after closing; a policy of null keeps ciphertext until deleted by hand (the default). */
export const RETENTION_MAX_MONTHS = 240;
export const RetentionMonthsSchema = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(RETENTION_MAX_MONTHS)));
export const OrgRetentionSchema = v.strictObject({ months: RetentionMonthsSchema });
export type OrgRetention = v.InferOutput<typeof OrgRetentionSchema>;

export const AlertRetentionViewSchema = v.strictObject({
  months: RetentionMonthsSchema,
  /** The day deletion becomes due (closed alerts under a policy), else null. */
  dueDay: v.nullable(DaySchema),
  hold: v.nullable(v.strictObject({ id: IdSchema, setByLogin: v.string(), reasonEnvelope: EnvelopeSchema, createdAt: v.string() })),
  deletedAt: v.nullable(v.string()),
});
export type AlertRetentionView = v.InferOutput<typeof AlertRetentionViewSchema>;

export const RetentionHoldRequestSchema = v.strictObject({ holdId: IdSchema, reasonEnvelope: EnvelopeSchema });
export type RetentionHoldRequest = v.InferOutput<typeof RetentionHoldRequestSchema>;
