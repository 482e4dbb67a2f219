/**
 * A focal point in the field (issue 4), in real headless Chromium against the real server:
 * invited by the coalition's coordinator, they sign in on the desk, which opens on the field
 * page; the network drops; they record an alert heard in person, sealed at once on the phone
 * to their organisation's public key (a photo, whose cleaner was never fetched, is refused with
 * "needs the network once"), and the receipt slip shows at once (groups of four, the
 * site's address); the network returns and it leaves by itself; nothing of it remains on the
 * phone. The coordinator then reads it on the desk, and the citizen's receipt opens the
 * reporter's follow-up page. No page asks another origin, and nothing is at rest in clear.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { acceptInvitation, invite } from './desk-pages.ts';
import { findAtRest, foreignRequests, launchChromium, MEDIA_DIR, recordRequests, startServer } from './harness.ts';
import type { RecordedRequest, RunningServer } from './harness.ts';
import { PASSWORD, alertIds, dumpStorage, fillTextAlert, setUpFromNode } from './offline-harness.ts';

const SLOW = { timeout: 120_000 } as const;
const DESCRIPTION = 'Au poste de Diboli, les douaniers font payer cinq mille francs à chaque car, sans quittance.';
const focal = { login: 'fatou.terrain', password: 'a long focal point password 2026' } as const;

let server: RunningServer;
let browser: Browser;
const requests: RecordedRequest[] = [];
let coordinator: Page;
let field: Page;
let fieldContext: BrowserContext;
let receipt = '';

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const recorded = recordRequests(context);
  context.on('close', () => requests.push(...recorded));
  return context;
}

async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.waitForSelector('[data-testid=login-form]', SLOW);
  await page.fill('#login', login);
  await page.fill('#password', password);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=logout]', SLOW);
}

beforeAll(async () => {
  server = await startServer({ REQUIRE_SECOND_FACTOR: 'false' });
  await setUpFromNode(server);
  browser = await launchChromium();
  coordinator = await (await newContext()).newPage();
  await coordinator.goto(server.origin + '/desk');
  await logIn(coordinator, 'coordinator', PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a focal point in the field', () => {
  it('is invited, signs in, and lands on the field page (no inbox: they read nothing)', async () => {
    const link = await invite(coordinator, 'COSCLCCP', 'focal-point', focal.login);
    fieldContext = await newContext();
    field = (await acceptInvitation(fieldContext, link, focal)).page;
    await logIn(field, focal.login, focal.password);
    await field.waitForSelector('[data-testid=field-form]', SLOW);
    await field.waitForSelector('#regionId option:nth-child(2)', { state: 'attached', ...SLOW });
    expect(await field.locator('[data-testid=nav-inbox]').count()).toBe(0);
    expect(await field.locator('[data-testid=nav-field]').count()).toBe(1);
  });

  it('records an alert offline and gives the receipt slip at once, then it leaves when the network returns', async () => {
    await fieldContext.setOffline(true);
    await fillTextAlert(field, DESCRIPTION);
    // The field page holds the whole places list: offline, any cercle's communes can still be picked.
    await field.selectOption('#cercleId', { index: 1 });
    await field.waitForSelector('#communeId option:nth-child(2)', { state: 'attached' });
    await field.selectOption('#communeId', { index: 1 });
    // A photo's cleaner was never fetched (no service worker on the desk): say the network is needed once.
    await field.setInputFiles('#files-input', path.join(MEDIA_DIR, 'cam-DSCN0010.jpg'));
    await field.waitForSelector('[data-testid=file-needs-network]', SLOW);
    expect(await field.locator('[data-testid=file-needs-network]').textContent()).toContain('demande le réseau une première fois');
    await field.click('[data-testid=file-remove]');
    await field.click('[data-testid=field-record]');
    await field.waitForSelector('[data-testid=field-slip]', SLOW);
    const groups = await field.locator('[data-testid=slip-receipt] .receipt__group').allTextContents();
    expect(groups).toHaveLength(6);
    for (const group of groups) expect(group).toMatch(/^\d{4}$/);
    receipt = groups.join('');
    expect(await field.locator('[data-testid=slip-address]').textContent()).toContain(server.origin);
    expect(await field.locator('[data-testid=slip-status]').getAttribute('data-sent')).toBe('no');
    expect(await field.locator('[data-testid=outbox-item]').count()).toBe(1);
    // Waiting on the phone: ciphertext only, neither the words heard nor the receipt.
    const waiting = await dumpStorage(field);
    expect(waiting.indexedDB).toContain('kenekanko-outbox');
    expect(waiting.indexedDBText).not.toContain('Diboli');
    expect(waiting.indexedDBText).not.toContain(receipt);
    expect(alertIds(server)).toEqual([]);

    await fieldContext.setOffline(false);
    await expect.poll(() => field.locator('[data-testid=slip-status]').getAttribute('data-sent'), SLOW).toBe('yes');
    expect(alertIds(server)).toHaveLength(1);
  });

  it('leaves nothing of the alert on the phone once sent', async () => {
    const after = await dumpStorage(field);
    expect(after.indexedDB).not.toContain('kenekanko-outbox');
    for (const text of [after.indexedDBText, after.cacheText]) {
      expect(text).not.toContain('Diboli');
      expect(text).not.toContain(receipt);
    }
    expect([after.localStorage, after.sessionStorage]).toEqual([0, 0]);
    expect(field.url()).not.toContain(receipt);
    // Printed, the slip is alone: the receipt and how to come back; no login, menu or buttons.
    await field.emulateMedia({ media: 'print' });
    expect(await field.locator('[data-testid=slip-receipt]').isVisible()).toBe(true);
    expect(await field.locator('[data-testid=slip-address]').isVisible()).toBe(true);
    for (const hidden of ['[data-testid=logout]', '.desk-nav', '[data-testid=slip-done]', '[data-testid=slip-status]', '#field-title']) {
      expect(await field.locator(hidden).isVisible(), hidden).toBe(false);
    }
    await field.emulateMedia({ media: 'screen' });
    await field.click('[data-testid=slip-done]');
    await field.waitForSelector('[data-testid=field-form]');
    expect(await field.locator('body').textContent()).not.toContain(receipt.slice(0, 4) + ' ' + receipt.slice(4, 8));
  });

  it('is read by the coordinator on the desk', async () => {
    await coordinator.click('[data-testid=nav-inbox]');
    await expect.poll(async () => {
      await coordinator.click('[data-testid=inbox-refresh]');
      return coordinator.locator('[data-testid=inbox-row]').count();
    }, SLOW).toBe(1);
    await coordinator.click('[data-testid=inbox-open]');
    await expect.poll(() => coordinator.locator('[data-testid=answer-description]').textContent(), SLOW).toBe(DESCRIPTION);
  });

  it("opens the reporter's follow-up page with the citizen's receipt", async () => {
    const page = await (await newContext()).newPage();
    await page.goto(server.origin + '/');
    await page.click('[data-testid=language-fr]');
    await page.click('[data-testid=home-follow]');
    await page.fill('#receipt-input', receipt);
    await page.click('[data-testid=receipt-open]');
    await page.waitForSelector('[data-testid=reporter-state]', SLOW);
    await page.context().close();
  });

  it('asked no other origin, and left nothing of the alert in clear on the server', async () => {
    await fieldContext.close();
    expect(foreignRequests(requests, server.origin)).toEqual([]);
    expect(findAtRest(server.dataDir, ['Diboli', receipt])).toEqual([]);
  });
});
