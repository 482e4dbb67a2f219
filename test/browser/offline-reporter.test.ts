/**
 * The light and offline reporter (issue 4) in real Chromium against the real server: the app
 * installs, opens offline after one visit, seals an alert offline and shows its receipt at
 * once, keeps only ciphertext while it waits, sends it when the network returns, and then
 * leaves nothing of it on the phone. Uploads resume after a dropped chunk or a lost network,
 * and a retried alert is filed once. Choosing a cercle, with or without a worker, never sends
 * a request that names a place: the communes come from the whole list, the same for everyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { deriveReceiptKeys, fromBase64Url, toBase64Url } from '@kenekanko/crypto';
import { createApiClient } from '@kenekanko/client';
import type { DirectoryBody } from '@kenekanko/contracts';
import { foreignRequests, launchChromium, recordRequests, startServer } from './harness.ts';
import type { RecordedRequest, RunningServer } from './harness.ts';
import { pickLanguage } from './reporter-pages.ts';
import { alertIds, dumpStorage, fillTextAlert, openForm, setUpFromNode } from './offline-harness.ts';

const OFFLINE_DESCRIPTION = 'Le receveur des douanes de Diboli garde les cartons de riz saisis pour lui.';
const SHELL = /^\/(|api\/intake|api\/places\/outline|api\/places|assets\/[\w-]+\.(js|css))$/;

let server: RunningServer;
let browser: Browser;
let deploymentSalt: Uint8Array;
const requests: RecordedRequest[] = [];
let placeIds: readonly string[] = [];

beforeAll(async () => {
  server = await startServer();
  await setUpFromNode(server);
  placeIds = (await createApiClient({ baseUrl: server.origin }).places()).map((place) => place.id);
  const intake = await createApiClient({ baseUrl: server.origin }).intake();
  deploymentSalt = fromBase64Url((JSON.parse(intake.directory.body) as DirectoryBody).deploymentSalt);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const recorded = recordRequests(context);
  context.on('close', () => requests.push(...recorded));
  return context;
}

type Seen = { readonly path: string; readonly text: string; readonly fromWorker: boolean };

/** Every request of the context (the page's and its worker's), from now on. */
function watchRequests(context: BrowserContext): Seen[] {
  const seen: Seen[] = [];
  context.on('request', (request: Request) => {
    const url = new URL(request.url());
    seen.push({ path: url.pathname, text: `${request.url()} ${request.postDataBuffer()?.toString('latin1') ?? ''}`, fromWorker: request.serviceWorker() !== null });
  });
  return seen;
}

/**
 * Chooses `region` then its cercle number `cercle` and waits for the communes; returns every
 * request made meanwhile. SECURITY (the tester's finding): none may name a place, in its URL
 * or its body, and the page asks only the two place documents that are the same for everyone.
 */
async function chooseCercle(context: BrowserContext, page: Page, region: string, cercle: number): Promise<Seen[]> {
  const seen = watchRequests(context);
  await page.selectOption('#regionId', { label: region });
  await page.selectOption('#cercleId', { index: cercle });
  await page.waitForSelector('#communeId option:nth-child(2)', { state: 'attached' });
  const chosen = await page.inputValue('#cercleId');
  expect(placeIds).toContain(chosen);
  const snapshot = [...seen];
  expect(snapshot.filter((request) => placeIds.some((id) => request.text.includes(id))).map((r) => r.text)).toEqual([]);
  const pageApi = snapshot.filter((request) => !request.fromWorker && request.path.startsWith('/api/')).map((r) => r.path);
  expect(pageApi.filter((path) => path !== '/api/places' && path !== '/api/places/outline')).toEqual([]);
  // The worker's own requests in that time can only be its install storing the shell's documents.
  const workerApi = snapshot.filter((request) => request.fromWorker && request.path.startsWith('/api/')).map((r) => r.path);
  expect(workerApi.filter((path) => !['/api/places', '/api/places/outline', '/api/intake'].includes(path))).toEqual([]);
  return snapshot;
}

async function shellCached(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(async () => (await dumpStorage(page)).cacheUrls, { timeout: 60_000 })
    .toEqual(expect.arrayContaining(['/', '/api/intake', '/api/places/outline']));
}

describe('the installed reporter, offline', () => {
  let context: BrowserContext;
  let page: Page;
  let receipt = '';
  let lookupToken = '';
  let countBefore = 0;

  it('installs after one visit: a web manifest, two icons, and a service worker caching only the shell', async () => {
    context = await newContext();
    page = await context.newPage();
    await openForm(page, server.origin);
    // A cercle chosen online before the worker has the whole list: the page fetches the whole list.
    const seen = await chooseCercle(context, page, 'Kayes', 1);
    expect(seen.filter((request) => !request.fromWorker).map((r) => r.path)).toContain('/api/places');
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    expect(manifest).toMatchObject({ name: 'Kenekanko', start_url: '/', display: 'standalone' });
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(['192x192', '512x512']);
    const sizes = await page.evaluate(async () =>
      Promise.all(['/icons/icon-192.png', '/icons/icon-512.png'].map(async (path) => {
        const bytes = new DataView(await (await fetch(path)).arrayBuffer());
        return [bytes.getUint32(16), bytes.getUint32(20)];
      })),
    );
    expect(sizes).toEqual([[192, 192], [512, 512]]);
    await shellCached(page);
    const stored = await dumpStorage(page);
    expect(stored.cacheUrls.filter((url) => !SHELL.test(url))).toEqual([]);
    // SECURITY: the cache holds the whole list, never which cercle was chosen.
    expect(stored.cacheUrls).toContain('/api/places');
    expect(stored.cacheUrls.filter((url) => placeIds.some((id) => url.includes(id)))).toEqual([]);
    expect(stored.cacheUrls.some((url) => url.startsWith('/assets/desk'))).toBe(false);
  });

  it('once installed, takes a cercle\'s communes from the whole list through the worker, online too: no request names the cercle', async () => {
    await openForm(page, server.origin);
    const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/places');
    await chooseCercle(context, page, 'Sikasso', 1);
    expect((await answered).fromServiceWorker()).toBe(true);
    // The district of Bamako has its communes directly: the same whole list, already in memory.
    await page.selectOption('#regionId', { label: 'Bamako' });
    await page.waitForSelector('#communeId option:nth-child(2)', { state: 'attached' });
  });

  it('opens the form with no network, seals the alert at once and shows its receipt', async () => {
    countBefore = alertIds(server).length;
    await context.setOffline(true);
    await openForm(page, server.origin);
    // Offline, any cercle's communes come from the whole list the worker keeps, seen online or not.
    await chooseCercle(context, page, 'Kayes', 2);
    expect(await page.locator('[data-testid=communes-failed]').count()).toBe(0);
    await fillTextAlert(page, OFFLINE_DESCRIPTION);
    await page.click('[data-testid=submit-alert]');
    const shown = await page.locator('[data-testid=receipt]').textContent({ timeout: 120_000 });
    expect(shown).toMatch(/^(\d{4} ){5}\d{4}$/);
    receipt = (shown ?? '').replaceAll(' ', '');
    lookupToken = toBase64Url((await deriveReceiptKeys(receipt, deploymentSalt)).lookupToken);
    await expect.poll(() => page.locator('[data-testid=receipt-status]').textContent()).toContain('réseau revient');
    expect(alertIds(server)).toHaveLength(countBefore);
  });

  it('keeps only the sealed ciphertext while it waits: the lookup token, never the receipt or the text', async () => {
    const stored = await dumpStorage(page);
    expect(stored.indexedDB).toEqual(['kenekanko-outbox']);
    // What a seized phone shows (docs/threat-model.md): a package and its lookup token.
    expect(stored.indexedDBText).toContain(lookupToken);
    for (const secret of [receipt, OFFLINE_DESCRIPTION, 'Diboli', 'douanes']) {
      expect(stored.indexedDBText).not.toContain(secret);
      expect(stored.cacheText).not.toContain(secret);
    }
    expect(stored.cacheText).not.toContain(lookupToken);
    expect({ cookie: stored.cookie, local: stored.localStorage, session: stored.sessionStorage }).toEqual({ cookie: '', local: 0, session: 0 });
  });

  it('says what waits after a reload, and sends it by itself when the network returns', async () => {
    await page.check('#receipt-noted');
    await page.click('[data-testid=receipt-continue]');
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=outbox]').textContent(), { timeout: 30_000 }).toMatch(/1 alerte en attente d'envoi \(\d/);
    expect(alertIds(server)).toHaveLength(countBefore);
    await context.setOffline(false);
    await page.waitForSelector('[data-testid=outbox-sent]', { timeout: 120_000 });
    expect(alertIds(server)).toHaveLength(countBefore + 1);
  });

  it('then leaves nothing of it on the phone: no storage, only the shell in the cache, nothing in the history', async () => {
    const stored = await dumpStorage(page);
    expect(stored.indexedDB).toEqual([]);
    expect(stored.cacheUrls.filter((url) => !SHELL.test(url))).toEqual([]);
    for (const secret of [receipt, lookupToken, OFFLINE_DESCRIPTION, 'Diboli']) expect(stored.cacheText).not.toContain(secret);
    expect({ cookie: stored.cookie, local: stored.localStorage, session: stored.sessionStorage }).toEqual({ cookie: '', local: 0, session: 0 });
    expect(stored.historyLength).toBeLessThanOrEqual(2);
    expect(page.url()).toBe(server.origin + '/');
    await context.close();
  });

  it('made no request to another origin and never sent the receipt', () => {
    expect(foreignRequests(requests, server.origin)).toEqual([]);
    expect(requests.filter((r) => r.url.includes(receipt) || (r.body?.includes(receipt) ?? false))).toEqual([]);
  });
});

describe('choosing a cercle without a service worker (first visit on 2G, private window, Tor Browser)', () => {
  it('fetches the whole list once, from the network: never a request naming the cercle, and a second cercle asks nothing', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await openForm(page, server.origin);
    const first = await chooseCercle(context, page, 'Kayes', 1);
    expect(first.filter((request) => request.path.startsWith('/api/')).map((r) => r.path)).toEqual(['/api/places']);
    const second = await chooseCercle(context, page, 'Mopti', 2);
    expect(second.filter((request) => request.path.startsWith('/api/'))).toEqual([]);
    await context.close();
  });

  it('keeps the form usable while the list fails to come, says so, and the retry brings the communes', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await openForm(page, server.origin);
    await context.route((url) => url.pathname === '/api/places', (route) => route.abort());
    await page.selectOption('#regionId', { label: 'Kayes' });
    await page.selectOption('#cercleId', { index: 1 });
    await page.waitForSelector('[data-testid=communes-failed]');
    await page.fill('#description', 'La commune est facultative.');
    expect(await page.inputValue('#description')).toBe('La commune est facultative.');
    await context.unrouteAll();
    await page.click('[data-testid=communes-failed] button');
    await page.waitForSelector('#communeId option:nth-child(2)', { state: 'attached' });
    await context.close();
  });
});

describe('every language offline after one visit in one', () => {
  it('opens the form in Bambara and English offline though only French was chosen online', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await openForm(page, server.origin);
    await shellCached(page);
    const cached = (await dumpStorage(page)).cacheUrls.filter((url) => url.startsWith('/assets/index-'));
    await context.setOffline(true);
    for (const code of ['bm', 'en']) {
      await page.reload();
      await pickLanguage(page, code);
      await page.click('[data-testid=home-report]');
      await page.waitForSelector('[data-testid=alert-form] #description');
    }
    // The catalogues came from the worker's cache, stored at install: nothing new was fetched.
    expect((await dumpStorage(page)).cacheUrls.filter((url) => url.startsWith('/assets/index-'))).toEqual(cached);
    await context.close();
  });
});
