/**
 * Security headers on every response (API, pages, errors), from one factory with secure
 * defaults. The CSP allows only same-origin scripts and styles, never inline code or eval,
 * and nothing from a third party: a page that loads nothing from elsewhere cannot leak who
 * reads it (DESIGN §2).
 */
import type { MiddlewareHandler } from 'hono';

export const DEFAULT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  // The reporter listens back to a voice message before sending it: an <audio> from a blob: URL.
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

// SECURITY: the microphone is allowed to the site's own pages only (voice alerts), never to a
// frame from elsewhere; the camera, location and the rest stay denied everywhere.
export const DEFAULT_PERMISSIONS_POLICY = 'camera=(), geolocation=(), microphone=(self), payment=(), usb=(), interest-cohort=()';

export type SecurityHeaderOptions = {
  readonly contentSecurityPolicy?: string;
  readonly permissionsPolicy?: string;
  /** Paths (prefixes) whose answers must never be cached: API answers carry ciphertext and session state. */
  readonly noStorePrefixes?: readonly string[];
};

export function securityHeaders(options: SecurityHeaderOptions = {}): MiddlewareHandler {
  const headers: Readonly<Record<string, string>> = {
    'Content-Security-Policy': options.contentSecurityPolicy ?? DEFAULT_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': options.permissionsPolicy ?? DEFAULT_PERMISSIONS_POLICY,
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  const noStore = options.noStorePrefixes ?? ['/api/', '/healthz'];
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    const path = c.req.path;
    if (noStore.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))) {
      c.res.headers.set('Cache-Control', 'no-store');
    }
    // Hono and Node add nothing identifying, but a proxy-friendly default never hurts.
    c.res.headers.delete('X-Powered-By');
  };
}
