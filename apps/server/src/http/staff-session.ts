/**
 * The staff session cookie: `__Host-` prefixed (Secure, Path=/, no Domain: it cannot be set or
 * read by a sibling domain), HttpOnly and SameSite=Strict. Its value is 32 random bytes; the
 * database holds only their SHA-256.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '@kenekanko/contracts';
import type { StaffPrincipal } from '../features/accounts/index.ts';
import { AppError } from './app-error.ts';

export type StaffEnv = { Variables: { staff: StaffPrincipal } };

const COOKIE_ATTRIBUTES = 'Path=/; HttpOnly; Secure; SameSite=Strict';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function setSessionCookie(c: Context, token: string): void {
  c.header('Set-Cookie', `${SESSION_COOKIE}=${token}; ${COOKIE_ATTRIBUTES}`, { append: true });
}

export function clearSessionCookie(c: Context): void {
  c.header('Set-Cookie', `${SESSION_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`, { append: true });
}

export function sessionToken(c: Context): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value !== undefined && TOKEN_PATTERN.test(value) ? value : undefined;
}

/** Requires a live session; sets c.var.staff. */
export function requireStaff(resolve: (token: string, now: Date) => Promise<StaffPrincipal | undefined>, clock: () => Date): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    const principal = token === undefined ? undefined : await resolve(token, clock());
    if (principal === undefined) throw new AppError('unauthenticated');
    c.set('staff', principal);
    await next();
  };
}
