/** Routes: Organisations, memberships, invitations, organisation keys and the signed key directory. */
import type { Hono } from 'hono';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

export function registerOrgRoutes(_app: Hono<StaffEnv>, _s: AppServices): void {
  // routes are added by the issue-3 work on orgs
}
