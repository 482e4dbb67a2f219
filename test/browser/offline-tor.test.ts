/**
 * The reporter as Tor Browser at its "Safer" level runs it: no WebAssembly and no service
 * worker. Everything must still work, in pure JavaScript, with nothing cached: filing at
 * once, and sealing an alert while the network is down and sending it when it returns (the
 * page stays open; without a worker it cannot open offline).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from './harness.ts';
import type { RunningServer } from './harness.ts';
import { alertIds, databaseNames, dumpStorage, fillTextAlert, launchChromiumWithoutWasm, openForm, setUpFromNode } from './offline-harness.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  await setUpFromNode(server);
  browser = await launchChromiumWithoutWasm();
  context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('without WebAssembly and without a service worker', () => {
  it('really has neither', async () => {
    await openForm(page, server.origin);
    expect(await page.evaluate(() => typeof WebAssembly)).toBe('undefined');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  });

  it('files a text alert at once', async () => {
    const before = alertIds(server).length;
    await fillTextAlert(page, 'Sans WebAssembly ni service worker, tout passe en JavaScript.');
    await page.click('[data-testid=submit-alert]');
    expect(await page.locator('[data-testid=receipt]').textContent({ timeout: 180_000 })).toMatch(/^(\d{4} ){5}\d{4}$/);
    expect(alertIds(server)).toHaveLength(before + 1);
    await page.check('#receipt-noted');
    await page.click('[data-testid=receipt-continue]');
  });

  it('seals one while the network is down, keeps it, and sends it when the network returns', async () => {
    const before = alertIds(server).length;
    await page.click('[data-testid=home-report]');
    await fillTextAlert(page, 'Le réseau est coupé, l’alerte attend sur le téléphone.');
    await context.setOffline(true);
    await page.click('[data-testid=submit-alert]');
    await expect.poll(() => page.locator('[data-testid=receipt-status]').textContent(), { timeout: 180_000 }).toContain('réseau revient');
    expect((await dumpStorage(page)).indexedDB).toEqual(['kenekanko-outbox']);
    await page.check('#receipt-noted');
    await page.click('[data-testid=receipt-continue]');
    await expect.poll(() => page.locator('[data-testid=outbox]').textContent()).toContain("1 alerte en attente d'envoi");
    expect(alertIds(server)).toHaveLength(before);
    await context.setOffline(false);
    await page.waitForSelector('[data-testid=outbox-sent]', { timeout: 120_000 });
    expect(alertIds(server)).toHaveLength(before + 1);
    const stored = await dumpStorage(page);
    expect({ indexedDB: stored.indexedDB, caches: stored.cacheUrls, local: stored.localStorage, session: stored.sessionStorage }).toEqual({
      indexedDB: [],
      caches: [],
      local: 0,
      session: 0,
    });
  });

  it('lets the reporter discard a waiting alert: it is never sent, and nothing of it remains', async () => {
    const before = alertIds(server).length;
    await page.click('[data-testid=home-report]');
    await fillTextAlert(page, 'Finalement, je ne veux pas l’envoyer.');
    await context.setOffline(true);
    await page.click('[data-testid=send-later]');
    await page.waitForSelector('[data-testid=receipt]', { timeout: 180_000 });
    await page.check('#receipt-noted');
    await page.click('[data-testid=receipt-continue]');
    await page.click('[data-testid=outbox-discard]');
    await page.click('[data-testid=outbox-discard-yes]');
    await expect.poll(() => page.locator('[data-testid=outbox]').count()).toBe(0);
    // The notice goes only once the package is deleted, and the database with it.
    expect(await databaseNames(page)).toEqual([]);
    await context.setOffline(false);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2_000)));
    expect(alertIds(server)).toHaveLength(before);
  });
});
