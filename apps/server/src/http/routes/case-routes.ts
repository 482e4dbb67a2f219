/** Routes: Case work: assignment, labels, priority, duplicates, checklist, deadlines and notifications. */
import type { Hono } from 'hono';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

export function registerCaseRoutes(_app: Hono<StaffEnv>, _s: AppServices): void {
  // routes are added by the issue-3 work on cases
}
