/**
 * The reporter's service worker (served as /sw.js; built by apps/web/build/shell-plugin.ts).
 * Hand-written, no library: it caches the app shell so the form opens offline after one
 * visit, and nothing else (shell-rules.ts says what, docs/adr/0006-offline-reporter.md why).
 *
 * - The page is served from the cache once it carries a pinned coalition key: the installed
 *   app keeps running the bundle it verified, whatever the server serves meanwhile.
 * - A new build installs a new worker, which fills a new cache completely before it takes
 *   over (and refuses to install if the new page pins another coalition key); once active it
 *   deletes the old cache. It waits for open reporter pages to close (no skipWaiting), so a
 *   page never finds its lazy chunks gone.
 * - The intake and places answers go to the network first and fall back to the cache only
 *   when there is no network, so an alert is sealed with the freshest directory available.
 *
 * SECURITY: it never answers a non-GET, another origin, the desk or any other API path; it
 * never stores anything about an alert. The site works the same without it (Tor Browser).
 */
import { assertNever } from '../../shared/assert-never.ts';
import { cacheName, classifyRequest, mayReplacePage, pinOf, precacheList, SHELL_DATA, SHELL_PAGE, staleCaches } from './shell-rules.ts';
import type { ShellManifest } from './shell-rules.ts';

declare const __KENEKANKO_SHELL__: ShellManifest;

// The worker's events, declared here: the project's type library is the DOM one.
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { readonly request: Request; respondWith(response: Promise<Response>): void };
type WorkerScope = {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};

const worker = globalThis as unknown as WorkerScope;
const manifest = __KENEKANKO_SHELL__;
const CACHE = cacheName(manifest);

async function previousPage(): Promise<string | null> {
  for (const name of await caches.keys()) {
    if (name === CACHE) continue;
    const page = await (await caches.open(name)).match(SHELL_PAGE);
    if (page !== undefined) return page.text();
  }
  return null;
}

async function install(): Promise<void> {
  const page = await fetch(SHELL_PAGE, { cache: 'no-store' });
  if (!page.ok) throw new Error('the page is not available');
  if (!mayReplacePage(await previousPage(), await page.clone().text())) throw new Error('the new page pins another coalition key');
  const cache = await caches.open(CACHE);
  await cache.put(SHELL_PAGE, page);
  const files = precacheList(manifest).filter((path) => path !== SHELL_PAGE && !(SHELL_DATA as readonly string[]).includes(path));
  await cache.addAll(files);
  // Best effort: before setup the intake is refused, and the worker must still install.
  await Promise.all(SHELL_DATA.map((path) => refresh(cache, new Request(path)).catch(() => undefined)));
}

async function refresh(cache: Cache, request: Request): Promise<Response> {
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function servePage(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(SHELL_PAGE);
  const cachedText = cached === undefined ? null : await cached.clone().text();
  // A page cached before setup pins nothing yet: prefer the network until one does.
  if (cached !== undefined && cachedText !== null && pinOf(cachedText) !== null) return cached;
  try {
    const fresh = await fetch(request);
    if (fresh.ok && mayReplacePage(cachedText, await fresh.clone().text())) await cache.put(SHELL_PAGE, fresh.clone());
    return fresh;
  } catch (error) {
    if (cached !== undefined) return cached;
    throw error;
  }
}

async function serveAsset(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) ?? refresh(cache, request);
}

async function serveData(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    return await refresh(cache, request);
  } catch (error) {
    const cached = await cache.match(request);
    if (cached !== undefined) return cached;
    throw error;
  }
}

worker.addEventListener('install', (event) => event.waitUntil(install()));

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(staleCaches(await caches.keys(), manifest).map((name) => caches.delete(name)));
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const kind = classifyRequest(request.method, new URL(request.url), worker.location.origin, manifest);
  switch (kind) {
    case 'page':
      return event.respondWith(servePage(request));
    case 'asset':
      return event.respondWith(serveAsset(request));
    case 'data':
      return event.respondWith(serveData(request));
    case 'pass':
      return undefined;
    default:
      return assertNever(kind);
  }
});
