/**
 * Routes of organisations, memberships, invitations, organisation keys and the signed key
 * directory. Staff routes sit under /api/staff (session and CSRF checked by app.ts and
 * staff-routes.ts); the invitee's routes sit under /api/auth (CSRF checked, no session yet).
 * SECURITY: an invitation code is read from bodies only, never from a path or a query.
 */
import type { Hono } from 'hono';
import * as v from 'valibot';
import {
  AcceptInvitationRequestSchema,
  CreateOrganisationRequestSchema,
  GrantRequestSchema,
  IdSchema,
  InvitationLookupRequestSchema,
  InviteRequestSchema,
  JoinInvitationRequestSchema,
  NewOrgKeysRequestSchema,
  ORGS_ROUTES,
  RenameOrganisationRequestSchema,
  RoutingRequestSchema,
  SignDirectoryRequestSchema,
} from '@kenekanko/contracts';
import {
  acceptInvitation,
  addMaliPreset,
  createOrganisation,
  grantOrgKey,
  grantSigningKey,
  invite,
  joinWithInvitation,
  listMembers,
  listOrganisations,
  lookUpInvitation,
  newOrgKeys,
  orgKeysView,
  pendingDirectory,
  proposeRouting,
  removeMember,
  renameOrganisation,
  signDirectory,
} from '../../features/orgs/index.ts';
import { parseParams, readJson } from '../parse.ts';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

/** Hono patterns of ORGS_ROUTES' functions (org-routes.db.test.ts fills them and compares). */
export const ORGS_ROUTE_PATTERNS = {
  org: '/api/staff/orgs/:orgId',
  members: '/api/staff/orgs/:orgId/members',
  member: '/api/staff/orgs/:orgId/members/:membershipId',
  invitations: '/api/staff/orgs/:orgId/invitations',
  orgKeys: '/api/staff/orgs/:orgId/keys',
  orgKeyGrants: '/api/staff/orgs/:orgId/keys/grants',
} as const;

const OrgParamsSchema = v.strictObject({ orgId: IdSchema });
const MemberParamsSchema = v.strictObject({ orgId: IdSchema, membershipId: IdSchema });

function registerOrganisationRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.get(ORGS_ROUTES.orgs, async (c) => c.json(await listOrganisations(s.storage.read, c.var.staff.userId)));
  app.post(ORGS_ROUTES.orgs, async (c) => {
    const request = await readJson(c, CreateOrganisationRequestSchema);
    return c.json(await createOrganisation(s.storage, c.var.staff.userId, request, s.clock()));
  });
  app.patch(ORGS_ROUTE_PATTERNS.org, async (c) => {
    const { orgId } = parseParams(OrgParamsSchema, c.req.param());
    const { name } = await readJson(c, RenameOrganisationRequestSchema);
    await renameOrganisation(s.storage, c.var.staff.userId, orgId, name, s.clock());
    return c.body(null, 204);
  });
  app.post(ORGS_ROUTES.maliPreset, async (c) => c.json(await addMaliPreset(s.storage, c.var.staff.userId, s.clock())));
  app.get(ORGS_ROUTE_PATTERNS.members, async (c) => {
    const { orgId } = parseParams(OrgParamsSchema, c.req.param());
    return c.json(await listMembers(s.storage.read, c.var.staff.userId, orgId));
  });
  app.delete(ORGS_ROUTE_PATTERNS.member, async (c) => {
    const { orgId, membershipId } = parseParams(MemberParamsSchema, c.req.param());
    return c.json(await removeMember(s.storage, c.var.staff.userId, orgId, membershipId, s.clock()));
  });
}

function registerInvitationRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.post(ORGS_ROUTE_PATTERNS.invitations, async (c) => {
    const { orgId } = parseParams(OrgParamsSchema, c.req.param());
    const request = await readJson(c, InviteRequestSchema);
    return c.json(await invite(s.storage, c.var.staff.userId, orgId, request, s.clock()));
  });
  app.post(ORGS_ROUTES.invitationLookup, async (c) => {
    const { code } = await readJson(c, InvitationLookupRequestSchema);
    return c.json(await lookUpInvitation(s.storage.read, code, s.clock()));
  });
  app.post(ORGS_ROUTES.invitationAccept, async (c) => {
    const request = await readJson(c, AcceptInvitationRequestSchema);
    return c.json(await acceptInvitation(s.storage, request, s.clock()));
  });
  app.post(ORGS_ROUTES.invitationJoin, async (c) => {
    const { code } = await readJson(c, JoinInvitationRequestSchema);
    return c.json(await joinWithInvitation(s.storage, c.var.staff.userId, code, s.clock()));
  });
}

function registerKeyRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.get(ORGS_ROUTE_PATTERNS.orgKeys, async (c) => {
    const { orgId } = parseParams(OrgParamsSchema, c.req.param());
    return c.json(await orgKeysView(s.storage.read, c.var.staff.userId, orgId));
  });
  app.post(ORGS_ROUTE_PATTERNS.orgKeys, async (c) => {
    const { orgId } = parseParams(OrgParamsSchema, c.req.param());
    const request = await readJson(c, NewOrgKeysRequestSchema);
    return c.json(await newOrgKeys(s.storage, c.var.staff.userId, orgId, request, s.clock()));
  });
  app.post(ORGS_ROUTE_PATTERNS.orgKeyGrants, async (c) => {
    const { orgId } = parseParams(OrgParamsSchema, c.req.param());
    const { grant } = await readJson(c, GrantRequestSchema);
    await grantOrgKey(s.storage, c.var.staff.userId, orgId, grant, s.clock());
    return c.body(null, 204);
  });
  app.get(ORGS_ROUTES.directory, async (c) => c.json(await pendingDirectory(s.storage.read, c.var.staff.userId)));
  app.post(ORGS_ROUTES.directory, async (c) => {
    const { directory } = await readJson(c, SignDirectoryRequestSchema);
    return c.json(await signDirectory(s.storage, c.var.staff.userId, directory, s.clock()));
  });
  app.put(ORGS_ROUTES.directoryRouting, async (c) => {
    const { defaultOrgId } = await readJson(c, RoutingRequestSchema);
    await proposeRouting(s.storage, c.var.staff.userId, defaultOrgId, s.clock());
    return c.body(null, 204);
  });
  app.post(ORGS_ROUTES.signingGrants, async (c) => {
    const { grant } = await readJson(c, GrantRequestSchema);
    await grantSigningKey(s.storage, c.var.staff.userId, grant, s.clock());
    return c.body(null, 204);
  });
}

export function registerOrgRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  registerOrganisationRoutes(app, s);
  registerInvitationRoutes(app, s);
  registerKeyRoutes(app, s);
}
