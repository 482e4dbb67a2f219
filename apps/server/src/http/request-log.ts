/**
 * Request lines: method, route pattern, status and duration, nothing else (no address, no
 * user agent, no concrete URL: ids in a URL name alerts). SECURITY: they are written at debug
 * level only, because a timestamped line for a reporter route would pair an action with an
 * exact time that the database deliberately keeps only to the day.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../logging/logger.ts';

export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const route = routePath(c, -1);
    logger.debug('request', {
      method: c.req.method,
      route: route === '/*' || route === '*' ? '(unmatched)' : route,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
    });
  };
}
