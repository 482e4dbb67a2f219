/**
 * The public statistics page (/stats) in headless Chromium, over a known fixture in the
 * server's database (public-stats-fixture.ts): the published figures of the last ended quarter
 * as the JSON answer gives them, "< 5" for suppressed cells, the map's fills matching the
 * legend class of each region's published count and suppressed regions drawn as suppressed,
 * the months, the languages (Bambara included), axe-core, nothing requested from another
 * origin and no cookie sent, a 360×640 phone, no CSP violation, and the weight of the whole
 * first load (compressed) under the README's 40 KB target.
 * Set E2E_WEB_DIST_DIR to test a build made elsewhere (`vite build --outDir …`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MAP_PLACE_IDS } from '@kenekanko/charts';
import type { ReleasedCell, ReleasedTable, StatsRelease } from '@kenekanko/contracts';
import { todayDay } from '../../apps/web/src/i18n/format.ts';
import { lastEndedQuarter } from '../../apps/web/src/public-stats/periods.ts';
import { measureFirstLoad } from '../../bench/first-load.ts';
import { foreignRequests, launchChromium, recordRequests, startServer } from './harness.ts';
import type { RecordedRequest, RunningServer } from './harness.ts';
import { FIXTURE, insertPublicStatsFixture, monthsOf } from './public-stats-fixture.ts';
import { axeViolations } from './reporter-pages.ts';

/** The README's target for the page's first load (page, script, style, map chunk, figures), compressed. */
const WEIGHT_TARGET = 40 * 1024;
const NNBSP = '\u202f';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let requests: RecordedRequest[];
let release: StatsRelease;
const quarter = lastEndedQuarter(todayDay());

const text = (cell: ReleasedCell): string => (cell.suppressed ? '< 5' : String(cell.value).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP));
const table = (r: StatsRelease, period: string, measure: string, dimension: string | null): ReleasedTable | undefined =>
  r.periods.find((p) => p.period === period)?.tables.find((t) => t.measure === measure && t.dimension === dimension);

async function fetchRelease(period: string): Promise<StatsRelease> {
  const response = await fetch(`${server.origin}/api/public/stats?period=${period}`);
  expect(response.status).toBe(200);
  return (await response.json()) as StatsRelease;
}

async function openStats(hash = ''): Promise<void> {
  await page.goto(`${server.origin}/stats${hash}`);
  await page.waitForSelector('[data-testid=stats-release]');
  await page.waitForSelector('[data-testid=region-map] path[data-iso]');
}

beforeAll(async () => {
  server = await startServer();
  await insertPublicStatsFixture(server.dataDir, quarter);
  release = await fetchRelease(quarter);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: 'block' });
  requests = recordRequests(context);
  page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await openStats();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the public statistics page', () => {
  it('the release holds the hand-computed figures, spam left out, small cells suppressed', () => {
    expect(table(release, quarter, 'alerts', null)?.total).toEqual({ value: FIXTURE.alerts, suppressed: false });
    expect(table(release, quarter, 'forwarded', null)?.total).toEqual({ value: FIXTURE.forwarded, suppressed: false });
    expect(table(release, quarter, 'answered', null)?.total).toEqual({ value: FIXTURE.answered, suppressed: false });
    const regions = new Map(table(release, quarter, 'alerts', 'region')?.rows.map((r) => [r.key, r.cell]));
    expect(regions.get('region-kidal')).toEqual({ value: null, suppressed: true });
    expect(regions.get('region-menaka')).toEqual({ value: null, suppressed: true });
    const kayes = regions.get('region-kayes');
    expect(kayes?.suppressed === true || kayes?.value === 20).toBe(true);
  });

  it('opens on the last ended quarter and shows its totals as published', async () => {
    expect(await page.getAttribute('[data-testid=stats-release]', 'data-period')).toBe(quarter);
    expect(await page.inputValue('[data-testid=stats-period]')).toBe(quarter);
    for (const measure of ['alerts', 'forwarded', 'answered'] as const) {
      const cell = table(release, quarter, measure, null)?.total;
      expect(await page.textContent(`[data-testid=total-${measure}] dd`)).toBe(cell === undefined ? '0' : text(cell));
    }
    expect(await page.textContent('[data-testid=total-alerts] dd')).toBe(String(FIXTURE.alerts));
  });

  it.each(['kind', 'region'] as const)('shows every row by %s with its published figure, "< 5" where suppressed', async (dimension) => {
    const rows = table(release, quarter, 'alerts', dimension)?.rows ?? [];
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.some((r) => r.cell.suppressed)).toBe(true);
    for (const row of rows) {
      const shown = await page.textContent(`[data-testid=table-${dimension}] tr[data-key="${row.key}"] .bar-table__value`);
      expect(shown, row.key).toBe(text(row.cell));
    }
    expect(await page.locator(`[data-testid=table-${dimension}] tbody tr`).count()).toBe(rows.length);
  });

  it('shows each month of the quarter', async () => {
    const months = monthsOf(quarter);
    const shown = await page.locator('[data-testid=table-periods] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(shown).toEqual(months);
    for (const [i, month] of months.entries()) {
      const cell = table(release, month, 'alerts', null)?.total;
      expect(cell?.suppressed === true || cell?.value === FIXTURE.months[i]).toBe(true);
      expect(await page.textContent(`[data-testid=table-periods] tr[data-key="${month}"] td[data-measure=alerts]`)).toBe(cell === undefined ? '0' : text(cell));
    }
  });

  it('fills each region of the map with the legend class of its published count, suppressed regions grey and hatched', async () => {
    const regions = new Map(table(release, quarter, 'alerts', 'region')?.rows.map((r) => [r.key, r.cell]));
    const legend = await page.locator('[data-testid=region-map-legend] li').evaluateAll((items) =>
      items.map((li) => ({ key: li.getAttribute('data-class'), fill: li.getAttribute('data-fill'), min: li.getAttribute('data-min'), max: li.getAttribute('data-max') })),
    );
    const paths = await page.locator('[data-testid=region-map] path[data-iso]').evaluateAll((items) =>
      items.map((p) => ({ iso: p.getAttribute('data-iso') ?? '', cls: p.getAttribute('data-class'), fill: p.getAttribute('fill'), hatched: p.nextElementSibling?.classList.contains('mali-map__hatch') === true })),
    );
    expect(paths).toHaveLength(9);
    for (const path of paths) {
      const cells = (MAP_PLACE_IDS[path.iso] ?? []).map((id) => regions.get(id));
      // Released rule: a polygon is a number only when every place it shows is published.
      const value = cells.some((c) => c === undefined || c.suppressed) ? null : cells.reduce((n, c) => n + (c?.value ?? 0), 0);
      const cls = legend.find((l) => l.key === path.cls);
      expect(cls, path.iso).toBeDefined();
      expect(path.fill, path.iso).toBe(cls?.fill);
      if (value === null) {
        expect(path.cls, path.iso).toBe('suppressed');
        expect(path.hatched, path.iso).toBe(true);
      } else {
        expect(value, path.iso).toBeGreaterThanOrEqual(Number(cls?.min));
        expect(value, path.iso).toBeLessThanOrEqual(Number(cls?.max));
        expect(path.hatched, path.iso).toBe(false);
      }
    }
    // Ménaka (2) is suppressed, so Gao's polygon is too, whatever Gao's own figure; Kidal (1) as well.
    expect(paths.find((p) => p.iso === 'ML-GO')?.cls).toBe('suppressed');
    expect(paths.find((p) => p.iso === 'ML-KD')?.cls).toBe('suppressed');
    expect(paths.some((p) => p.cls !== 'suppressed')).toBe(true);
  });

  it('passes axe-core, fits a 360 px phone, and breaks no CSP rule', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });

  it('reads in Bambara and English, kept in the address fragment only', async () => {
    await page.click('[data-testid=language-bm]');
    await page.waitForFunction(() => document.documentElement.lang === 'bm');
    expect(await page.textContent('h1')).toBe('Jatew bɛɛ ye');
    expect(await page.textContent('[data-testid=stats-heading]')).toContain('san');
    expect(new URL(page.url()).hash).toBe(`#period=${quarter}&lang=bm`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.click('[data-testid=language-en]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('h1')).toBe('Public statistics');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.reload();
    await page.waitForSelector('[data-testid=stats-release]');
    expect(await page.textContent('h1')).toBe('Public statistics');
    // The language stays in the fragment: no request carried it (the period goes only as the figures' own query).
    const carried = requests.filter((r) => /lang=|#/.test(r.url)).map((r) => r.url);
    expect(carried).toEqual([]);
  });

  it('shows another period when chosen', async () => {
    const [month] = monthsOf(quarter);
    const monthly = await fetchRelease(month);
    await page.selectOption('[data-testid=stats-period]', month);
    await page.waitForSelector(`[data-testid=stats-release][data-period="${month}"]`);
    const cell = table(monthly, month, 'alerts', null)?.total;
    expect(await page.textContent('[data-testid=total-alerts] dd')).toBe(cell === undefined ? '0' : text(cell));
    expect(await page.locator('[data-testid=table-periods]').count()).toBe(0);
  });

  it('says so when the figures cannot be fetched, and fetches them again on "try again"', async () => {
    await page.route('**/api/public/stats*', (route) => route.abort('internetdisconnected'), { times: 1 });
    await page.goto('about:blank');
    await page.goto(`${server.origin}/stats#lang=fr`);
    await page.waitForSelector('[data-testid=stats-error]');
    expect(await page.textContent('[data-testid=stats-error]')).toContain('Vérifiez votre connexion');
    await page.click('[data-testid=stats-error] button');
    await page.waitForSelector(`[data-testid=stats-release][data-period="${quarter}"]`);
    expect(await page.textContent('[data-testid=total-alerts] dd')).toBe(String(FIXTURE.alerts));
  });

  it('asks nothing of another origin and sends no cookie', () => {
    expect(foreignRequests(requests, server.origin)).toEqual([]);
    expect(requests.filter((r) => r.headers['cookie'] !== undefined)).toEqual([]);
    const paths = new Set(requests.map((r) => new URL(r.url).pathname));
    expect([...paths].filter((p) => p.startsWith('/api/'))).toEqual(['/api/public/stats']);
  });

  it(`weighs under ${WEIGHT_TARGET / 1024} KB on first load, everything compressed`, async () => {
    const load = await measureFirstLoad(browser, {
      url: `${server.origin}/stats`,
      until: async (p) => {
        await p.waitForSelector('[data-testid=region-map] path[data-iso]', { timeout: 60_000 });
      },
    });
    const own = load.resources.filter((r) => r.url.startsWith(server.origin));
    const bytes = own.reduce((sum, r) => sum + r.bodyBytes, 0);
    const listing = own.map((r) => `${new URL(r.url).pathname} ${r.bodyBytes} ${r.encoding}`).join(', ');
    console.log(`public statistics first load ${bytes} B: ${listing}`);
    for (const r of own) expect(`${new URL(r.url).pathname} ${r.encoding}`).toMatch(/ (br|gzip)$/);
    expect(bytes, listing).toBeLessThanOrEqual(WEIGHT_TARGET);
  });
});
