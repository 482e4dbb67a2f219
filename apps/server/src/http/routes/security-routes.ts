/** Routes: Second factor (TOTP) and account recovery. */
import type { Hono } from 'hono';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

export function registerSecurityRoutes(_app: Hono<StaffEnv>, _s: AppServices): void {
  // routes are added by the issue-3 work on security
}
