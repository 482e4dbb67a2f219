/**
 * Routes of the second factor and account recovery. Staff routes sit under /api/staff (the
 * session guard with its second-factor policy, and the CSRF check, already apply there); the
 * two recovery steps sit under /api/auth, with no session, like the salt and login.
 */
import type { Hono } from 'hono';
import * as v from 'valibot';
import { IdSchema, RecoveryFinishRequestSchema, RecoveryStartRequestSchema, SECURITY_ROUTES, TotpConfirmRequestSchema } from '@kenekanko/contracts';
import {
  administeredUsers,
  confirmTotpEnrolment,
  finishRecovery,
  resetSecondFactor,
  secondFactorStatus,
  startRecovery,
  startTotpEnrolment,
} from '../../features/security/index.ts';
import { parseParams, readJson } from '../parse.ts';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

const UserParamsSchema = v.strictObject({ userId: IdSchema });
const RESET_PATTERN = SECURITY_ROUTES.resetSecondFactor(':userId');

export function registerSecurityRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.get(SECURITY_ROUTES.secondFactor, async (c) => c.json(await secondFactorStatus(s.storage.read, s.security, c.var.staff.userId)));

  app.post(SECURITY_ROUTES.totpEnrol, async (c) => {
    const { userId, login } = c.var.staff;
    // SECURITY: the one answer that carries the secret; never cached by anything in between.
    c.header('Cache-Control', 'no-store');
    return c.json(await startTotpEnrolment(s.storage, s.security, { userId, login }, s.clock()));
  });

  app.post(SECURITY_ROUTES.totpConfirm, async (c) => {
    const request = await readJson(c, TotpConfirmRequestSchema);
    return c.json(await confirmTotpEnrolment(s.storage, s.security, c.var.staff.userId, request.code, s.clock()));
  });

  app.get(SECURITY_ROUTES.users, async (c) => c.json({ users: await administeredUsers(s.storage.read, c.var.staff.userId) }));

  app.post(RESET_PATTERN, async (c) => {
    const { userId } = parseParams(UserParamsSchema, c.req.param());
    await resetSecondFactor(s.storage, c.var.staff.userId, userId, s.clock());
    return c.json({ userId, enrolled: false as const });
  });

  app.post(SECURITY_ROUTES.recoveryStart, async (c) => {
    const request = await readJson(c, RecoveryStartRequestSchema);
    return c.json(await startRecovery(s.storage.read.accounts, s.security, request.login, s.clock(), request.pow));
  });

  app.post(SECURITY_ROUTES.recoveryFinish, async (c) => {
    const request = await readJson(c, RecoveryFinishRequestSchema);
    return c.json(await finishRecovery(s.storage, s.security, request, s.clock()));
  });
}
