/**
 * Client side of case work (issue 3): a case's assignment, priority, labels and checklist
 * state, the board behind the inbox, what is due, notifications, settings and the e-mail
 * opt-in. Labels and checklist state are sealed and opened here, under the alert's desk key
 * (opened with the organisation key from the session's keyring); the server sees envelopes.
 * SECURITY: an envelope that does not open is reported as broken, never shown as empty truth;
 * a write seals for the next version, bound into the AAD, so the server cannot replay an old
 * version as a newer one.
 */
import { PURPOSES, fromBase64Url, openEnvelope, sealEnvelope, toBase64Url } from '@kenekanko/crypto';
import {
  AssignResponseSchema,
  BoardResponseSchema,
  CASES_ROUTES,
  CaseDocumentWriteResponseSchema,
  CaseSettingsViewSchema,
  CaseViewSchema,
  ChecklistPayloadSchema,
  DueResponseSchema,
  LabelsPayloadSchema,
  MailPreferenceViewSchema,
  NotificationsReadResponseSchema,
  NotificationsResponseSchema,
  PriorityResponseSchema,
} from '@kenekanko/contracts';
import type { AssignableMember, CaseDocument, CaseSettings, CaseSettingsView, CaseView, ChecklistPayload, DueItem, KeyGrant, MailPreferenceView, NotificationView, Priority } from '@kenekanko/contracts';
import type * as v from 'valibot';
import { caseDocumentContext } from '../contexts.ts';
import { ClientError } from '../errors.ts';
import { openGrant } from '../grants.ts';
import { orgKeyAt } from '../org-keyring.ts';
import { jsonBytes, parseJsonBytes } from '../json-bytes.ts';
import type { StaffSession } from '../staff-session.ts';

type DocumentKind = 'labels' | 'checklist';
const PURPOSE_OF = { labels: PURPOSES.labels, checklist: PURPOSES.checklist } as const;

export type ChecklistEntry = ChecklistPayload['items'][number];

/** A case opened in the browser; `*Broken` is true when an envelope exists but could not be opened. */
export type OpenedCase = {
  readonly view: CaseView;
  readonly labels: readonly string[];
  readonly labelsBroken: boolean;
  readonly checklist: readonly ChecklistEntry[];
  readonly checklistBroken: boolean;
};

/** The desk key of an alert, opened with its organisation's key; null when not granted or not openable. */
export function openDeskKey(session: StaffSession, grant: KeyGrant | null, orgId: string): Uint8Array | null {
  // The key of the version the grant was sealed to: alerts filed before a rotation still open.
  const org = grant === null ? undefined : orgKeyAt(session.keyring, orgId, grant.recipientKeyVersion);
  if (grant === null || org === undefined || grant.keyKind !== 'desk' || grant.recipientType !== 'organisation' || grant.recipientId !== orgId) return null;
  try {
    return openGrant(grant, org.x25519.privateKey);
  } catch {
    return null;
  }
}

function openDocument<S extends typeof LabelsPayloadSchema | typeof ChecklistPayloadSchema>(
  deskKey: Uint8Array | null,
  alertId: string,
  kind: DocumentKind,
  doc: CaseDocument | null,
  schema: S,
): { readonly payload: v.InferOutput<S> | null; readonly broken: boolean } {
  if (doc === null) return { payload: null, broken: false };
  if (deskKey === null) return { payload: null, broken: true };
  try {
    const plain = openEnvelope(deskKey, PURPOSE_OF[kind], caseDocumentContext(alertId, kind, doc.version), fromBase64Url(doc.envelope));
    return { payload: parseJsonBytes(schema, plain, `the ${kind}`), broken: false };
  } catch {
    return { payload: null, broken: true };
  }
}

/** Opens the labels of one board entry or case (empty when there are none; broken when unreadable). */
export function openLabels(session: StaffSession, alertId: string, orgId: string, grant: KeyGrant | null, doc: CaseDocument | null): { readonly labels: readonly string[]; readonly broken: boolean } {
  const opened = openDocument(openDeskKey(session, grant, orgId), alertId, 'labels', doc, LabelsPayloadSchema);
  return { labels: opened.payload?.labels ?? [], broken: opened.broken };
}

export async function openCase(session: StaffSession, alertId: string): Promise<OpenedCase> {
  const view = await session.api.transport.json('GET', CASES_ROUTES.caseWork(alertId), CaseViewSchema);
  const deskKey = openDeskKey(session, view.deskGrant, view.orgId);
  const labels = openDocument(deskKey, alertId, 'labels', view.labels, LabelsPayloadSchema);
  const checklist = openDocument(deskKey, alertId, 'checklist', view.checklist, ChecklistPayloadSchema);
  deskKey?.fill(0);
  return { view, labels: labels.payload?.labels ?? [], labelsBroken: labels.broken, checklist: checklist.payload?.items ?? [], checklistBroken: checklist.broken };
}

async function writeDocument(session: StaffSession, opened: OpenedCase, kind: DocumentKind, payload: unknown): Promise<number> {
  const { view } = opened;
  const deskKey = openDeskKey(session, view.deskGrant, view.orgId);
  if (deskKey === null) throw new ClientError('missing-key', 'the desk key of this alert is not available');
  const expectedVersion = (kind === 'labels' ? view.labels : view.checklist)?.version ?? 0;
  const envelope = toBase64Url(sealEnvelope(deskKey, PURPOSE_OF[kind], caseDocumentContext(view.alertId, kind, expectedVersion + 1), jsonBytes(payload)));
  deskKey.fill(0);
  const route = kind === 'labels' ? CASES_ROUTES.labels(view.alertId) : CASES_ROUTES.checklist(view.alertId);
  return (await session.api.transport.json('POST', route, CaseDocumentWriteResponseSchema, { json: { expectedVersion, envelope } })).version;
}

/** Saves the labels (trimmed, deduplicated); 'conflict' when someone saved first: re-open and try again. */
export function saveLabels(session: StaffSession, opened: OpenedCase, labels: readonly string[]): Promise<number> {
  const clean = [...new Set(labels.map((l) => l.trim()).filter((l) => l !== ''))];
  return writeDocument(session, opened, 'labels', { v: 1, labels: clean });
}

export function saveChecklist(session: StaffSession, opened: OpenedCase, items: readonly ChecklistEntry[]): Promise<number> {
  return writeDocument(session, opened, 'checklist', { v: 1, items });
}

export async function assignCase(session: StaffSession, alertId: string, assigneeId: string | null): Promise<string | null> {
  return (await session.api.transport.json('POST', CASES_ROUTES.assignee(alertId), AssignResponseSchema, { json: { assigneeId } })).assigneeId;
}

export async function setPriority(session: StaffSession, alertId: string, priority: Priority): Promise<Priority> {
  return (await session.api.transport.json('POST', CASES_ROUTES.priority(alertId), PriorityResponseSchema, { json: { priority } })).priority;
}

export type BoardCase = { readonly labels: readonly string[]; readonly labelsBroken: boolean; readonly nextDue: DueItem | null };

/**
 * The inbox's extra columns, labels opened in the browser, by alert id; and the members who can
 * be assigned. `orgOf` gives an alert's organisation when the caller knows it (from the inbox);
 * otherwise the grant's recipient is used (the grant's AAD binds it, and only that
 * organisation's key opens it).
 */
export async function loadBoard(session: StaffSession, orgOf: (alertId: string) => string | undefined = () => undefined): Promise<{ readonly cases: ReadonlyMap<string, BoardCase>; readonly members: readonly AssignableMember[] }> {
  const board = await session.api.transport.json('GET', CASES_ROUTES.board, BoardResponseSchema);
  const cases = new Map<string, BoardCase>();
  for (const entry of board.cases) {
    const orgId = orgOf(entry.alertId) ?? entry.deskGrant?.recipientId ?? '';
    const { labels, broken } = openLabels(session, entry.alertId, orgId, entry.deskGrant, entry.labels);
    cases.set(entry.alertId, { labels, labelsBroken: broken, nextDue: entry.nextDue });
  }
  return { cases, members: board.members };
}

export async function loadDue(session: StaffSession): Promise<readonly DueItem[]> {
  return (await session.api.transport.json('GET', CASES_ROUTES.due, DueResponseSchema)).items;
}

export async function loadNotifications(session: StaffSession): Promise<{ readonly unread: number; readonly items: readonly NotificationView[] }> {
  return session.api.transport.json('GET', CASES_ROUTES.notifications, NotificationsResponseSchema);
}

export async function markNotificationsRead(session: StaffSession, ids: readonly string[] | 'all'): Promise<number> {
  return (await session.api.transport.json('POST', CASES_ROUTES.notificationsRead, NotificationsReadResponseSchema, { json: { ids } })).unread;
}

export function loadCaseSettings(session: StaffSession, orgId: string): Promise<CaseSettingsView> {
  return session.api.transport.json('GET', CASES_ROUTES.settings(orgId), CaseSettingsViewSchema);
}

export function saveCaseSettings(session: StaffSession, orgId: string, settings: CaseSettings): Promise<CaseSettingsView> {
  return session.api.transport.json('PUT', CASES_ROUTES.settings(orgId), CaseSettingsViewSchema, { json: settings });
}

export function loadMailPreference(session: StaffSession): Promise<MailPreferenceView> {
  return session.api.transport.json('GET', CASES_ROUTES.mailPreference, MailPreferenceViewSchema);
}

export function saveMailPreference(session: StaffSession, enabled: boolean, address: string | null): Promise<MailPreferenceView> {
  return session.api.transport.json('POST', CASES_ROUTES.mailPreference, MailPreferenceViewSchema, { json: { enabled, address } });
}

/** A fresh id for a new checklist item (made in the browser, like every id). */
export { newId as newChecklistItemId } from '../ids.ts';
