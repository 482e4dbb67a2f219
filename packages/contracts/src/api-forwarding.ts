/**
 * HTTP schemas, routes and browser-only plaintexts of forwarding (issue 3): a verified case sent
 * to an authority or partner medium as a package sealed in the analyst's browser, and followed
 * until the recipient concludes.
 *
 * SECURITY: the server sees, in clear, who forwarded to whom, when, the forwarding's state and
 * the closed-list action an authority recorded (the monitoring dashboard counts them); the
 * package, its files, and every event's details (free text, exact amounts, why no action) are
 * ciphertext under a fresh package key sealed to the two organisations only.
 */
import * as v from 'valibot';
import { BlobManifestSchema, KeyGrantSchema, PowSolutionSchema } from './api.ts';
import { AttachmentRefSchema, MAX_DESCRIPTION_CHARS, MAX_MESSAGE_CHARS, MAX_SHORT_TEXT_CHARS, StatisticsSchema } from './payloads.ts';
import { DaySchema, EnvelopeSchema, IdSchema, Key32Schema, PlaceIdSchema, SignatureSchema, StoredEnvelopeSchema } from './primitives.ts';
import { OrganisationKindSchema } from './vocab.ts';
import { ForwardingActionSchema, ForwardingStateSchema } from './workflow.ts';

/** Days an authority has to acknowledge a forwarding before it shows as overdue (DESIGN §4 default). */
export const FORWARDING_ACK_DAYS = 30;
/** Files one package may carry (as many as an alert may have). */
export const MAX_PACKAGE_FILES = 50;

/** On its own too, so the reporter's form can post the consent without carrying the desk's routes (60 KB budget). */
export const REPORTER_CONSENT_ROUTE = '/api/reporter/consent';

export const FORWARDING_ROUTES = {
  forwardings: '/api/staff/forwardings',
  drafts: '/api/staff/forwardings/drafts',
  forwarding: (forwardingId: string) => `/api/staff/forwardings/${forwardingId}`,
  events: (forwardingId: string) => `/api/staff/forwardings/${forwardingId}/events`,
  fileChunk: (forwardingId: string, blobId: string, index: number) => `/api/staff/forwardings/${forwardingId}/files/${blobId}/chunks/${index}`,
  alertForwardings: (alertId: string) => `/api/staff/alerts/${alertId}/forwardings`,
  settings: (orgId: string) => `/api/staff/forwarding-settings/${orgId}`,
  reporterConsent: REPORTER_CONSENT_ROUTE,
} as const;

export const FORWARDING_ROUTE_PATTERNS = {
  forwarding: '/api/staff/forwardings/:forwardingId',
  events: '/api/staff/forwardings/:forwardingId/events',
  fileChunk: '/api/staff/forwardings/:forwardingId/files/:blobId/chunks/:index',
  alertForwardings: '/api/staff/alerts/:alertId/forwardings',
  settings: '/api/staff/forwarding-settings/:orgId',
} as const;

// ---- what the forwarding organisation signs, and what the reporter signs ----------------

/** Signed with the forwarding organisation's Ed25519 key (PURPOSES.forwardSignature). */
export type ForwardingStatement = {
  readonly forwardingId: string;
  readonly alertId: string;
  readonly fromOrgId: string;
  readonly toOrgId: string;
  readonly toKeyVersion: number;
  /** base64url SHA-256 of the package envelope's bytes. */
  readonly packageSha256: string;
  readonly attachmentBlobIds: readonly string[];
  readonly onwardOf: string | null;
  readonly includesIdentity: boolean;
};

/** Signed with the reporter's receipt-derived Ed25519 key (PURPOSES.reporterConsent). */
export const JOURNALIST_CONSENT = 'share-with-journalists';
export type ConsentStatement = { readonly alertId: string; readonly consent: typeof JOURNALIST_CONSENT };

// ---- plaintexts inside the package key's envelopes (browsers only) -----------------------

export const PACKAGE_FIELDS = ['communeId', 'when', 'institutionName', 'amountFcfa', 'description'] as const;
export type PackageField = (typeof PACKAGE_FIELDS)[number];

/** What was decided to go: absent fields were withheld; masked spans are already replaced. */
export const ForwardPackagePayloadSchema = v.strictObject({
  v: v.literal(1),
  forwardingId: IdSchema,
  alertId: IdSchema,
  onwardOf: v.nullable(IdSchema),
  fromOrg: v.strictObject({ id: IdSchema, name: v.pipe(v.string(), v.maxLength(200)) }),
  receivedDay: DaySchema,
  statistics: StatisticsSchema,
  fields: v.strictObject({
    communeId: v.optional(v.nullable(PlaceIdSchema)),
    when: v.optional(v.nullable(DaySchema)),
    institutionName: v.optional(v.pipe(v.string(), v.maxLength(MAX_SHORT_TEXT_CHARS))),
    amountFcfa: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e15)))),
    description: v.optional(v.pipe(v.string(), v.maxLength(MAX_DESCRIPTION_CHARS))),
  }),
  messages: v.pipe(
    v.array(v.strictObject({ seq: v.number(), senderType: v.picklist(['reporter', 'organisation']), createdDay: DaySchema, text: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_CHARS)) })),
    v.maxLength(500),
  ),
  /** Each file re-encrypted under the package key (blobId is the package's copy, not the alert's). */
  attachments: v.pipe(v.array(AttachmentRefSchema), v.maxLength(MAX_PACKAGE_FILES)),
  /** Only when the custodian granted the identity for this forwarding. */
  identity: v.nullable(v.strictObject({ name: v.pipe(v.string(), v.maxLength(200)), phone: v.pipe(v.string(), v.maxLength(40)) })),
  /** A covering note from the forwarding organisation. */
  note: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_CHARS)),
});
export type ForwardPackagePayload = v.InferOutput<typeof ForwardPackagePayloadSchema>;

/** An event's details, under the package key (PURPOSES.forwardEvent). */
export const ForwardEventDetailsSchema = v.strictObject({
  v: v.literal(1),
  text: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_CHARS)),
  amountFcfa: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e15))),
});
export type ForwardEventDetails = v.InferOutput<typeof ForwardEventDetailsSchema>;

// ---- HTTP ------------------------------------------------------------------------------

export const ForwardingDraftRequestSchema = v.strictObject({ forwardingId: IdSchema, alertId: IdSchema, onwardOf: v.nullable(IdSchema) });
export type ForwardingDraftRequest = v.InferOutput<typeof ForwardingDraftRequestSchema>;
export const ForwardingDraftResponseSchema = v.strictObject({ forwardingId: IdSchema, receivedChunks: v.record(IdSchema, v.array(v.number())) });

export const ForwardRequestSchema = v.strictObject({
  forwardingId: IdSchema,
  alertId: IdSchema,
  toOrgId: IdSchema,
  toKeyVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  onwardOf: v.nullable(IdSchema),
  includesIdentity: v.boolean(),
  packageEnvelope: EnvelopeSchema,
  signature: SignatureSchema,
  /** The package key sealed to the recipient organisation and to the forwarding organisation. */
  grants: v.pipe(v.array(KeyGrantSchema), v.length(2)),
  files: v.pipe(v.array(BlobManifestSchema), v.maxLength(MAX_PACKAGE_FILES)),
});
export type ForwardRequest = v.InferOutput<typeof ForwardRequestSchema>;

export const ForwardingEventKindSchema = v.picklist(['acknowledged', 'action', 'concluded']);
export type ForwardingEventKind = v.InferOutput<typeof ForwardingEventKindSchema>;

export const ForwardingEventViewSchema = v.strictObject({
  seq: v.number(),
  kind: ForwardingEventKindSchema,
  action: v.nullable(ForwardingActionSchema),
  actor: v.string(),
  detailsEnvelope: v.nullable(StoredEnvelopeSchema),
  createdAt: v.string(),
});
export type ForwardingEventView = v.InferOutput<typeof ForwardingEventViewSchema>;

const OrgRefSchema = v.strictObject({ id: IdSchema, name: v.string(), kind: OrganisationKindSchema });

export const ForwardingSummarySchema = v.strictObject({
  id: IdSchema,
  alertId: IdSchema,
  fromOrg: OrgRefSchema,
  toOrg: OrgRefSchema,
  state: ForwardingStateSchema,
  sentAt: v.string(),
  acknowledgedAt: v.nullable(v.string()),
  concludedAt: v.nullable(v.string()),
  /** sentAt's day + the sending organisation's forwardingAcknowledgeDays (cases settings, 30 by default); overdue while unacknowledged after it. */
  ackDueDay: DaySchema,
  onwardOf: v.nullable(IdSchema),
  includesIdentity: v.boolean(),
  actions: v.array(ForwardingActionSchema),
});
export type ForwardingSummary = v.InferOutput<typeof ForwardingSummarySchema>;

export const ForwardingViewSchema = v.strictObject({
  summary: ForwardingSummarySchema,
  toKeyVersion: v.number(),
  packageEnvelope: StoredEnvelopeSchema,
  signature: SignatureSchema,
  files: v.array(BlobManifestSchema),
  /** The package key sealed to the viewer's organisation (the recipient or the sender). */
  grant: v.nullable(KeyGrantSchema),
  events: v.array(ForwardingEventViewSchema),
});
export type ForwardingView = v.InferOutput<typeof ForwardingViewSchema>;

export const ForwardingInboxResponseSchema = v.strictObject({ forwardings: v.array(ForwardingSummarySchema) });

export const AlertForwardingsResponseSchema = v.strictObject({
  forwardings: v.array(ForwardingViewSchema),
  /** The reporter's signed consent to sharing with journalists, or null; the desk verifies it. */
  journalistConsent: v.nullable(v.strictObject({ signature: SignatureSchema })),
  reporterEd25519Public: Key32Schema,
});
export type AlertForwardingsResponse = v.InferOutput<typeof AlertForwardingsResponseSchema>;

export const ForwardResponseSchema = v.strictObject({ forwarding: ForwardingSummarySchema, alertState: v.string() });

export const ForwardingEventRequestSchema = v.strictObject({
  /** The next sequence number (events so far + 1): a stale page gets 'conflict'. */
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  kind: ForwardingEventKindSchema,
  action: v.nullable(ForwardingActionSchema),
  detailsEnvelope: v.nullable(EnvelopeSchema),
});
export type ForwardingEventRequest = v.InferOutput<typeof ForwardingEventRequestSchema>;
export const ForwardingEventResponseSchema = v.strictObject({ state: ForwardingStateSchema, seq: v.number() });

export const ForwardingSettingsSchema = v.strictObject({ nameToReporter: v.boolean() });
export type ForwardingSettings = v.InferOutput<typeof ForwardingSettingsSchema>;

export const ReporterConsentRequestSchema = v.strictObject({ lookupToken: Key32Schema, signature: SignatureSchema, pow: v.optional(PowSolutionSchema) });
export const ReporterConsentResponseSchema = v.strictObject({ journalistConsent: v.literal(true) });
