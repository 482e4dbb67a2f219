/**
 * The partners' PDF report (issue 5) fetched from a signed-in coordinator's page in headless
 * Chromium, against the real server started as an administrator starts it: it is a PDF that
 * poppler renders page by page, and its text holds the figures of the same period's JSON
 * report (the public statistics fixture: 51 alerts in the last ended quarter), French labels
 * and "< 5" for suppressed cells. The coordinator's session is the page's cookie: without it
 * the same request is refused.
 * Set E2E_WEB_DIST_DIR to test a build made elsewhere (`vite build --outDir …`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { StatsRelease, WrongdoingKind } from '@kenekanko/contracts';
import { STATS_ROUTES, WRONGDOING_KIND_LABELS } from '@kenekanko/contracts';
import { pdfInfo, pdfText, renderedPageCount } from '../../apps/server/src/http/testing/pdf-tools.ts';
import { todayDay } from '../../apps/web/src/i18n/format.ts';
import { lastEndedQuarter } from '../../apps/web/src/public-stats/periods.ts';
import { launchChromium, startServer } from './harness.ts';
import type { RunningServer } from './harness.ts';
import { PASSWORD, setUpFromNode } from './offline-harness.ts';
import { FIXTURE, insertPublicStatsFixture } from './public-stats-fixture.ts';

const SLOW = { timeout: 120_000 } as const;
const quarter = lastEndedQuarter(todayDay());

let server: RunningServer;
let browser: Browser;
let page: Page;

/** A GET from inside the signed-in page (its cookie, its origin), the body as bytes. */
async function fetchFromPage(url: string): Promise<{ status: number; type: string; disposition: string; bytes: Uint8Array }> {
  const answer = await page.evaluate(async (target) => {
    const response = await fetch(target, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await response.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { status: response.status, type: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '', body: btoa(binary) };
  }, url);
  return { ...answer, bytes: new Uint8Array(Buffer.from(answer.body, 'base64')) };
}

const squeeze = (text: string): string => text.replace(/[ \t]+/g, ' ');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  server = await startServer({ REQUIRE_SECOND_FACTOR: 'false' });
  await setUpFromNode(server);
  await insertPublicStatsFixture(server.dataDir, quarter);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'fr-FR' });
  page = await context.newPage();
  await page.goto(server.origin + '/desk');
  await page.waitForSelector('[data-testid=login-form]', SLOW);
  await page.fill('#login', 'coordinator');
  await page.fill('#password', PASSWORD);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=nav-inbox]', SLOW);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the partners' PDF report from the desk", () => {
  it('downloads with the session, opens page by page, and holds the figures of the JSON report', async () => {
    const pdf = await fetchFromPage(`${STATS_ROUTES.report}?period=${quarter}&format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toBe(`attachment; filename="kenekanko-${quarter}.pdf"`);
    const pages = Number(pdfInfo(pdf.bytes).Pages);
    // The cover, then the quarter and each of its three months on their own pages.
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(renderedPageCount(pdf.bytes)).toBe(pages);

    const json = await fetchFromPage(`${STATS_ROUTES.report}?period=${quarter}&format=json`);
    const release = JSON.parse(new TextDecoder().decode(json.bytes)) as StatsRelease;
    const text = squeeze(pdfText(pdf.bytes));
    expect(text).toContain(`(${quarter})`);
    expect(text).toContain('tout effectif inférieur à 5 est affiché « < 5 »');
    const quarterTotal = release.periods[0]?.tables.find((t) => t.measure === 'alerts' && t.dimension === null)?.total;
    expect(quarterTotal).toEqual({ value: FIXTURE.alerts, suppressed: false });
    expect(text).toMatch(new RegExp(`\\n\\S+ trimestre \\d{4} ${FIXTURE.alerts} `));
    let suppressed = 0;
    for (const table of release.periods[0]?.tables ?? []) {
      for (const row of table.rows) {
        const label = table.dimension === 'kind' ? WRONGDOING_KIND_LABELS.fr[row.key as WrongdoingKind] : row.label;
        if (row.cell.value === null) suppressed++;
        expect(text, `${table.measure}/${table.dimension ?? ''} ${label}`).toMatch(new RegExp(`\\n${escape(label)} ${row.cell.value === null ? '< ?5' : String(row.cell.value)} `));
      }
    }
    // The fixture has small cells (Ménaka 2, Kidal 1, "other" 1): some rows must read "< 5".
    expect(suppressed).toBeGreaterThan(0);
  }, 120_000);

  it('is refused without the session', async () => {
    const response = await fetch(`${server.origin}${STATS_ROUTES.report}?period=${quarter}&format=pdf`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).not.toBe('application/pdf');
  });
});
