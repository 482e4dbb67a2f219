/**
 * Routes of case work (under /api/staff: the staff guard and the CSRF check apply). Every
 * handler parses its parameters and body with the contracts' schemas and hands the feature
 * the signed-in user; the feature decides who may do what.
 */
import type { Hono } from 'hono';
import * as v from 'valibot';
import {
  AssignRequestSchema,
  CASES_ROUTE_PATTERNS,
  CASES_ROUTES,
  CaseDocumentWriteSchema,
  CaseSettingsSchema,
  IdSchema,
  MailPreferenceRequestSchema,
  NotificationsReadRequestSchema,
  PriorityRequestSchema,
} from '@kenekanko/contracts';
import type { CaseDocumentKind } from '@kenekanko/contracts';
import {
  assignCase,
  caseBoard,
  caseView,
  dueForUser,
  listNotifications,
  mailPreference,
  markNotificationsRead,
  readCaseSettings,
  saveCaseSettings,
  saveMailPreference,
  setCasePriority,
  writeCaseDocument,
} from '../../features/cases/index.ts';
import { parseParams, readJson } from '../parse.ts';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

const AlertParamsSchema = v.strictObject({ alertId: IdSchema });
const OrgParamsSchema = v.strictObject({ orgId: IdSchema });

function registerDocumentRoute(app: Hono<StaffEnv>, s: AppServices, kind: CaseDocumentKind): void {
  app.post(CASES_ROUTE_PATTERNS[kind], async (c) => {
    const { alertId } = parseParams(AlertParamsSchema, c.req.param());
    const write = await readJson(c, CaseDocumentWriteSchema);
    return c.json(await writeCaseDocument(s.storage, c.var.staff.userId, alertId, kind, write, s.clock()));
  });
}

function registerAlertCaseRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.get(CASES_ROUTE_PATTERNS.caseWork, async (c) => {
    const { alertId } = parseParams(AlertParamsSchema, c.req.param());
    return c.json(await caseView(s.storage.read, c.var.staff.userId, alertId, s.clock()));
  });
  app.post(CASES_ROUTE_PATTERNS.assignee, async (c) => {
    const { alertId } = parseParams(AlertParamsSchema, c.req.param());
    const { assigneeId } = await readJson(c, AssignRequestSchema);
    return c.json(await assignCase(s.storage, c.var.staff.userId, alertId, assigneeId, s.clock()));
  });
  app.post(CASES_ROUTE_PATTERNS.priority, async (c) => {
    const { alertId } = parseParams(AlertParamsSchema, c.req.param());
    const { priority } = await readJson(c, PriorityRequestSchema);
    return c.json(await setCasePriority(s.storage, c.var.staff.userId, alertId, priority, s.clock()));
  });
  registerDocumentRoute(app, s, 'labels');
  registerDocumentRoute(app, s, 'checklist');
}

function registerUserRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.get(CASES_ROUTES.notifications, async (c) => c.json(await listNotifications(s.storage.read, c.var.staff.userId)));
  app.post(CASES_ROUTES.notificationsRead, async (c) => {
    const { ids } = await readJson(c, NotificationsReadRequestSchema);
    return c.json(await markNotificationsRead(s.storage, c.var.staff.userId, ids, s.clock()));
  });
  app.get(CASES_ROUTES.mailPreference, async (c) => c.json(await mailPreference(s.storage.read, c.var.staff.userId, s.config.mail !== null)));
  app.post(CASES_ROUTES.mailPreference, async (c) => {
    const request = await readJson(c, MailPreferenceRequestSchema);
    return c.json(await saveMailPreference(s.storage, c.var.staff.userId, request, s.config.mail !== null, s.clock()));
  });
}

export function registerCaseRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  registerAlertCaseRoutes(app, s);
  registerUserRoutes(app, s);
  app.get(CASES_ROUTES.board, async (c) => c.json(await caseBoard(s.storage.read, c.var.staff.userId, s.clock())));
  app.get(CASES_ROUTES.due, async (c) => c.json({ items: await dueForUser(s.storage.read, c.var.staff.userId, s.clock()) }));
  app.get(CASES_ROUTE_PATTERNS.settings, async (c) => {
    const { orgId } = parseParams(OrgParamsSchema, c.req.param());
    return c.json(await readCaseSettings(s.storage.read, c.var.staff.userId, orgId));
  });
  app.put(CASES_ROUTE_PATTERNS.settings, async (c) => {
    const { orgId } = parseParams(OrgParamsSchema, c.req.param());
    const settings = await readJson(c, CaseSettingsSchema);
    return c.json(await saveCaseSettings(s.storage, c.var.staff.userId, orgId, settings, s.clock()));
  });
}
