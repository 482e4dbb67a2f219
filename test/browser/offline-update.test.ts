/**
 * A new build replaces the installed reporter safely (docs/adr/0006-offline-reporter.md):
 * while a reporter page is open it keeps its bundle and cache; the new worker fills its own
 * cache and takes over once the old page is closed, then deletes the old cache. A build whose
 * page pins another coalition key is refused: the installed app keeps the page it verified.
 * The server serves a copy of the build, so the test can change it as a new release would.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PIN_PLACEHOLDER } from '../../apps/server/src/http/web-pages.ts';
import { launchChromium, REPO_ROOT, startServer } from './harness.ts';
import type { RunningServer } from './harness.ts';
import { setUpFromNode } from './offline-harness.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'kk-dist-'));
const file = (name: string) => path.join(dist, name);
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

/** A release: the worker gets another build id, the page a visible mark, and optionally its own pin. */
function release(build: string, mark: string, pin?: string): void {
  writeFileSync(file('sw.js'), readFileSync(file('sw.js'), 'utf8').replace(/build:`[0-9a-z]+`/, `build:\`${build}\``));
  let page = readFileSync(file('index.html'), 'utf8').replace(/<!-- release [a-z0-9]+ -->/, '').replace('<title>', `<!-- release ${mark} --><title>`);
  if (pin !== undefined) page = page.replace(PIN_PLACEHOLDER, `<meta name="kenekanko-pins" content="${pin}">`);
  writeFileSync(file('index.html'), page);
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const releaseOf = async (page: Page) => /<!-- release ([a-z0-9]+) -->/.exec(await page.content())?.[1] ?? 'first';
const pinOf = (page: Page) => page.evaluate(() => document.querySelector('meta[name=kenekanko-pins]')?.getAttribute('content'));

/** Asks the browser to look for a new worker now; resolves with how its install ended. */
function checkForUpdate(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        void navigator.serviceWorker.getRegistration().then((registration) => {
          if (registration === undefined) return resolve('no registration');
          registration.addEventListener('updatefound', () => {
            const worker = registration.installing;
            worker?.addEventListener('statechange', () => {
              if (worker.state === 'installed' || worker.state === 'redundant') resolve(worker.state);
            });
          });
          void registration.update();
        });
      }),
  );
}

async function activeWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
}

beforeAll(async () => {
  // E2E_WEB_DIST_DIR: a build elsewhere, as harness.ts's startServer honours it.
  cpSync(process.env['E2E_WEB_DIST_DIR'] ?? path.join(REPO_ROOT, 'apps/web/dist'), dist, { recursive: true });
  server = await startServer({ WEB_DIST_DIR: dist });
  await setUpFromNode(server);
  browser = await launchChromium();
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dist, { recursive: true, force: true });
});

describe('updating the installed reporter', () => {
  let page: Page;
  let firstCache = '';
  let pinned: string | null | undefined;

  it('installs the first release', async () => {
    page = await context.newPage();
    await page.goto(server.origin + '/');
    await activeWorker(page);
    await expect.poll(() => cacheNames(page)).toHaveLength(1);
    [firstCache = ''] = await cacheNames(page);
    pinned = await pinOf(page);
    expect(pinned).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('keeps the open page on its bundle while the next release installs beside it', async () => {
    release('release2', 'two');
    expect(await checkForUpdate(page)).toBe('installed');
    expect((await cacheNames(page)).sort()).toEqual([firstCache, 'kenekanko-shell-release2'].sort());
    await page.reload();
    expect(await releaseOf(page)).toBe('first');
  });

  it('takes over once the old page is closed, and deletes the old cache', async () => {
    await page.close();
    page = await context.newPage();
    await page.goto(server.origin + '/');
    await activeWorker(page);
    await expect.poll(() => cacheNames(page), { timeout: 30_000 }).toEqual(['kenekanko-shell-release2']);
    // The navigation that let the new worker take over may still have been answered by the old one.
    await page.reload();
    expect(await releaseOf(page)).toBe('two');
  });

  it('refuses a release whose page pins another coalition key, and keeps the page it verified', async () => {
    release('release3', 'three', 'Z'.repeat(43));
    expect(await checkForUpdate(page)).toBe('redundant');
    await page.close();
    page = await context.newPage();
    await page.goto(server.origin + '/');
    expect(await cacheNames(page)).toEqual(['kenekanko-shell-release2']);
    expect(await pinOf(page)).toBe(pinned);
    expect(await releaseOf(page)).toBe('two');
  });
});
