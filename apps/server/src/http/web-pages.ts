/**
 * The web front end (apps/web/dist, built by Vite): the reporter's pages at /, the desk and
 * the setup page from desk.html, the public statistics at /stats (stats.html). Hashed files
 * under /assets are immutable and cached for a year; HTML is never cached, so a fixed bundle
 * reaches everyone at once.
 *
 * Before any HTML leaves, the coalition's signing key is written into its pin placeholder:
 * this is how the bundle pins the key in this version. SECURITY: a server that is itself
 * compromised could serve another key; the threat model documents that limit and the
 * installed PWA keeps the bundle it first verified.
 *
 * The reporter's offline shell lives at the root, beside the page it controls: /sw.js (the
 * service worker, scope '/', so no Service-Worker-Allowed header is needed; never cached by
 * HTTP, so an update is seen at the next visit), /manifest.webmanifest and /icons/*.png.
 * Every file and page goes out compressed (brotli or gzip, compression.ts): a reporter on
 * 2G pays for every byte.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { chooseEncoding, createCompressor, encodedHeaders } from './compression.ts';
import type { Compressor } from './compression.ts';
import { errorResponse } from './error-handler.ts';

export const PIN_PLACEHOLDER = '<meta name="kenekanko-pins" content="">';
const PIN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

export type WebPagesOptions = {
  readonly distDir: string;
  /** The coalition signing key (base64url) once set up. */
  readonly coalitionKey: () => Promise<string | undefined>;
  /** Shared with the public API answers, so one cache bounds all compressed bodies. */
  readonly compressor?: Compressor;
};

/** How long a file may be kept by the browser's HTTP cache. */
function cacheControlFor(urlPath: string): string {
  // Hashed names change with their content. Everything else (sw.js first) is checked each time.
  return urlPath.startsWith('/assets/') ? IMMUTABLE : 'no-cache';
}

export function withPins(html: string, key: string | undefined): string {
  if (key === undefined || !PIN_PATTERN.test(key)) return html;
  return html.replace(PIN_PLACEHOLDER, `<meta name="kenekanko-pins" content="${key}">`);
}

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Kenekanko</title></head>
<body><h1>Kenekanko</h1>
<p>L'interface web n'est pas construite. Lancez&nbsp;: <code>npm run build -w @kenekanko/web</code></p>
<p>The web front end is not built. Run: <code>npm run build -w @kenekanko/web</code></p>
</body></html>`;

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The file under distDir a URL path names, or undefined if it would escape it. */
function resolveInDist(distDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  const file = path.resolve(distDir, `.${path.posix.normalize(decoded)}`);
  const relative = path.relative(distDir, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : file;
}

function entryFor(urlPath: string): 'desk.html' | 'index.html' | 'stats.html' {
  if (urlPath === '/stats') return 'stats.html';
  return urlPath === '/desk' || urlPath.startsWith('/desk/') || urlPath === '/setup' ? 'desk.html' : 'index.html';
}

export function createWebPages(options: WebPagesOptions): (c: Context) => Promise<Response> {
  const distDir = path.resolve(options.distDir);
  const compressor = options.compressor ?? createCompressor();

  function send(c: Context, bytes: Uint8Array, headers: Record<string, string>): Response {
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    const packed = encoding === null ? null : compressor.compress(bytes, encoding);
    if (packed === null) return c.body(new Uint8Array(bytes), 200, encodedHeaders(null, headers));
    return c.body(packed, 200, encodedHeaders(encoding, headers));
  }

  async function html(c: Context, file: string): Promise<Response> {
    const text = withPins(await readFile(file, 'utf8'), await options.coalitionKey());
    return send(c, new TextEncoder().encode(text), { 'Content-Type': MIME_TYPES['.html'] ?? 'text/html', 'Cache-Control': 'no-store' });
  }

  return async (c) => {
    const urlPath = c.req.path;
    if (urlPath === '/api' || urlPath.startsWith('/api/') || urlPath === '/healthz') return errorResponse(c, 'not-found');
    const entry = entryFor(urlPath);
    if (!(await isFile(path.join(distDir, entry)))) {
      return c.body(MISSING_BUILD_PAGE, 503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    }
    const file = urlPath === '/' ? undefined : resolveInDist(distDir, urlPath);
    if (file !== undefined && (await isFile(file))) {
      const ext = path.extname(file).toLowerCase();
      if (ext === '.html') return html(c, file);
      const bytes = new Uint8Array(await readFile(file));
      return send(c, bytes, { 'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': cacheControlFor(urlPath) });
    }
    // A missing file (a path with an extension, or anything under /assets) is a 404, not a page.
    const last = urlPath.split('/').at(-1) ?? '';
    if (urlPath.startsWith('/assets/') || last.includes('.')) return errorResponse(c, 'not-found');
    return html(c, path.join(distDir, entry));
  };
}
