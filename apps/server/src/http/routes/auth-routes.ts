/** Staff login and sessions. The password never reaches the server: only a derived login key. */
import type { Hono } from 'hono';
import { LoginRequestSchema, ROUTES, SaltRequestSchema } from '@kenekanko/contracts';
import { login, logout, me, resolveSession, saltFor } from '../../features/accounts/index.ts';
import { readJson } from '../parse.ts';
import type { AppServices } from '../services.ts';
import { clearSessionCookie, requireStaff, setSessionCookie } from '../staff-session.ts';
import type { StaffEnv } from '../staff-session.ts';

export function staffGuard(s: AppServices): ReturnType<typeof requireStaff> {
  return requireStaff((token, now) => resolveSession(s.storage.read.accounts, s.accounts, token, now), s.clock);
}

export function registerAuthRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  const guard = staffGuard(s);

  app.post(ROUTES.authSalt, async (c) => {
    const request = await readJson(c, SaltRequestSchema);
    return c.json({ salt: await saltFor(s.storage.read.accounts, s.accounts, request.login, s.clock(), request.pow), argon2: 1 as const });
  });

  app.post(ROUTES.authLogin, async (c) => {
    const request = await readJson(c, LoginRequestSchema);
    const result = await login(s.storage, s.accounts, request.login, request.loginKey, s.clock(), request.pow);
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
