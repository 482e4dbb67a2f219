/**
 * One first load in a fresh Chromium context, measured through the DevTools protocol: every
 * response's bytes as they crossed the network (encodedDataLength: compressed body and
 * headers), and the time from navigation until the page is usable. Used by `npm run bench`
 * (bench.ts) on an emulated 2G link and by the weight test (test/browser/offline-budget.test.ts)
 * without one.
 */
import type { Browser, Page } from 'playwright-core';

/** 2G as the issue sets it: 250 kbit/s down and up, 300 ms of latency. */
export const SLOW_2G = { offline: false, latency: 300, downloadThroughput: 31_250, uploadThroughput: 31_250 } as const;

export type LoadedResource = {
  readonly url: string;
  /** Everything received for it: headers and the (compressed) body. */
  readonly bytes: number;
  /** The body alone, as sent (compressed when the server compressed it). */
  readonly bodyBytes: number;
  /** Content-Encoding of the answer ('br', 'gzip'), or '' when sent as is. */
  readonly encoding: string;
};

export type FirstLoad = {
  /** Resources finished when the page became usable. */
  readonly resources: readonly LoadedResource[];
  readonly bytes: number;
  readonly usableMs: number;
};

export type LoadPlan = {
  readonly url: string;
  /** Brings the page to the state being measured (clicks, waits) and resolves when it is usable. */
  readonly until: (page: Page) => Promise<void>;
  readonly network?: typeof SLOW_2G;
};

/**
 * Measures the page's own first load. The service worker is blocked here: once it controls a
 * page its fetches are its own (another target) and would escape the count; what installing
 * it costs is measured apart (bench.ts).
 */
export async function measureFirstLoad(browser: Browser, plan: LoadPlan): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const urls = new Map<string, string>();
    const heads = new Map<string, { readonly bytes: number; readonly encoding: string }>();
    const finished: LoadedResource[] = [];
    cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
    cdp.on('Network.responseReceived', (event) => {
      const encoding = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1] ?? '';
      // At this point only the status line and headers have arrived.
      heads.set(event.requestId, { bytes: event.response.encodedDataLength, encoding });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const head = heads.get(event.requestId) ?? { bytes: 0, encoding: '' };
      finished.push({ url: urls.get(event.requestId) ?? '', bytes: event.encodedDataLength, bodyBytes: event.encodedDataLength - head.bytes, encoding: head.encoding });
    });
    await cdp.send('Network.enable');
    // A fresh context has an empty HTTP cache; say so to the browser too.
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (plan.network !== undefined) await cdp.send('Network.emulateNetworkConditions', plan.network);
    const start = performance.now();
    await page.goto(plan.url, { waitUntil: 'commit' });
    await plan.until(page);
    const usableMs = performance.now() - start;
    const resources = [...finished];
    return { resources, bytes: resources.reduce((sum, r) => sum + r.bytes, 0), usableMs };
  } finally {
    await context.close();
  }
}

const usable = async (page: Page, selector: string) => {
  await page.waitForSelector(selector, { state: 'visible', timeout: 600_000 });
  await page.waitForFunction((s) => {
    const element = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(s);
    return element !== null && !element.disabled && !element.readOnly;
  }, selector, { timeout: 600_000 });
};

/**
 * The reporter's form, ready to file a text alert: the first screen's choice made, the form
 * on screen and typable, and the region list filled (the places have arrived).
 */
export async function reporterFormUsable(page: Page): Promise<void> {
  const first = await page.waitForSelector('[data-testid=language-chooser], [data-testid=home-report]', { timeout: 600_000 });
  if ((await first.getAttribute('data-testid')) === 'language-chooser') await page.click('[data-testid=language-fr]');
  await page.click('[data-testid=home-report]');
  await usable(page, '[data-testid=alert-form] #description');
  await page.waitForSelector('#regionId option:nth-child(2)', { state: 'attached', timeout: 600_000 });
}

/** The staff desk's login page, the baseline: the login field typable. */
export async function deskLoginUsable(page: Page): Promise<void> {
  await usable(page, '[data-testid=login-form] #login');
}
