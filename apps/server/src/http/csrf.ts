/**
 * CSRF defence for staff and auth requests that change state, on top of SameSite=Strict
 * cookies: a custom header a cross-site form cannot send without a CORS preflight (which we
 * never grant), and, when the browser sends an Origin, that it is ours.
 */
import type { MiddlewareHandler } from 'hono';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@kenekanko/contracts';
import { AppError } from './app-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Accepts the configured public origin, or an origin naming the request's own host (the Node
 * adapter builds the request URL from the Host header). Behind a proxy that rewrites Host,
 * the public URL is what matches.
 */
export function isAcceptedOrigin(origin: string, publicUrl: string, requestUrl: string): boolean {
  if (origin === new URL(publicUrl).origin) return true;
  const fromOrigin = originHost(origin);
  return fromOrigin !== undefined && fromOrigin === new URL(requestUrl).host;
}

export function csrfGuard(publicUrl: string): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      if (c.req.header(CSRF_HEADER) !== CSRF_HEADER_VALUE) throw new AppError('csrf-rejected');
      const origin = c.req.header('origin');
      if (origin !== undefined && !isAcceptedOrigin(origin, publicUrl, c.req.url)) throw new AppError('csrf-rejected');
    }
    await next();
  };
}
