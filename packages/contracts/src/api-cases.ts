/**
 * HTTP schemas and routes of case work (issue 3): assignment, priority, labels and the
 * verification checklist (ciphertext under the alert's desk key), duplicates, deadlines,
 * notifications and the e-mail opt-in.
 * SECURITY: labels and checklist state travel only as envelopes; what is in clear here is a
 * workflow field (priority, assignee, due days), organisation configuration (checklist item
 * labels, deadline lengths) or a notification kind with an object id, never case content.
 */
import * as v from 'valibot';
import { KeyGrantSchema } from './api.ts';
import { DaySchema, EnvelopeSchema, IdSchema } from './primitives.ts';
import { PrioritySchema } from './vocab.ts';

export const CASES_ROUTES = {
  caseWork: (alertId: string) => `/api/staff/alerts/${alertId}/case`,
  assignee: (alertId: string) => `/api/staff/alerts/${alertId}/assignee`,
  priority: (alertId: string) => `/api/staff/alerts/${alertId}/priority`,
  labels: (alertId: string) => `/api/staff/alerts/${alertId}/labels`,
  checklist: (alertId: string) => `/api/staff/alerts/${alertId}/checklist`,
  board: '/api/staff/cases',
  due: '/api/staff/cases/due',
  settings: (orgId: string) => `/api/staff/case-settings/${orgId}`,
  notifications: '/api/staff/notifications',
  notificationsRead: '/api/staff/notifications/read',
  mailPreference: '/api/staff/mail-preference',
} as const;

/** Hono patterns of CASES_ROUTES (the server's routes; a test compares them with the builders). */
export const CASES_ROUTE_PATTERNS = {
  caseWork: '/api/staff/alerts/:alertId/case',
  assignee: '/api/staff/alerts/:alertId/assignee',
  priority: '/api/staff/alerts/:alertId/priority',
  labels: '/api/staff/alerts/:alertId/labels',
  checklist: '/api/staff/alerts/:alertId/checklist',
  settings: '/api/staff/case-settings/:orgId',
} as const;

// ---- desk-key documents: labels and the checklist state --------------------------------------

export const CASE_DOCUMENT_KINDS = ['labels', 'checklist'] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

/** A versioned envelope under the desk key; version 1 is the first write. */
export const CaseDocumentSchema = v.strictObject({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  envelope: EnvelopeSchema,
  updatedBy: v.string(),
  updatedAt: v.string(),
});
export type CaseDocument = v.InferOutput<typeof CaseDocumentSchema>;

/** expectedVersion: the version the browser read (0 when there was none); another one → 'conflict'. */
export const CaseDocumentWriteSchema = v.strictObject({
  expectedVersion: v.pipe(v.number(), v.integer(), v.minValue(0)),
  envelope: EnvelopeSchema,
});
export type CaseDocumentWrite = v.InferOutput<typeof CaseDocumentWriteSchema>;
export const CaseDocumentWriteResponseSchema = v.strictObject({ version: v.number() });

export const MAX_LABELS = 20;
export const MAX_LABEL_CHARS = 60;
export const MAX_CHECKLIST_NOTE_CHARS = 2_000;

/** Inside the labels envelope (parsed on open). */
export const LabelsPayloadSchema = v.strictObject({
  v: v.literal(1),
  labels: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_LABEL_CHARS))), v.maxLength(MAX_LABELS)),
});
export type LabelsPayload = v.InferOutput<typeof LabelsPayloadSchema>;

/** Inside the checklist envelope: the state of each organisation item (by id) for this alert. */
export const ChecklistPayloadSchema = v.strictObject({
  v: v.literal(1),
  items: v.pipe(
    v.array(v.strictObject({ itemId: IdSchema, done: v.boolean(), note: v.pipe(v.string(), v.maxLength(MAX_CHECKLIST_NOTE_CHARS)) })),
    v.maxLength(100),
  ),
});
export type ChecklistPayload = v.InferOutput<typeof ChecklistPayloadSchema>;

// ---- organisation settings -------------------------------------------------------------------

export const DEFAULT_DEADLINES = { acknowledgeDays: 7, feedbackMonths: 3, forwardingAcknowledgeDays: 30 } as const;

export const DeadlinesSchema = v.strictObject({
  acknowledgeDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)),
  feedbackMonths: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24)),
  forwardingAcknowledgeDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)),
});
export type Deadlines = v.InferOutput<typeof DeadlinesSchema>;

export const MAX_CHECKLIST_ITEMS = 30;
/** Clear text on purpose: organisation configuration ("Sources contactées"), never about one case. */
export const ChecklistItemSchema = v.strictObject({ id: IdSchema, label: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120)) });
export type ChecklistItem = v.InferOutput<typeof ChecklistItemSchema>;

export const CaseSettingsSchema = v.strictObject({
  deadlines: DeadlinesSchema,
  /** In order; an item left out is archived (old checklists still name it), never deleted. */
  checklistItems: v.pipe(v.array(ChecklistItemSchema), v.maxLength(MAX_CHECKLIST_ITEMS)),
});
export type CaseSettings = v.InferOutput<typeof CaseSettingsSchema>;
export const CaseSettingsViewSchema = v.strictObject({ orgId: IdSchema, ...CaseSettingsSchema.entries, isDefault: v.boolean() });
export type CaseSettingsView = v.InferOutput<typeof CaseSettingsViewSchema>;

// ---- deadlines -------------------------------------------------------------------------------

export const DUE_KINDS = ['acknowledge', 'feedback', 'forwarding-acknowledgement'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export const DueItemSchema = v.strictObject({
  kind: v.picklist(DUE_KINDS),
  alertId: IdSchema,
  /** Set for 'forwarding-acknowledgement'. */
  forwardingId: v.nullable(IdSchema),
  dueDay: DaySchema,
  overdue: v.boolean(),
});
export type DueItem = v.InferOutput<typeof DueItemSchema>;
/** Overdue first, then by due day. */
export const DueResponseSchema = v.strictObject({ items: v.array(DueItemSchema) });

// ---- one case, and the board behind the inbox ------------------------------------------------

export const AssignableMemberSchema = v.strictObject({ userId: IdSchema, login: v.string() });
export type AssignableMember = v.InferOutput<typeof AssignableMemberSchema>;

export const CaseViewSchema = v.strictObject({
  alertId: IdSchema,
  orgId: IdSchema,
  priority: PrioritySchema,
  assigneeId: v.nullable(IdSchema),
  labels: v.nullable(CaseDocumentSchema),
  checklist: v.nullable(CaseDocumentSchema),
  /** The organisation's current items, in order, and archived ones still named by old checklists. */
  checklistItems: v.array(ChecklistItemSchema),
  archivedChecklistItems: v.array(ChecklistItemSchema),
  duplicateOf: v.nullable(IdSchema),
  duplicates: v.array(IdSchema),
  due: v.array(DueItemSchema),
  assignable: v.array(AssignableMemberSchema),
  /** Whether this user may assign (coordinators). */
  canAssign: v.boolean(),
  /** The alert's desk key sealed to its organisation, to open labels and checklist in the browser. */
  deskGrant: v.nullable(KeyGrantSchema),
});
export type CaseView = v.InferOutput<typeof CaseViewSchema>;

export const BoardEntrySchema = v.strictObject({
  alertId: IdSchema,
  labels: v.nullable(CaseDocumentSchema),
  /** The desk key sealed to the organisation, to open the labels in the browser. */
  deskGrant: v.nullable(KeyGrantSchema),
  /** The earliest deadline still open, if any. */
  nextDue: v.nullable(DueItemSchema),
});
export type BoardEntry = v.InferOutput<typeof BoardEntrySchema>;
export const BoardResponseSchema = v.strictObject({ cases: v.array(BoardEntrySchema), members: v.array(AssignableMemberSchema) });

export const AssignRequestSchema = v.strictObject({ assigneeId: v.nullable(IdSchema) });
export const AssignResponseSchema = v.strictObject({ assigneeId: v.nullable(IdSchema) });
export const PriorityRequestSchema = v.strictObject({ priority: PrioritySchema });
export const PriorityResponseSchema = v.strictObject({ priority: PrioritySchema });

// ---- notifications ---------------------------------------------------------------------------

export const NOTIFICATION_KINDS = [
  'assigned',
  'reporter-message',
  'acknowledge-overdue',
  'feedback-overdue',
  'forwarding-acknowledgement-overdue',
  'forwarding-acknowledged',
  'forwarding-action',
  'forwarding-concluded',
  /** To the recipient organisation's liaisons; objectId is then the FORWARDING id (they see only that). */
  'forwarding-received',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindSchema = v.picklist(NOTIFICATION_KINDS);

/** objectId: the alert it is about (the desk opens it). */
export const NotificationViewSchema = v.strictObject({
  id: IdSchema,
  kind: NotificationKindSchema,
  objectId: IdSchema,
  createdAt: v.string(),
  read: v.boolean(),
});
export type NotificationView = v.InferOutput<typeof NotificationViewSchema>;
export const NotificationsResponseSchema = v.strictObject({ unread: v.number(), items: v.array(NotificationViewSchema) });
export const NotificationsReadRequestSchema = v.strictObject({ ids: v.union([v.literal('all'), v.pipe(v.array(IdSchema), v.maxLength(200))]) });
export const NotificationsReadResponseSchema = v.strictObject({ unread: v.number() });

// ---- e-mail opt-in ---------------------------------------------------------------------------

/** A plain address, no display name; kept only to send "you have N new items on the desk". */
export const MailAddressSchema = v.pipe(v.string(), v.trim(), v.maxLength(200), v.email('mail address'));
export const MailPreferenceRequestSchema = v.strictObject({ enabled: v.boolean(), address: v.nullable(MailAddressSchema) });
export const MailPreferenceViewSchema = v.strictObject({
  /** false when the server has no SMTP_URL: nothing is ever sent. */
  available: v.boolean(),
  enabled: v.boolean(),
  address: v.nullable(v.string()),
});
export type MailPreferenceView = v.InferOutput<typeof MailPreferenceViewSchema>;
