/**
 * CSRF defence for staff and auth requests that change state, on top of SameSite=Strict
 * cookies: a custom header a cross-site form cannot send without a CORS preflight (which we
 * never grant), and, when the browser sends an Origin, that it is ours.
 */
import type { MiddlewareHandler } from 'hono';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@kenekanko/contracts';
import { AppError } from './app-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Scheme, host and port of an origin, normalised; undefined for 'null' or garbage. */
function originOf(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

/**
 * Accepts the configured public origin, or exactly the request's own origin (the Node adapter
 * builds the request URL from the Host header). SECURITY (L4): scheme, host and port must all
 * match: http://host is not https://host, and another port on the same host is another site's
 * origin. Behind a proxy that rewrites Host or ends TLS, the public URL is what matches.
 */
export function isAcceptedOrigin(origin: string, publicUrl: string, requestUrl: string): boolean {
  const presented = originOf(origin);
  if (presented === undefined) return false;
  return presented === new URL(publicUrl).origin || presented === new URL(requestUrl).origin;
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
