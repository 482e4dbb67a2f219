/**
 * Everything that crosses the HTTP boundary. The server parses every body with these
 * schemas; the browser and the CLI build their requests from the same types.
 * SECURITY: no schema here has a field for a receipt, a password, a private key in clear,
 * an address or a user agent. The receipt stays in the browser: only its lookup token travels.
 */
import * as v from 'valibot';
import {
  Base64UrlSchema,
  DaySchema,
  EnvelopeSchema,
  IdSchema,
  Key32Schema,
  PlaceIdSchema,
  SignatureSchema,
  StoredEnvelopeSchema,
} from './primitives.ts';
import { StatisticsSchema } from './payloads.ts';
import { AlertStateSchema, OrganisationKindSchema, PlaceKindSchema, PrioritySchema, RoleSchema } from './vocab.ts';
import { ForwardingActionSchema } from './workflow.ts';

/** Staff requests that change anything must carry this header (with SameSite=Strict cookies and an Origin check). */
export const CSRF_HEADER = 'x-kenekanko-csrf';
export const CSRF_HEADER_VALUE = '1';
export const SESSION_COOKIE = '__Host-kk_session';

export const SignedDocumentSchema = v.strictObject({
  body: v.pipe(v.string(), v.maxLength(200_000)), // canonical JSON
  signature: SignatureSchema,
});
export type SignedDocument = v.InferOutput<typeof SignedDocumentSchema>;

export const KEY_GRANT_OBJECT_TYPES = ['organisation', 'alert', 'coalition', 'custodian', 'forwarding'] as const;
export const KEY_KINDS = ['organisation', 'content', 'desk', 'identity', 'coalition-signing', 'custodian', 'package'] as const;
export const RECIPIENT_TYPES = ['user', 'organisation', 'reporter', 'custodian', 'recovery'] as const;

export const KeyGrantSchema = v.strictObject({
  objectType: v.picklist(KEY_GRANT_OBJECT_TYPES),
  objectId: IdSchema,
  keyKind: v.picklist(KEY_KINDS),
  keyVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  recipientType: v.picklist(RECIPIENT_TYPES),
  recipientId: IdSchema,
  recipientKeyVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  sealedKey: EnvelopeSchema,
});
export type KeyGrant = v.InferOutput<typeof KeyGrantSchema>;

export const LoginSchema = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(3), v.maxLength(120), v.regex(/^[a-z0-9._@+-]+$/, 'login'));

// ---- setup -------------------------------------------------------------------------------

export const SetupStatusResponseSchema = v.strictObject({ needsSetup: v.boolean() });

export const NewUserSchema = v.strictObject({
  userId: IdSchema,
  login: LoginSchema,
  salt: Base64UrlSchema,
  loginKey: Key32Schema,
  x25519Public: Key32Schema,
  ed25519Public: Key32Schema,
  wrappedKeys: EnvelopeSchema,
  recoveryWrappedKeys: EnvelopeSchema,
});
export type NewUser = v.InferOutput<typeof NewUserSchema>;

export const SetupRequestSchema = v.strictObject({
  token: v.pipe(v.string(), v.minLength(20), v.maxLength(100)),
  coalitionSigningPublic: Key32Schema,
  organisation: v.strictObject({
    id: IdSchema,
    name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
    x25519Public: Key32Schema,
    ed25519Public: Key32Schema,
  }),
  directory: SignedDocumentSchema,
  questionnaire: SignedDocumentSchema,
  coordinator: NewUserSchema,
  grants: v.pipe(v.array(KeyGrantSchema), v.maxLength(20)),
  /** orgs (issue 3): also make the coordinator an administrator of the coalition (the platform's first administrator). */
  administrator: v.optional(v.boolean()),
  /** orgs (issue 3): seed the Mali authorities (OCLEI, CENTIF, ARGASC, PNEF, CGSP) as keyless recipient organisations. */
  maliPreset: v.optional(v.boolean()),
});
export type SetupRequest = v.InferOutput<typeof SetupRequestSchema>;
export const SetupResponseSchema = v.strictObject({ organisationId: IdSchema, coordinatorId: IdSchema });

// ---- intake (public) ---------------------------------------------------------------------

export const PowChallengeSchema = v.strictObject({
  challenge: Base64UrlSchema,
  bits: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(32)),
  expiresAt: v.string(),
});
export type PowChallenge = v.InferOutput<typeof PowChallengeSchema>;

export const IntakeResponseSchema = v.strictObject({
  coalitionSigningPublic: Key32Schema,
  directory: SignedDocumentSchema,
  questionnaire: SignedDocumentSchema,
  pow: PowChallengeSchema,
  limits: v.strictObject({
    maxFileBytes: v.number(),
    maxAlertBytes: v.number(),
    chunkSize: v.number(),
  }),
});
export type IntakeResponse = v.InferOutput<typeof IntakeResponseSchema>;

export const PlaceSchema = v.strictObject({
  id: PlaceIdSchema,
  kind: PlaceKindSchema,
  parentId: v.nullable(PlaceIdSchema),
  name: v.string(),
});
export type Place = v.InferOutput<typeof PlaceSchema>;
export const PlacesResponseSchema = v.strictObject({ places: v.array(PlaceSchema) });

export const PowSolutionSchema = v.strictObject({ challenge: Base64UrlSchema, nonce: Base64UrlSchema });

export const OpenSubmissionRequestSchema = v.strictObject({
  submissionId: IdSchema,
  purpose: v.picklist(['alert', 'reporter-files']),
  declaredBytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  pow: PowSolutionSchema,
});
export type OpenSubmissionRequest = v.InferOutput<typeof OpenSubmissionRequestSchema>;
/** Also the answer to a repeated open: it says which chunks the server already has, to resume. */
export const OpenSubmissionResponseSchema = v.strictObject({
  submissionId: IdSchema,
  state: v.picklist(['open', 'finalized']),
  receivedChunks: v.record(IdSchema, v.array(v.number())),
});
export type OpenSubmissionResponse = v.InferOutput<typeof OpenSubmissionResponseSchema>;

/** PUT /api/submissions/:submissionId/blobs/:blobId/chunks/:index, body = the chunk envelope (octet-stream). */
export const ChunkParamsSchema = v.strictObject({
  submissionId: IdSchema,
  blobId: IdSchema,
  index: v.pipe(v.string(), v.regex(/^\d{1,6}$/), v.transform(Number)),
});
export const ChunkPutResponseSchema = v.strictObject({ stored: v.boolean() });

export const BlobManifestSchema = v.strictObject({
  blobId: IdSchema,
  chunkCount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
});
export type BlobManifest = v.InferOutput<typeof BlobManifestSchema>;

export const FinalizeAlertRequestSchema = v.strictObject({
  orgId: IdSchema,
  statistics: StatisticsSchema,
  questionnaireVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  receiptVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  lookupToken: Key32Schema,
  reporterX25519Public: Key32Schema,
  reporterEd25519Public: Key32Schema,
  answersEnvelope: EnvelopeSchema,
  identityEnvelope: EnvelopeSchema,
  grants: v.pipe(v.array(KeyGrantSchema), v.minLength(4), v.maxLength(8)),
  blobs: v.pipe(v.array(BlobManifestSchema), v.maxLength(50)),
});
export type FinalizeAlertRequest = v.InferOutput<typeof FinalizeAlertRequestSchema>;
export const FinalizeAlertResponseSchema = v.strictObject({ alertId: IdSchema, receivedDay: DaySchema });

// ---- reporter follow-up (no account: the lookup token in the body, never in a URL) ------

export const MessageViewSchema = v.strictObject({
  seq: v.number(),
  senderType: v.picklist(['reporter', 'organisation']),
  envelope: StoredEnvelopeSchema,
  signature: SignatureSchema,
  attachmentBlobIds: v.array(IdSchema),
  createdDay: DaySchema,
});
export type MessageView = v.InferOutput<typeof MessageViewSchema>;

/** One forwarding as the reporter sees it: days only, actions from the closed list, never details. */
export const ReporterFollowUpSchema = v.strictObject({
  sentDay: DaySchema,
  recipientKind: OrganisationKindSchema,
  /** null unless the recipient organisation chose to be named to reporters. */
  recipientName: v.nullable(v.string()),
  acknowledgedDay: v.nullable(DaySchema),
  actions: v.array(v.strictObject({ action: ForwardingActionSchema, day: DaySchema })),
  concludedDay: v.nullable(DaySchema),
});
export type ReporterFollowUp = v.InferOutput<typeof ReporterFollowUpSchema>;

/** `pow`: only when the server answered 'pow-required' (throttles ask for work, not a wait). */
export const ReporterLookupRequestSchema = v.strictObject({ lookupToken: Key32Schema, pow: v.optional(PowSolutionSchema) });
export const ReporterAlertViewSchema = v.strictObject({
  alertId: IdSchema,
  state: AlertStateSchema,
  receivedDay: DaySchema,
  organisation: v.strictObject({ id: IdSchema, name: v.string(), ed25519Public: Key32Schema }),
  answersEnvelope: StoredEnvelopeSchema,
  contentGrant: KeyGrantSchema, // the content key sealed to the reporter's receipt-derived X25519 key
  messages: v.array(MessageViewSchema),
  /** Forwarding (issue 3): where the case went and what was done, to the day; the recipient named only if it agreed. */
  followUp: v.array(ReporterFollowUpSchema),
  journalistConsent: v.boolean(),
  /** Custody (issue 3): requests to see the reporter's identity that were decided, to the day. */
  identityDecisions: v.array(v.strictObject({ decision: v.picklist(['granted', 'refused']), day: DaySchema })),
  /**
   * orgs (issue 3): for each older key version of the organisation, the last signed directory
   * that listed it, so that messages signed before a rotation still verify in the browser.
   */
  organisationKeyHistory: v.array(SignedDocumentSchema),
});
export type ReporterAlertView = v.InferOutput<typeof ReporterAlertViewSchema>;

export const PostMessageSchema = v.strictObject({
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  envelope: EnvelopeSchema,
  signature: SignatureSchema,
  /** Files uploaded beforehand through a 'reporter-files' submission (reporter only). */
  attachments: v.nullable(v.strictObject({ submissionId: IdSchema, blobs: v.pipe(v.array(BlobManifestSchema), v.maxLength(20)) })),
});
export type PostMessage = v.InferOutput<typeof PostMessageSchema>;
export const ReporterPostMessageRequestSchema = v.strictObject({ lookupToken: Key32Schema, message: PostMessageSchema, pow: v.optional(PowSolutionSchema) });
export const PostMessageResponseSchema = v.strictObject({ seq: v.number() });

// ---- staff: login (the password never leaves the browser) --------------------------------

export const SaltRequestSchema = v.strictObject({ login: LoginSchema, pow: v.optional(PowSolutionSchema) });
export const SaltResponseSchema = v.strictObject({ salt: Base64UrlSchema, argon2: v.literal(1) });
/** A code from an authenticator app (TOTP, RFC 6238): six digits. Spaces are dropped, as people type them in groups. */
export const TotpCodeSchema = v.pipe(v.string(), v.transform((s) => s.replace(/\s+/g, '')), v.regex(/^\d{6}$/, 'totp'));
/** `totp` is required once the user has enrolled a second factor: without it the answer is 'second-factor-required' and no session. */
export const LoginRequestSchema = v.strictObject({ login: LoginSchema, loginKey: Key32Schema, totp: v.optional(TotpCodeSchema), pow: v.optional(PowSolutionSchema) });
export const LoginResponseSchema = v.strictObject({ userId: IdSchema });

export const MembershipViewSchema = v.strictObject({
  orgId: IdSchema,
  orgName: v.string(),
  orgKind: OrganisationKindSchema,
  role: RoleSchema,
  /** The organisation's private keys sealed to this user's X25519 key; null when the role holds no content key. */
  orgKeyGrant: v.nullable(KeyGrantSchema),
  /** orgs (issue 3): the older versions of the organisation key sealed to this user (they open what was sealed before a rotation). */
  olderOrgKeyGrants: v.array(KeyGrantSchema),
});
export const MeResponseSchema = v.strictObject({
  user: v.strictObject({
    id: IdSchema,
    login: v.string(),
    x25519Public: Key32Schema,
    ed25519Public: Key32Schema,
    keyVersion: v.number(),
    wrappedKeys: EnvelopeSchema,
  }),
  memberships: v.array(MembershipViewSchema),
  coalitionSigningPublic: Key32Schema,
  directory: SignedDocumentSchema,
  /**
   * orgs (issue 3): for each older key version of the user's organisations, the last signed
   * directory that listed it; the browser verifies them and checks older keys against them.
   */
  keyHistory: v.array(SignedDocumentSchema),
});
export type MeResponse = v.InferOutput<typeof MeResponseSchema>;

// ---- staff: the desk ---------------------------------------------------------------------

export const AlertSummarySchema = v.strictObject({
  id: IdSchema,
  orgId: IdSchema,
  state: AlertStateSchema,
  receivedDay: DaySchema,
  statistics: StatisticsSchema,
  messageCount: v.number(),
  lastMessageFrom: v.nullable(v.picklist(['reporter', 'organisation'])),
  assigneeId: v.nullable(IdSchema),
  updatedAt: v.string(),
  priority: PrioritySchema,
});
export type AlertSummary = v.InferOutput<typeof AlertSummarySchema>;
export const InboxQuerySchema = v.strictObject({ state: v.optional(AlertStateSchema) });
export const InboxResponseSchema = v.strictObject({ alerts: v.array(AlertSummarySchema) });

export const NoteViewSchema = v.strictObject({ id: IdSchema, authorLogin: v.string(), envelope: EnvelopeSchema, createdAt: v.string() });
export const StateChangeViewSchema = v.strictObject({
  seq: v.number(),
  fromState: v.nullable(AlertStateSchema),
  toState: AlertStateSchema,
  actor: v.string(), // 'reporter', 'system' or the staff login
  reasonEnvelope: v.nullable(EnvelopeSchema),
  createdAt: v.string(),
});
export const BlobViewSchema = v.strictObject({ blobId: IdSchema, chunkCount: v.number(), totalBytes: v.number() });

export const StaffAlertViewSchema = v.strictObject({
  summary: AlertSummarySchema,
  answersEnvelope: StoredEnvelopeSchema,
  reporterEd25519Public: Key32Schema,
  grants: v.array(KeyGrantSchema), // content and desk keys sealed to the organisation
  messages: v.array(MessageViewSchema),
  notes: v.array(NoteViewSchema),
  history: v.array(StateChangeViewSchema),
  blobs: v.array(BlobViewSchema),
  allowedTransitions: v.array(AlertStateSchema),
  duplicateOf: v.nullable(IdSchema),
  /** Alerts of the same organisation marked as duplicates of this one (both stay readable). */
  duplicates: v.array(IdSchema),
});
export type StaffAlertView = v.InferOutput<typeof StaffAlertViewSchema>;

/** GET /api/staff/alerts/:alertId/blobs/:blobId/chunks/:index answers the chunk envelope (octet-stream). */

export const TransitionRequestSchema = v.strictObject({
  to: AlertStateSchema,
  expectedFrom: AlertStateSchema, // refused with 'conflict' if someone changed it meanwhile
  reasonEnvelope: EnvelopeSchema, // every change has a reason, under the desk key
  duplicateOf: v.optional(IdSchema),
});
export type TransitionRequest = v.InferOutput<typeof TransitionRequestSchema>;
export const TransitionResponseSchema = v.strictObject({ state: AlertStateSchema });

export const NoteRequestSchema = v.strictObject({ noteId: IdSchema, envelope: EnvelopeSchema });
export const NoteResponseSchema = v.strictObject({ id: IdSchema });

export const HealthResponseSchema = v.strictObject({
  status: v.literal('ok'),
  version: v.string(),
  database: v.picklist(['sqlite', 'postgres']),
  setUp: v.boolean(),
});
