/** Routes: Forwarding verified cases to authorities and media, and following them to their outcome. */
import type { Hono } from 'hono';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

export function registerForwardingRoutes(_app: Hono<StaffEnv>, _s: AppServices): void {
  // routes are added by the issue-3 work on forwarding
}
