/** Routes: Identity requests, signed audit checkpoints and retention. */
import type { Hono } from 'hono';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

export function registerCustodyRoutes(_app: Hono<StaffEnv>, _s: AppServices): void {
  // routes are added by the issue-3 work on custody
}
