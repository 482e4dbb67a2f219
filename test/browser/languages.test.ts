/**
 * The reporter's languages in Chromium: the first screen offers French, English and Bambara,
 * each named in its own language; the choice sets the page's lang and can be changed on every
 * page; the Bambara form shows ɛ ɔ ɲ ŋ, counts and amounts written the Bambara way; an alert
 * filed in Bambara gets its receipt day with a Bambara month (Chromium has no Bambara data:
 * the catalogue ships it), and the analyst sees that the reporter wrote in Bamanankan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { catalogue as bambara } from '../../apps/web/src/i18n/languages/bm.ts';
import { foreignRequests, launchChromium, recordRequests, startServer, type RecordedRequest, type RunningServer } from './harness.ts';
import { fillRequired, pickLanguage, sendAndReadReceipt, setUpByCli, STAFF_LOGIN, STAFF_PASSWORD } from './reporter-pages.ts';

const DESCRIPTION = 'Duwanitigi dɔ bɛ wari ɲini mɔbili kelen-kelen bɛɛ fɛ.';

let server: RunningServer;
let browser: Browser;
let page: Page;
let requests: RecordedRequest[];

beforeAll(async () => {
  // This test signs in without an authenticator; core-flow.test.ts enrols one under the default.
  server = await startServer({ REQUIRE_SECOND_FACTOR: 'false' });
  [browser] = await Promise.all([launchChromium(), setUpByCli(server)]);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  requests = recordRequests(context);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const visibleText = (selector: string) => page.locator(selector).innerText();

describe('the first screen', () => {
  it('asks for the language in every language, and names each in itself', async () => {
    await page.goto(server.origin + '/');
    const chooser = page.locator('[data-testid=language-chooser]');
    const choices = await chooser.locator('button').evaluateAll((buttons) => buttons.map((b) => ({ lang: b.getAttribute('lang'), text: b.textContent })));
    expect(choices).toEqual([
      { lang: 'fr', text: 'Français' },
      { lang: 'en', text: 'English' },
      { lang: 'bm', text: 'Bamanankan' },
    ]);
    const asks = await chooser.locator('h1 [lang]').evaluateAll((spans) => spans.map((s) => `${s.getAttribute('lang')}: ${s.textContent}`));
    expect(asks).toEqual(['fr: Choisissez votre langue', 'en: Choose your language', 'bm: I ka kan sugandi']);
    expect(await page.locator('h1').count()).toBe(1);
    // The chooser is the switch: the header offers only the quick exit here.
    expect(await page.locator('.language-switch').count()).toBe(0);
    expect(await page.locator('[data-testid=quick-exit]').count()).toBe(1);
  });
});

describe('Bambara', () => {
  it('sets lang="bm" and shows the home page in Bambara', async () => {
    await pickLanguage(page, 'bm');
    expect(await visibleText('h1')).toBe(bambara.messages['home.title']);
    expect(await visibleText('[data-testid=quick-exit]')).toBe('Bɔ joona');
    expect(await page.getAttribute('[data-testid=language-bm]', 'aria-pressed')).toBe('true');
  });

  it('shows the form with ɛ ɔ ɲ ŋ, a picture beside each kind, counts and amounts the Bambara way', async () => {
    await page.click('[data-testid=home-report]');
    await page.waitForSelector('#regionId');
    const form = await visibleText('[data-testid=alert-form]');
    for (const letter of ['ɛ', 'ɔ', 'ɲ', 'ŋ']) expect(form).toContain(letter);
    expect(form).toContain(String(bambara.messages['kind.human-rights']));

    const icons = await page.locator('fieldset.choices label').evaluateAll((labels) =>
      labels.map((label) => {
        const svg = label.querySelector('svg');
        return svg === null ? null : { hidden: svg.getAttribute('aria-hidden'), paths: svg.querySelectorAll('path, rect, circle').length };
      }),
    );
    expect(icons).toHaveLength(9);
    for (const icon of icons) expect(icon).toEqual({ hidden: 'true', paths: expect.any(Number) });
    expect(new Set(icons.map((icon) => icon?.paths)).size).toBeGreaterThan(1);

    await page.fill('#amount', '1500000');
    expect(await visibleText('[data-testid=amount-preview]')).toBe('O ye 1\u202f500\u202f000\u00a0FCFA ye');

    await page.click('[data-testid=submit-alert]');
    // Four answers are missing (kind, region, institution type, description); Bambara has one form for every count.
    expect(await page.locator('[data-testid=error-summary] p').innerText()).toBe('Jaabi 4 ka kan ka latilen sani a ka ci.');
  });

  it('switches language on the form without losing what was typed', async () => {
    await page.fill('#description', DESCRIPTION);
    await pickLanguage(page, 'en');
    expect(await page.locator('[data-testid=error-summary] p').innerText()).toBe('3 answers need correcting before sending.');
    await pickLanguage(page, 'fr');
    expect(await page.locator('[data-testid=error-summary] p').innerText()).toBe("3 informations sont à corriger avant l'envoi.");
    await pickLanguage(page, 'bm');
    expect(await page.inputValue('#description')).toBe(DESCRIPTION);
  });

  it('files the alert in Bambara and gives the receipt day with a Bambara month', async () => {
    await fillRequired(page, DESCRIPTION);
    await sendAndReadReceipt(page);
    const received = await visibleText('[data-testid=receipt-status]');
    const months = bambara.formats.months.join('|');
    expect(received).toMatch(new RegExp(`^A sɔrɔla (${months}) tile \\d{1,2} san 20\\d\\d\\.$`, 'u'));
    expect(await page.getAttribute('html', 'lang')).toBe('bm');
    expect(await visibleText('h1')).toBe(bambara.messages['receipt.title']);
    await page.check('#receipt-noted');
    await page.click('[data-testid=receipt-continue]');
  });

  it('records the language with the encrypted answers: the desk shows Bamanankan', async () => {
    const desk = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    await desk.goto(server.origin + '/desk');
    // The desk is written in French and English only.
    expect(await desk.locator('.language-switch button').allTextContents()).toEqual(['Français', 'English']);
    await desk.fill('#login', STAFF_LOGIN);
    await desk.fill('#password', STAFF_PASSWORD);
    await desk.click('[data-testid=login-submit]');
    await desk.click('[data-testid=inbox-open]', { timeout: 120_000 });
    await expect.poll(() => desk.locator('[data-testid=answer-description]').textContent(), { timeout: 60_000 }).toBe(DESCRIPTION);
    expect(await desk.locator('[data-testid=answers]').innerText()).toContain('Bamanankan');
    await desk.close();
  });
});

describe('every page', () => {
  it('offers the language switch on home, form, follow-up and receipt entry, with each name in its lang', async () => {
    await page.goto(server.origin + '/');
    await pickLanguage(page, 'en');
    const views = ['home', 'home-report', 'form-back', 'home-follow'];
    for (const step of views) {
      if (step !== 'home') await page.click(`[data-testid=${step}]`);
      const buttons = await page.locator('.language-switch button').evaluateAll((all) => all.map((b) => b.getAttribute('lang')));
      expect(buttons, step).toEqual(['fr', 'en', 'bm']);
    }
    await pickLanguage(page, 'bm');
    expect(await visibleText('h1')).toBe(bambara.messages['follow.title']);
    await page.fill('#receipt-input', '12');
    await page.click('[data-testid=receipt-open]');
    expect(await visibleText('#receipt-input-error')).toBe('Rusu nimɔrɔ ye jateden 24 ye; i ye 2 sɛbɛn.');
  });

  it('made no request to another origin in any language', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(foreignRequests(requests, server.origin)).toEqual([]);
  });
});
