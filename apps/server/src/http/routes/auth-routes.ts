/** Staff login and sessions. The password never reaches the server: only a derived login key. */
import type { Hono, MiddlewareHandler } from 'hono';
import { LoginRequestSchema, ROUTES, SaltRequestSchema, SECURITY_ROUTES } from '@kenekanko/contracts';
import { login, logout, me, resolveSession, saltFor } from '../../features/accounts/index.ts';
import { enrolmentRequired } from '../../features/security/index.ts';
import { AppError } from '../app-error.ts';
import { readJson } from '../parse.ts';
import type { AppServices } from '../services.ts';
import { clearSessionCookie, requireStaff, setSessionCookie } from '../staff-session.ts';
import type { StaffEnv } from '../staff-session.ts';

/** What a session without a second factor may reach while REQUIRE_SECOND_FACTOR holds. */
const OPEN_BEFORE_ENROLMENT: ReadonlySet<string> = new Set([ROUTES.me, ROUTES.authLogout, SECURITY_ROUTES.secondFactor, SECURITY_ROUTES.totpEnrol, SECURITY_ROUTES.totpConfirm]);

/**
 * A live session, and the second-factor policy. SECURITY: enforced here, on the server, for
 * every route behind the guard: until the user enrols, anything but /api/me, logout and the
 * enrolment routes answers 'second-factor-enrolment-required', whatever the desk shows.
 */
export function staffGuard(s: AppServices): MiddlewareHandler<StaffEnv> {
  const session = requireStaff((token, now) => resolveSession(s.storage.read.accounts, s.accounts, token, now), s.clock);
  return (c, next) =>
    session(c, async () => {
      if (!OPEN_BEFORE_ENROLMENT.has(c.req.path) && (await enrolmentRequired(s.storage.read, s.security, c.var.staff.userId))) {
        throw new AppError('second-factor-enrolment-required');
      }
      await next();
    });
}

export function registerAuthRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  const guard = staffGuard(s);

  app.post(ROUTES.authSalt, async (c) => {
    const request = await readJson(c, SaltRequestSchema);
    return c.json({ salt: await saltFor(s.storage.read.accounts, s.accounts, request.login, s.clock(), request.pow), argon2: 1 as const });
  });

  app.post(ROUTES.authLogin, async (c) => {
    const request = await readJson(c, LoginRequestSchema);
    const result = await login(s.storage, s.accounts, s.security, request, s.clock());
    setSessionCookie(c, result.sessionToken);
    return c.json({ userId: result.userId });
  });

  app.post(ROUTES.authLogout, guard, async (c) => {
    await logout(s.storage, c.var.staff, s.clock());
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.get(ROUTES.me, guard, async (c) => c.json(await me(s.storage.read, c.var.staff.userId)));
}
