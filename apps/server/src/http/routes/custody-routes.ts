/**
 * Routes: identity requests and the custodian key, signed audit checkpoints, and retention.
 * All under /api/staff (the staff guard and the CSRF check apply); every change is audited
 * inside its feature's transaction.
 */
import type { Hono } from 'hono';
import * as v from 'valibot';
import {
  AuditEntriesQuerySchema,
  CustodianKeyGrantRequestSchema,
  CUSTODY_ROUTES,
  CustodyRequestsQuerySchema,
  GrantIdentityRequestSchema,
  IdSchema,
  NewAuditCheckpointSchema,
  NewIdentityRequestSchema,
  OrgRetentionSchema,
  RefuseIdentityRequestSchema,
  RetentionHoldRequestSchema,
} from '@kenekanko/contracts';
import {
  addAuditCheckpoint,
  alertIdentityView,
  alertRetentionView,
  auditEntriesAfter,
  auditHead,
  createIdentityRequest,
  custodianKeyView,
  custodyRequestDetail,
  grantCustodianKey,
  grantIdentityRequest,
  listCustodyRequests,
  orgRetention,
  refuseIdentityRequest,
  releaseRetentionHold,
  setOrgRetention,
  setRetentionHold,
} from '../../features/custody/index.ts';
import { parseParams, parseWith, readJson } from '../parse.ts';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

/** Hono patterns of CUSTODY_ROUTES' functions (custody-routes.test.ts fills and compares them). */
export const CUSTODY_PATTERNS = {
  custodyRequest: '/api/staff/custody/requests/:requestId',
  custodyGrant: '/api/staff/custody/requests/:requestId/grant',
  custodyRefuse: '/api/staff/custody/requests/:requestId/refuse',
  alertIdentityRequests: '/api/staff/alerts/:alertId/identity-requests',
  alertRetention: '/api/staff/alerts/:alertId/retention',
  alertRetentionHold: '/api/staff/alerts/:alertId/retention/hold',
  orgRetention: '/api/staff/retention/orgs/:orgId',
} as const;

const AlertParams = v.strictObject({ alertId: IdSchema });
const RequestParams = v.strictObject({ requestId: IdSchema });
const OrgParams = v.strictObject({ orgId: IdSchema });

function registerIdentityRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.get(CUSTODY_ROUTES.custodianKey, async (c) => c.json(await custodianKeyView(s.storage.read, c.var.staff.userId)));
  app.post(CUSTODY_ROUTES.custodianKeyGrants, async (c) => {
    const { grant } = await readJson(c, CustodianKeyGrantRequestSchema);
    await grantCustodianKey(s.storage, c.var.staff.userId, grant, s.clock());
    return c.json({ ok: true });
  });
  app.get(CUSTODY_ROUTES.custodyRequests, async (c) => {
    const { state } = parseWith(CustodyRequestsQuerySchema, c.req.query());
    return c.json({ requests: await listCustodyRequests(s.storage.read, c.var.staff.userId, state) });
  });
  app.get(CUSTODY_PATTERNS.custodyRequest, async (c) => {
    const { requestId } = parseParams(RequestParams, c.req.param());
    return c.json(await custodyRequestDetail(s.storage.read, c.var.staff.userId, requestId));
  });
  app.post(CUSTODY_PATTERNS.custodyGrant, async (c) => {
    const { requestId } = parseParams(RequestParams, c.req.param());
    const { grant } = await readJson(c, GrantIdentityRequestSchema);
    return c.json(await grantIdentityRequest(s.storage, c.var.staff.userId, requestId, grant, s.clock()));
  });
  app.post(CUSTODY_PATTERNS.custodyRefuse, async (c) => {
    const { requestId } = parseParams(RequestParams, c.req.param());
    const { reasonEnvelope } = await readJson(c, RefuseIdentityRequestSchema);
    return c.json(await refuseIdentityRequest(s.storage, c.var.staff.userId, requestId, reasonEnvelope, s.clock()));
  });
  app.get(CUSTODY_PATTERNS.alertIdentityRequests, async (c) => {
    const { alertId } = parseParams(AlertParams, c.req.param());
    return c.json(await alertIdentityView(s.storage.read, c.var.staff.userId, alertId));
  });
  app.post(CUSTODY_PATTERNS.alertIdentityRequests, async (c) => {
    const { alertId } = parseParams(AlertParams, c.req.param());
    const request = await readJson(c, NewIdentityRequestSchema);
    return c.json(await createIdentityRequest(s.storage, c.var.staff.userId, alertId, request, s.clock()), 201);
  });
}

function registerAuditRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.get(CUSTODY_ROUTES.auditHead, async (c) => c.json(await auditHead(s.storage.read, c.var.staff.userId)));
  app.get(CUSTODY_ROUTES.auditEntries, async (c) => {
    const { after } = parseWith(AuditEntriesQuerySchema, c.req.query());
    return c.json({ entries: await auditEntriesAfter(s.storage.read, c.var.staff.userId, after) });
  });
  app.post(CUSTODY_ROUTES.auditCheckpoints, async (c) => {
    const checkpoint = await readJson(c, NewAuditCheckpointSchema);
    return c.json(await addAuditCheckpoint(s.storage, c.var.staff.userId, checkpoint, s.clock()), 201);
  });
}

function registerRetentionRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.get(CUSTODY_PATTERNS.orgRetention, async (c) => {
    const { orgId } = parseParams(OrgParams, c.req.param());
    return c.json(await orgRetention(s.storage.read, c.var.staff.userId, orgId));
  });
  app.put(CUSTODY_PATTERNS.orgRetention, async (c) => {
    const { orgId } = parseParams(OrgParams, c.req.param());
    const { months } = await readJson(c, OrgRetentionSchema);
    return c.json(await setOrgRetention(s.storage, c.var.staff.userId, orgId, months, s.clock()));
  });
  app.get(CUSTODY_PATTERNS.alertRetention, async (c) => {
    const { alertId } = parseParams(AlertParams, c.req.param());
    return c.json(await alertRetentionView(s.storage.read, c.var.staff.userId, alertId));
  });
  app.put(CUSTODY_PATTERNS.alertRetentionHold, async (c) => {
    const { alertId } = parseParams(AlertParams, c.req.param());
    const hold = await readJson(c, RetentionHoldRequestSchema);
    await setRetentionHold(s.storage, c.var.staff.userId, alertId, hold, s.clock());
    return c.json(await alertRetentionView(s.storage.read, c.var.staff.userId, alertId));
  });
  app.delete(CUSTODY_PATTERNS.alertRetentionHold, async (c) => {
    const { alertId } = parseParams(AlertParams, c.req.param());
    await releaseRetentionHold(s.storage, c.var.staff.userId, alertId, s.clock());
    return c.json(await alertRetentionView(s.storage.read, c.var.staff.userId, alertId));
  });
}

export function registerCustodyRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  registerIdentityRoutes(app, s);
  registerAuditRoutes(app, s);
  registerRetentionRoutes(app, s);
}
