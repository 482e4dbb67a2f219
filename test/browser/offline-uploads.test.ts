/**
 * Uploads that resume, visibly, in real Chromium against the real server: a chunk PUT that
 * fails once is sent again and nothing else is; a network lost mid-upload ends in a clear
 * failure that keeps the sealed alert, and when the network returns the same package (same
 * submission id, same receipt) is sent again from where it stopped. One alert arrives.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchChromium, startServer } from './harness.ts';
import type { RunningServer } from './harness.ts';
import { alertIds, dumpStorage, fillTextAlert, openForm, setUpFromNode } from './offline-harness.ts';

/** Random bytes are no format the page can clean: it asks, and the test says "send anyway". 704 KiB make three chunks. */
const BIG = {
  name: 'releve.bin',
  mimeType: 'application/octet-stream',
  // getRandomValues fills at most 64 KiB at a time.
  buffer: Buffer.concat(Array.from({ length: 11 }, () => Buffer.from(crypto.getRandomValues(new Uint8Array(65_536))))),
};
const CHUNK_PUT = '**/api/submissions/*/blobs/*/chunks/*';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  await setUpFromNode(server);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function chunksOf(alertId: string): string[] {
  const db = new Database(path.join(server.dataDir, 'kenekanko.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare('select c.blob_id, c.chunk_index from blob_chunks c join blobs b on b.id = c.blob_id where b.submission_id = ?')
      .all(alertId) as { blob_id: string; chunk_index: number }[];
    return rows.map((row) => `${row.blob_id}:${row.chunk_index}`);
  } finally {
    db.close();
  }
}

async function formWithAttachment(context: BrowserContext, description: string): Promise<Page> {
  const page = await context.newPage();
  await openForm(page, server.origin);
  await fillTextAlert(page, description);
  await page.setInputFiles('input[type=file]', BIG);
  await page.click('[data-testid=file-send-anyway]', { timeout: 30_000 });
  return page;
}

const opened = (requests: readonly Request[]) =>
  requests.filter((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/submissions').map((r) => (r.postDataJSON() as { submissionId: string }).submissionId);

describe('resumable uploads', () => {
  it('sends a chunk whose PUT failed once again, and only that one: one alert, each chunk stored once', async () => {
    const context = await browser.newContext();
    const page = await formWithAttachment(context, 'Un chunk perdu en route, puis renvoyé.');
    const puts: string[] = [];
    await page.route(CHUNK_PUT, async (route) => {
      puts.push(new URL(route.request().url()).pathname.replace(/.*\/blobs\//, ''));
      if (puts.length === 3) await route.abort('connectionreset');
      else await route.continue();
    });
    const before = alertIds(server);
    await page.click('[data-testid=submit-alert]');
    await page.waitForSelector('progress[data-phase=uploading]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=receipt]', { timeout: 120_000 });
    const added = alertIds(server).filter((id) => !before.includes(id));
    expect(added).toHaveLength(1);
    // Three chunks; the third went twice (refused, then again), the others once; each is stored once.
    expect(puts).toHaveLength(4);
    expect(puts[3]).toBe(puts[2]);
    expect(chunksOf(added[0] ?? '').sort()).toEqual([...new Set(puts)].map((put) => put.replace('/chunks/', ':')).sort());
    await context.close();
  });

  it('shows what is sent, keeps the sealed alert when the network drops, and resumes it when the network returns', async () => {
    const context = await browser.newContext();
    const page = await formWithAttachment(context, 'Le réseau tombe au milieu de l’envoi.');
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    let cut = false;
    await page.route(CHUNK_PUT, async (route) => {
      await route.continue();
      if (!cut) {
        // The first chunk arrives, then the phone loses the network.
        cut = true;
        await context.setOffline(true);
      }
    });
    const countBefore = alertIds(server).length;
    await page.click('[data-testid=submit-alert]');
    const failed = await page.waitForSelector('[data-testid=send-failed]', { timeout: 120_000 });
    expect(await failed.textContent()).toContain('réseau revient');
    // The bar still says how much got through, and the alert is kept in memory only.
    expect(await page.locator('[data-testid=send-bytes]').textContent()).toMatch(/\d.* sur .*\d/);
    expect((await dumpStorage(page)).indexedDB).toEqual([]);
    expect(alertIds(server)).toHaveLength(countBefore);

    await context.setOffline(false);
    await page.waitForSelector('[data-testid=receipt]', { timeout: 120_000 });
    expect(alertIds(server)).toHaveLength(countBefore + 1);
    // Every open named the same submission: the retry sent the same sealed package.
    const ids = new Set(opened(requests));
    expect(ids.size).toBe(1);
    const [submissionId = ''] = [...ids];
    expect(alertIds(server)).toContain(submissionId);
    expect(chunksOf(submissionId)).toHaveLength(3);
    await context.close();
  });

  it('after the retries run out, "Réessayer" sends the same package again: one alert', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openForm(page, server.origin);
    await fillTextAlert(page, 'Deux essais, une seule alerte.');
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    // Every finalize fails until the test lets it through: retries run out, the page offers to try again.
    let blocked = true;
    await page.route('**/api/submissions/*/finalize', async (route) => (blocked ? route.fulfill({ status: 503, body: '' }) : route.continue()));
    const countBefore = alertIds(server).length;
    await page.click('[data-testid=submit-alert]');
    await page.waitForSelector('[data-testid=send-failed]', { timeout: 120_000 });
    // After a finalize was sent the alert may exist already: it can no longer be changed.
    expect(await page.locator('[data-testid=send-edit]').count()).toBe(0);
    blocked = false;
    await page.click('[data-testid=send-retry]');
    await page.waitForSelector('[data-testid=receipt]', { timeout: 120_000 });
    expect(alertIds(server)).toHaveLength(countBefore + 1);
    expect(new Set(opened(requests)).size).toBe(1);
    await context.close();
  });
});
