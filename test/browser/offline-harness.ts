/**
 * Helpers for the offline reporter's browser tests: a platform set up from Node (the same
 * client the CLI uses, so tests do not spend a minute in the setup page), the shortest text
 * alert, the server's own count of alerts, and a reader of everything a page left in the
 * browser's storage (IndexedDB records and Cache Storage bodies included), to search for
 * anything of an alert.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { createApiClient, setupPlatform } from '@kenekanko/client';
import type { RunningServer } from './harness.ts';

export const PASSWORD = 'a long coordinator password 42';

/**
 * Chromium as Tor Browser's "Safer" level leaves a page: no WebAssembly and no JIT.
 * `--noexpose_wasm` alone no longer removes WebAssembly in Chromium 156; `--jitless` does
 * (as the Safer level, it also turns the JIT off). The tests check that WebAssembly is gone.
 * Service workers are blocked per context, with `serviceWorkers: 'block'`.
 */
export function launchChromiumWithoutWasm(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--jitless --noexpose_wasm'],
  });
}

export async function setUpFromNode(server: RunningServer): Promise<void> {
  const token = /#token=([A-Za-z0-9_-]+)/.exec(server.setupLink)?.[1] ?? '';
  const api = createApiClient({ baseUrl: server.origin });
  await setupPlatform(api, { token, organisationName: 'COSCLCCP', login: 'coordinator', password: PASSWORD });
}

/** From the first screen to the form, whatever the first screen is (language chooser or home). */
export async function openForm(page: Page, origin: string): Promise<void> {
  await page.goto(origin + '/');
  await page.waitForSelector('[data-testid=language-chooser], [data-testid=home-report]');
  if ((await page.locator('[data-testid=language-chooser]').count()) > 0) await page.click('[data-testid=language-fr]');
  await page.click('[data-testid=home-report]');
  await page.waitForSelector('[data-testid=alert-form]');
  await page.waitForSelector('#regionId option:nth-child(2)', { state: 'attached' });
}

/** The fields a text alert needs, and a description the tests look for afterwards. */
export async function fillTextAlert(page: Page, description: string): Promise<void> {
  await page.check('#kind-bribery');
  await page.selectOption('#regionId', { label: 'Kayes' });
  await page.selectOption('#institutionType', 'customs');
  await page.fill('#description', description);
}

/** The alerts the server holds, read from its database as an auditor would. */
export function alertIds(server: RunningServer): string[] {
  const db = new Database(path.join(server.dataDir, 'kenekanko.sqlite'), { readonly: true });
  try {
    return (db.prepare('select id from alerts').all() as { id: string }[]).map((row) => row.id);
  } finally {
    db.close();
  }
}

export type StorageDump = {
  readonly cookie: string;
  readonly localStorage: number;
  readonly sessionStorage: number;
  readonly indexedDB: readonly string[];
  /** Every IndexedDB value, as text (bytes read as Latin-1, so any plaintext would show). */
  readonly indexedDBText: string;
  readonly cacheUrls: readonly string[];
  /** Every Cache Storage body, as text. */
  readonly cacheText: string;
  readonly historyLength: number;
};

/** The IndexedDB databases the page's origin holds, by name (without opening any). */
export async function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
}

export async function dumpStorage(page: Page): Promise<StorageDump> {
  return page.evaluate(async () => {
    const text = (value: unknown): string => {
      if (value instanceof Uint8Array) return Array.from(value, (byte) => String.fromCharCode(byte)).join('');
      if (Array.isArray(value)) return value.map(text).join('\n');
      if (typeof value === 'object' && value !== null) return Object.entries(value).map(([k, v]) => `${k}=${text(v)}`).join('\n');
      return String(value);
    };
    const names = (await indexedDB.databases()).map((db) => db.name ?? '');
    let indexedDBText = '';
    for (const name of names) {
      // A database deleted since it was listed must not be made again by looking at it.
      const db = await new Promise<IDBDatabase | null>((resolve) => {
        const req = indexedDB.open(name);
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(null);
      });
      if (db === null) continue;
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        indexedDBText += text(all);
      }
      db.close();
    }
    const cacheUrls: string[] = [];
    let cacheText = '';
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        cacheUrls.push(new URL(request.url).pathname);
        const response = await cache.match(request);
        cacheText += (await response?.text()) ?? '';
      }
    }
    return {
      cookie: document.cookie,
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      indexedDB: names,
      indexedDBText,
      cacheUrls: cacheUrls.sort(),
      cacheText,
      historyLength: history.length,
    };
  });
}
