/**
 * The reporter's pages in Chromium, for people who navigate by keyboard or screen reader and
 * for people on a shared or watched phone: axe-core finds no WCAG 2.1 A/AA violation on any
 * page in any language, touch targets are 44 px at least, the focus ring shows, the keyboard
 * alone reaches everything; titles stay neutral, the quick exit leaves no entry of ours in
 * the tab's history, the advice shows once per page load, and the receipt never reaches the
 * address bar or the history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LANGUAGES } from '@kenekanko/contracts';
import { launchChromium, startServer, type RunningServer } from './harness.ts';
import { axeViolations, fillRequired, pickLanguage, sendAndReadReceipt, setUpByCli } from './reporter-pages.ts';

const EXIT_URL = 'https://www.google.com/';
const NEUTRAL_PAGE = '<!doctype html><html lang="en"><title>Google</title><p>neutral</p></html>';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  [browser] = await Promise.all([launchChromium(), setUpByCli(server)]);
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every control a finger must hit, with its size; radios and checkboxes count with their label. */
async function smallTargets(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const selector = 'button, a[href], select, textarea, summary, input:not([type=radio]):not([type=checkbox]):not([type=file]), label.choice, label.file-picker';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((element) => element.getClientRects().length > 0 && !element.closest('.visually-hidden'))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ element, box }) => `${element.outerHTML.slice(0, 80)} ${Math.round(box.width)}×${Math.round(box.height)}`);
  });
}

/** Heading levels in document order: one h1 first, then no level skipped on the way down. */
async function headingProblems(target: Page): Promise<string[]> {
  const levels = await target.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName.slice(1))));
  const problems = levels[0] === 1 && levels.filter((level) => level === 1).length === 1 ? [] : [`h1 first and alone: ${levels.join(' ')}`];
  levels.forEach((level, i) => {
    if (i > 0 && level > (levels[i - 1] ?? 0) + 1) problems.push(`h${levels[i - 1]} then h${level}`);
  });
  return problems;
}

/** Runs the checks every page must pass, in the language now shown. */
async function expectAccessible(label: string): Promise<void> {
  expect(await axeViolations(page), label).toEqual([]);
  expect(await smallTargets(page), label).toEqual([]);
  expect(await headingProblems(page), label).toEqual([]);
  expect(await page.title(), label).toBe('Kenekanko');
}

async function chooseLanguage(code: string): Promise<void> {
  await page.goto(server.origin + '/');
  await pickLanguage(page, code);
  await page.waitForSelector('[data-testid=home-report]');
}

describe('accessibility of every reporter page, in every language', () => {
  it('the first screen, the language chooser', async () => {
    await page.goto(server.origin + '/');
    await page.waitForSelector('[data-testid=language-chooser]');
    await expectAccessible('language chooser');
  });

  it.each(LANGUAGES)('home (with the advice), the form empty and with errors, the receipt entry with an error, in %s', async (code) => {
    await chooseLanguage(code);
    await page.waitForSelector('[data-testid=safety-advice]');
    await expectAccessible(`${code} home`);

    await page.click('[data-testid=home-report]');
    await page.waitForSelector('#regionId');
    await expectAccessible(`${code} empty form`);
    await page.click('[data-testid=submit-alert]');
    await page.waitForSelector('[data-testid=error-summary]');
    expect(await page.getAttribute('[data-testid=error-summary]', 'role')).toBe('alert');
    await expectAccessible(`${code} form with errors`);

    await page.click('[data-testid=form-back]');
    await page.click('[data-testid=home-follow]');
    await page.fill('#receipt-input', '1234');
    await page.click('[data-testid=receipt-open]');
    await page.waitForSelector('#receipt-input-error');
    await expectAccessible(`${code} receipt entry with an error`);
  });

  let receipt = '';

  it('the receipt page, in each language', async () => {
    await chooseLanguage('fr');
    const entries = await page.evaluate(() => history.length);
    await page.click('[data-testid=home-report]');
    await fillRequired(page, 'Un agent demande de l’argent pour chaque passage.');
    receipt = await sendAndReadReceipt(page);
    for (const code of LANGUAGES) {
      await pickLanguage(page, code);
      await expectAccessible(`${code} receipt`);
    }
    // SECURITY: the receipt never went into the address bar or the history.
    expect(page.url()).toBe(server.origin + '/');
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await page.check('#receipt-noted');
    await page.click('[data-testid=receipt-continue]');
  });

  it('the follow-up page, in each language', async () => {
    await chooseLanguage('fr');
    await page.click('[data-testid=home-follow]');
    await page.fill('#receipt-input', receipt);
    await page.click('[data-testid=receipt-open]');
    await page.waitForSelector('[data-testid=reporter-state]', { timeout: 120_000 });
    await page.click('.your-alert summary');
    for (const code of LANGUAGES) {
      await pickLanguage(page, code);
      await expectAccessible(`${code} follow-up`);
    }
    expect(page.url()).toBe(server.origin + '/');
  });
});

describe('keyboard and focus', () => {
  /** The focused control, and whether a ring of 2 px or more shows around it (or its visible label, for a hidden file input). */
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement;
      if (element === null || element === document.body) return { testId: null, ring: false, what: 'nothing' };
      const shown = element.classList.contains('visually-hidden') ? element.nextElementSibling : element;
      const style = shown === null ? null : getComputedStyle(shown);
      const ring = style !== null && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { testId: element.getAttribute('data-testid'), ring, what: element.outerHTML.slice(0, 80) };
    });

  /** Tabs until the control is reached, checking that every stop on the way shows its focus. */
  async function tabTo(testId: string, limit = 80): Promise<void> {
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press('Tab');
      const now = await focused();
      expect(now.ring, `focus ring on ${now.what}`).toBe(true);
      if (now.testId === testId) return;
    }
    throw new Error(`Tab never reached ${testId}`);
  }

  it('reaches the quick exit first, then the languages, with a visible focus ring', async () => {
    await page.goto(server.origin + '/');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const element = document.activeElement;
      if (element === null) return null;
      const style = getComputedStyle(element);
      return { testId: element.getAttribute('data-testid'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(first).toEqual({ testId: 'quick-exit', outline: 'solid', width: 3 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('language-fr');
  });

  it('files nothing but finds every error and its field by keyboard alone', async () => {
    await page.goto(server.origin + '/');
    await tabTo('language-bm');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('html', 'lang')).toBe('bm');
    await tabTo('advice-dismiss');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid=safety-advice]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('home-title'); // focus is not lost
    await tabTo('home-report');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#regionId');
    await tabTo('submit-alert');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=error-summary]');
    // The summary takes the focus (after it is drawn), so a screen reader reads it at once; its first entry leads to the field.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'error-summary', undefined, { timeout: 5000 }).catch(() => undefined);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ko suguya sugandi.');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kind-bribery');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#kind-bribery')).toBe(true);
  });
});

describe('safety on a shared or watched phone', () => {
  async function freshPage(): Promise<{ readonly context: BrowserContext; readonly page: Page; readonly exits: string[]; readonly dialogs: string[] }> {
    const fresh = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const exits: string[] = [];
    const dialogs: string[] = [];
    // The neutral site is never contacted: the test answers for it and records the request.
    await fresh.route('https://www.google.com/**', async (route) => {
      // Recorded with its referrer, which must be absent: Google is not told where the person came from.
      exits.push(`${route.request().url()}${route.request().headers()['referer'] === undefined ? '' : ' with a referrer'}`);
      await route.fulfill({ status: 200, contentType: 'text/html', body: NEUTRAL_PAGE });
    });
    const freshPage = await fresh.newPage();
    freshPage.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await freshPage.goto(server.origin + '/');
    return { context: fresh, page: freshPage, exits, dialogs };
  }

  it('quick exit replaces our page with the neutral site, even with a form half written', async () => {
    const { context: fresh, page: tab, exits, dialogs } = await freshPage();
    const entries = await tab.evaluate(() => history.length); // about:blank, then our page
    await tab.click('[data-testid=language-fr]');
    await tab.click('[data-testid=home-report]');
    await tab.fill('#description', 'Ce que je ne veux pas que l’on voie.');
    const button = tab.locator('[data-testid=quick-exit]');
    expect(await button.textContent()).toContain('Quitter vite');
    const box = await button.boundingBox();
    expect(box?.y).toBeLessThan(60); // at the top of the page
    await button.click();
    await tab.waitForURL(EXIT_URL);
    expect(exits).toEqual([EXIT_URL]);
    expect(dialogs).toEqual([]); // no "leave this page?" prompt held the reporter back
    // SECURITY: our entry was replaced, not followed by another: Back skips over it to what
    // came before (the new tab's blank page), and Forward comes back to the neutral site.
    expect(await tab.evaluate(() => history.length)).toBe(entries);
    await tab.goBack();
    expect(tab.url()).toBe('about:blank');
    await tab.goForward();
    expect(tab.url()).toBe(EXIT_URL);
    await fresh.close();
  });

  it('Escape three times does the same; once or twice does nothing', async () => {
    const { context: fresh, page: tab, exits } = await freshPage();
    const entries = await tab.evaluate(() => history.length);
    await tab.click('[data-testid=language-en]');
    await tab.keyboard.press('Escape');
    await tab.keyboard.press('Escape');
    await tab.waitForTimeout(2500); // the two presses expire
    await tab.keyboard.press('Escape');
    expect(tab.url()).toBe(server.origin + '/');
    expect(exits).toEqual([]);
    await tab.keyboard.press('Escape');
    await tab.keyboard.press('Escape');
    await tab.waitForURL(EXIT_URL);
    expect(exits).toEqual([EXIT_URL]);
    expect(await tab.evaluate(() => history.length)).toBe(entries);
    await fresh.close();
  });

  it('shows the advice once per page load, and remembers nothing of it', async () => {
    const { context: fresh, page: tab } = await freshPage();
    await tab.click('[data-testid=language-fr]');
    const advice = tab.locator('[data-testid=safety-advice]');
    const text = await advice.innerText();
    for (const words of ['travail', 'papier', 'Tor Browser', 'navigation privée', 'Quitter vite']) expect(text).toContain(words);
    await tab.click('[data-testid=home-follow]');
    await tab.click('[data-testid=follow-back]');
    expect(await advice.count()).toBe(0); // seen once, not shown again in this visit
    const storage = await tab.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
    expect(storage).toEqual({ local: 0, session: 0, cookie: '' });
    await tab.reload();
    await tab.click('[data-testid=language-fr]');
    // The catalogue loads on the choice: wait for the page in French before counting.
    await tab.waitForFunction(() => document.documentElement.lang === 'fr' && document.querySelector('[data-testid=home-report]') !== null);
    expect(await advice.count()).toBe(1); // a new page load shows it again
    await fresh.close();
  });

  it('keeps every title neutral', async () => {
    const { context: fresh, page: tab } = await freshPage();
    const titles = [await tab.title()];
    for (const code of LANGUAGES) {
      await tab.click(`[data-testid=language-${code}]`);
      titles.push(await tab.title());
      await tab.click('[data-testid=home-report]');
      titles.push(await tab.title());
      await tab.click('[data-testid=form-back]');
    }
    expect(new Set(titles)).toEqual(new Set(['Kenekanko']));
    await fresh.close();
  });
});
