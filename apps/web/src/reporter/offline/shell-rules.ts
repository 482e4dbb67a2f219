/**
 * What the reporter's service worker may keep, as pure functions (the worker itself is
 * service-worker.ts). It keeps only the app shell: the reporter's page, its hashed scripts
 * and styles, and the public documents needed to seal an alert offline (the signed intake,
 * the places outline the form opens with, and the whole places list, stored at install after
 * the form is usable). Everything else goes to the network untouched.
 *
 * SECURITY: no request ever names a place: the form takes a cercle's communes from the whole
 * list (the same for everyone), so a seized phone's cache holds the same places whichever
 * cercle the reporter chose, and a path that names a place is never answered nor stored here.
 *
 * SECURITY: never a POST or PUT, never an answer about an alert (every other /api/ path),
 * never the desk. A cache entry must never hold anything that says who reported what.
 * Imports nothing, so the worker's bundle stays self-contained.
 */

/** Written into the worker at build time (see apps/web/build/shell-plugin.ts). */
export type ShellManifest = {
  /** Changes with every build whose shell differs: it names the cache. */
  readonly build: string;
  /** Every file of the reporter's page under /assets/ (entry, lazy chunks, styles). */
  readonly assets: readonly string[];
  /** The assets stored at install; the others (large lazy chunks) are stored when first fetched. */
  readonly precache: readonly string[];
};

export const CACHE_PREFIX = 'kenekanko-shell-';
export const SHELL_PAGE = '/';
/** ROUTES.intake, ROUTES.placeOutline and ROUTES.places (a unit test holds them to @kenekanko/contracts). */
export const SHELL_DATA = ['/api/intake', '/api/places/outline', '/api/places'] as const;
export const cacheName = (manifest: ShellManifest): string => CACHE_PREFIX + manifest.build;

export type RequestKind = 'page' | 'asset' | 'data' | 'pass';

/** How the worker handles a request; 'pass' means it does not answer, the browser fetches as usual. */
export function classifyRequest(method: string, url: URL, origin: string, manifest: ShellManifest): RequestKind {
  if (method !== 'GET' || url.origin !== origin) return 'pass';
  if (url.pathname === SHELL_PAGE || url.pathname === '/index.html') return 'page';
  if (manifest.assets.includes(url.pathname)) return 'asset';
  if (url.search !== '') return 'pass';
  if ((SHELL_DATA as readonly string[]).includes(url.pathname)) return 'data';
  return 'pass';
}

/** Everything the worker stores when it installs: the page, the precached assets, the data. */
export const precacheList = (manifest: ShellManifest): readonly string[] => [SHELL_PAGE, ...manifest.precache, ...SHELL_DATA];

/** Caches this worker did not make, and may delete once it is active. */
export const staleCaches = (names: readonly string[], manifest: ShellManifest): readonly string[] =>
  names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== cacheName(manifest));

/** The coalition key the page carries in <meta name="kenekanko-pins">, or null before setup. */
export function pinOf(html: string): string | null {
  const match = /<meta name="kenekanko-pins" content="([A-Za-z0-9_-]{43})">/.exec(html);
  return match?.[1] ?? null;
}

/**
 * SECURITY: a new build may replace the cached page only if it pins the same coalition key
 * (or the cached page pinned none yet). A server whose database was altered to serve another
 * key would otherwise get its page, with that key, into every installed reporter's phone.
 */
export function mayReplacePage(cachedHtml: string | null, freshHtml: string): boolean {
  const cached = cachedHtml === null ? null : pinOf(cachedHtml);
  return cached === null || cached === pinOf(freshHtml);
}
