/**
 * Compressed answers for what a reporter's phone loads over 2G (DESIGN §7): the web build's
 * files and the two public documents of the intake (the signed intake, the places list).
 * Brotli when the browser accepts it, else gzip. A body is compressed once and kept in a
 * small cache keyed by its hash, so serving it again costs a hash, not a compression, and a
 * flood of requests cannot turn into a flood of compressions.
 *
 * SECURITY: only public bytes are compressed. An answer that holds a secret beside text an
 * attacker chooses (a session, a token) must never be, or its compressed length leaks the
 * secret (BREACH); no such answer goes through here.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip';

/** Below this, compression saves less than its own header costs. */
const MIN_BYTES = 256;
/** Entries and bytes kept: a build's files and the places list fit many times over. */
const MAX_ENTRIES = 64;
const MAX_CACHED_BYTES = 16 * 1024 * 1024;

/** The encoding to answer with, from Accept-Encoding (q=0 refuses one); null for identity. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const refused = params.some((param) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(param));
    if (name !== '' && !refused) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

type Quality = { readonly br: number; readonly gzip: number };
const BEST_QUALITY: Quality = { br: constants.BROTLI_MAX_QUALITY, gzip: 9 };
const FAST_QUALITY: Quality = { br: 5, gzip: 6 };

function compressNow(bytes: Uint8Array, encoding: Encoding, quality: Quality): Uint8Array<ArrayBuffer> {
  if (encoding === 'gzip') return new Uint8Array(gzipSync(bytes, { level: quality.gzip }));
  return new Uint8Array(
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality.br, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  );
}

export type Compressor = {
  /**
   * The compressed bytes, or null when compressing would not make them smaller. `cached`
   * false is for bodies that differ on every answer (the intake carries a fresh challenge):
   * they are compressed quickly and not kept, so they never push the build's files out.
   */
  compress(bytes: Uint8Array, encoding: Encoding, options?: { readonly cached?: boolean }): Uint8Array<ArrayBuffer> | null;
};

export function createCompressor(): Compressor {
  const cache = new Map<string, Uint8Array<ArrayBuffer> | null>();
  let cachedBytes = 0;
  const smaller = (packed: Uint8Array<ArrayBuffer>, bytes: Uint8Array) => (packed.length < bytes.length ? packed : null);
  return {
    compress(bytes, encoding, options = {}) {
      if (bytes.length < MIN_BYTES) return null;
      if (options.cached === false) return smaller(compressNow(bytes, encoding, FAST_QUALITY), bytes);
      const key = `${encoding}:${createHash('sha256').update(bytes).digest('hex')}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const result = smaller(compressNow(bytes, encoding, BEST_QUALITY), bytes);
      cache.set(key, result);
      cachedBytes += result?.length ?? 0;
      // Oldest first: Map keeps insertion order.
      for (const [oldest, value] of cache) {
        if (cache.size <= MAX_ENTRIES && cachedBytes <= MAX_CACHED_BYTES) break;
        cache.delete(oldest);
        cachedBytes -= value?.length ?? 0;
      }
      return result;
    },
  };
}

/** Headers for a body sent as `encoding` (or as is when `encoding` is null). */
export function encodedHeaders(encoding: Encoding | null, headers: Record<string, string>): Record<string, string> {
  const vary = { Vary: 'Accept-Encoding' };
  return encoding === null ? { ...headers, ...vary } : { ...headers, ...vary, 'Content-Encoding': encoding };
}

/**
 * For a public JSON answer (GET only): compresses a successful body. Mount it only on routes
 * whose answers carry no secret (see the header).
 */
export function compressPublicAnswers(compressor: Compressor, options: { readonly cached: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    if (c.req.method !== 'GET' || c.res.status !== 200 || c.res.headers.has('content-encoding')) return;
    c.res.headers.append('Vary', 'Accept-Encoding');
    if (encoding === null) return;
    const packed = compressor.compress(new Uint8Array(await c.res.clone().arrayBuffer()), encoding, options);
    if (packed === null) return;
    const type = c.res.headers.get('content-type') ?? 'application/json';
    c.res.headers.delete('content-length');
    // Hono carries the other headers of the answer it replaces over to this one.
    c.res = new Response(packed, { status: 200, headers: { 'Content-Type': type, 'Content-Encoding': encoding } });
  };
}
