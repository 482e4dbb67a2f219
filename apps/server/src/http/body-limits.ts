/**
 * Body size limits, chosen per route in one table so that no route can be added without one:
 * small JSON by default, more for a finalize (it carries the encrypted answers), and exactly
 * one encrypted chunk for chunk uploads.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_CHUNK_ENVELOPE_BYTES } from '../features/submissions/index.ts';
import { errorResponse } from './error-handler.ts';

export const JSON_BODY_LIMIT = 64 * 1024;
export const FINALIZE_BODY_LIMIT = 2 * 1024 * 1024;
export const CHUNK_BODY_LIMIT = MAX_CHUNK_ENVELOPE_BYTES;

const CHUNK_PATH = /^\/api\/submissions\/[^/]+\/blobs\/[^/]+\/chunks\/[^/]+$/;
/** Package files uploaded by staff for a forwarding (features/forwarding), one encrypted chunk each. */
const FORWARDING_CHUNK_PATH = /^\/api\/staff\/forwardings\/[^/]+\/files\/[^/]+\/chunks\/[^/]+$/;
/** Bodies that carry envelopes of up to MAX_ENVELOPE_CHARS, or signed documents (setup). */
const LARGE_JSON_PATHS: readonly RegExp[] = [
  /^\/api\/submissions\/[^/]+\/finalize$/,
  /^\/api\/setup$/,
  /^\/api\/reporter\/messages$/,
  /^\/api\/staff\/alerts\/[^/]+\/(messages|notes|transitions)$/,
  /^\/api\/staff\/forwardings$/,
];

export function bodyLimitFor(path: string): number {
  if (CHUNK_PATH.test(path) || FORWARDING_CHUNK_PATH.test(path)) return CHUNK_BODY_LIMIT;
  if (LARGE_JSON_PATHS.some((pattern) => pattern.test(path))) return FINALIZE_BODY_LIMIT;
  return JSON_BODY_LIMIT;
}

/** One middleware for every route; limits are looked up by path. */
export function bodyLimits(): MiddlewareHandler {
  const limiters = new Map<number, MiddlewareHandler>();
  return (c, next) => {
    const maxSize = bodyLimitFor(c.req.path);
    let limiter = limiters.get(maxSize);
    if (limiter === undefined) {
      limiter = bodyLimit({ maxSize, onError: (ctx) => errorResponse(ctx, 'payload-too-large') });
      limiters.set(maxSize, limiter);
    }
    return limiter(c, next);
  };
}
