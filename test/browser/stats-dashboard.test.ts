/**
 * The coordinators' dashboard (issue 5) in real headless Chromium against the real server:
 * a known fixture is written into the server's database (as the monitoring db tests do, with
 * adapters/synthetic-rows.ts; the rollup triggers see it like any write), the coalition's
 * coordinator opens the dashboard, and every figure on screen equals the hand-computed one;
 * each map polygon is filled with the legend colour of the class holding its count (Ménaka
 * folded into Gao); the filters change the figures; the report downloads with the session
 * cookie; axe-core finds no WCAG 2.1 A/AA violation, no request leaves the origin and no CSP
 * rule is broken; an analyst gets no dashboard entry.
 *
 * Fixture (Y = last year; org S is a second CSO; every alert of Y, so every period is ended):
 *  12 Bamako bribery (coalition) received Y-03-02: 4 acknowledged after 2 days, verified after 7,
 *     forwarded to the authority (answers after 10, 10, 20 days, one never: overdue); actions on
 *     the first two, the first concluded and its alert closed; 8 acknowledged after 4 days.
 *     5 of the 12 in the commune of Bamako given as cercle.
 *   3 Gao + 2 Ménaka extortion (coalition) received Y-05-10, never acknowledged (overdue).
 *   1 Kayes embezzlement (coalition) Y-06-01, spam.
 *   7 Mopti embezzlement (S) received Y-06-15, acknowledged after 1 day.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { alertRow, forwardingRows, stateChangeRows, syntheticId } from '../../apps/server/src/adapters/synthetic-rows.ts';
import { acceptInvitation, invite } from './desk-pages.ts';
import { foreignRequests, launchChromium, recordRequests, startServer } from './harness.ts';
import type { RecordedRequest, RunningServer } from './harness.ts';
import { PASSWORD, setUpFromNode } from './offline-harness.ts';
import { axeViolations } from './reporter-pages.ts';

const SLOW = { timeout: 120_000 } as const;
const Y = new Date().getUTCFullYear() - 1;
const day = (md: string): string => `${Y}-${md}`;
const plus = (d: string, n: number): string => new Date(Date.parse(`${d}T09:00:00.000Z`) + n * 86_400_000).toISOString();

let server: RunningServer;
let browser: Browser;
let page: Page;
let requests: RecordedRequest[] = [];
const consoleErrors: string[] = [];
const ids = { coalition: '', cso: '', authority: '', bamakoCommune: '' };

type Row = Readonly<Record<string, unknown>>;
function insert(db: Database.Database, table: string, rows: readonly Row[]): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    db.prepare(`insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
  }
}

function insertFixture(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'kenekanko.sqlite'));
  try {
    const pick = (query: string): string => (db.prepare(query).get() as { id: string }).id;
    const actor = pick("select id from users where login = 'coordinator'");
    ids.coalition = pick("select id from organisations where kind = 'coalition'");
    ids.bamakoCommune = pick("select id from places where parent_id = 'district-bamako' order by id limit 1");
    ids.cso = syntheticId();
    ids.authority = syntheticId();
    const org = (id: string, kind: string, name: string) => ({ id, kind, name, x25519_public: '', ed25519_public: '', key_version: 0, created_at: `${Y}-01-01T00:00:00.000Z`, preset: null });
    insert(db, 'organisations', [org(ids.cso, 'cso', 'Association Sahel'), org(ids.authority, 'authority', 'Autorité d’essai')]);
    const alert = (orgId: string, received: string, kind: string, regionId: string, state: string, steps: [string, number][], cercleId: string | null = null): string => {
      const row = alertRow({ orgId, receivedDay: received, kind, regionId, cercleId, state });
      insert(db, 'alerts', [row]);
      insert(db, 'state_changes', stateChangeRows(row.id, steps.map(([to, n]) => [to, plus(received, n)] as const), actor));
      return row.id;
    };
    const march = day('03-02');
    const answers: (number | null)[] = [10, 10, 20, null];
    answers.forEach((answer, i) => {
      const closed = i === 0;
      const steps: [string, number][] = [['acknowledged', 2], ['in-verification', 3], ['verified', 7], ['forwarded', 8], ...(closed ? ([['closed', 40]] as [string, number][]) : [])];
      const id = alert(ids.coalition, march, 'bribery', 'district-bamako', closed ? 'closed' : 'forwarded', steps, i < 2 ? ids.bamakoCommune : null);
      const events = i === 0 ? ([['action', 'investigation-opened', plus(march, 30)], ['concluded', null, plus(march, 35)]] as const) : i === 1 ? ([['action', 'investigation-opened', plus(march, 30)]] as const) : ([] as const);
      const sent = plus(march, 8);
      const rows = forwardingRows({ alertId: id, fromOrgId: ids.coalition, toOrgId: ids.authority, sentAt: sent, acknowledgedAt: answer === null ? null : plus(march, 8 + answer), events, createdBy: actor });
      insert(db, 'forwardings', [rows.forwarding]);
      insert(db, 'forwarding_events', rows.events);
    });
    for (let i = 0; i < 8; i++) alert(ids.coalition, march, 'bribery', 'district-bamako', 'acknowledged', [['acknowledged', 4]], i < 3 ? ids.bamakoCommune : null);
    for (const region of ['region-gao', 'region-gao', 'region-gao', 'region-menaka', 'region-menaka']) alert(ids.coalition, day('05-10'), 'extortion', region, 'received', []);
    alert(ids.coalition, day('06-01'), 'embezzlement', 'region-kayes', 'spam', [['spam', 1]]);
    for (let i = 0; i < 7; i++) alert(ids.cso, day('06-15'), 'embezzlement', 'region-mopti', 'acknowledged', [['acknowledged', 1]]);
  } finally {
    db.close();
  }
}

/** The figures of a bar table, by row key: the value attribute (the exact count) and the text shown. */
async function tableOf(testId: string): Promise<Record<string, { value: string; text: string; label: string }>> {
  return page.locator(`[data-testid=${testId}] tr[data-key]`).evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((row) => {
        const value = row.querySelector('.bar-table__value');
        return [row.getAttribute('data-key') ?? '', { value: value?.getAttribute('data-value') ?? '', text: value?.textContent ?? '', label: row.querySelector('th')?.textContent ?? '' }];
      }),
    ),
  );
}

const valuesOf = async (testId: string): Promise<Record<string, number>> => Object.fromEntries(Object.entries(await tableOf(testId)).map(([k, v]) => [k, Number(v.value)]));

async function openDashboard(): Promise<void> {
  await page.click('[data-testid=nav-stats]');
  await page.waitForSelector('[data-testid=stats-ready]', SLOW);
}

beforeAll(async () => {
  server = await startServer({ REQUIRE_SECOND_FACTOR: 'false' });
  await setUpFromNode(server);
  insertFixture(server.dataDir);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'fr-FR', acceptDownloads: true });
  requests = recordRequests(context);
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(server.origin + '/desk');
  await page.waitForSelector('[data-testid=login-form]', SLOW);
  await page.fill('#login', 'coordinator');
  await page.fill('#password', PASSWORD);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=nav-stats]', SLOW);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the coordinators' dashboard", () => {
  it('shows the hand-computed counts by state, kind, region, cercle, organisation, authority and month', async () => {
    await openDashboard();
    expect(await page.getAttribute('[data-testid=stats-total]', 'data-value')).toBe('25');
    expect(await page.textContent('[data-testid=stats-total]')).toBe('25 alertes');
    expect(await valuesOf('stats-by-state')).toEqual({ acknowledged: 15, received: 5, forwarded: 3, closed: 1, spam: 1 });
    expect((await tableOf('stats-by-state'))['acknowledged']?.label).toBe('Accusé de réception');
    expect(await valuesOf('stats-by-kind')).toEqual({ bribery: 12, extortion: 5, embezzlement: 8 });
    expect((await tableOf('stats-by-kind'))['bribery']?.label).toBe('Corruption et racket');
    expect(await valuesOf('stats-by-region')).toEqual({ 'district-bamako': 12, 'region-mopti': 7, 'region-gao': 3, 'region-menaka': 2, 'region-kayes': 1 });
    expect(await valuesOf('stats-by-cercle')).toEqual({ [ids.bamakoCommune]: 5 });
    expect(await valuesOf('stats-by-organisation')).toEqual({ [ids.coalition]: 18, [ids.cso]: 7 });
    expect((await tableOf('stats-by-organisation'))[ids.cso]?.label).toBe('Association Sahel');
    expect(await valuesOf('stats-by-authority')).toEqual({ [ids.authority]: 4 });
    // A time axis has no gaps: April, without alerts, is drawn as 0.
    expect(await valuesOf('stats-by-month')).toEqual({ [`${Y}-03`]: 12, [`${Y}-04`]: 0, [`${Y}-05`]: 5, [`${Y}-06`]: 8 });
    expect(await page.locator('[data-testid=stats-months-chart] g[data-key]').count()).toBe(4);
  });

  it('shows the funnel with the share of received alerts reaching each step, and the times', async () => {
    const funnel = await tableOf('stats-funnel');
    // Received: 25 minus 1 spam. Acknowledged 4 + 8 + 7; verified and forwarded 4; answered 3; acted on 2; closed 1.
    expect(Object.fromEntries(Object.entries(funnel).map(([k, v]) => [k, v.text.replace(/\s/g, ' ')]))).toEqual({
      received: '24 (100 %)',
      acknowledged: '19 (79 %)',
      verified: '4 (17 %)',
      forwarded: '4 (17 %)',
      'authority-acknowledged': '3 (13 %)',
      'action-taken': '2 (8 %)',
      closed: '1 (4 %)',
    });
    // Acknowledgement: 7 × 1 day, 4 × 2, 8 × 4 → median 2, 90th percentile 4. Verification: 4 × 7. Answer: 10, 10, 20.
    const row = async (id: string) => page.locator(`[data-testid=${id}]`).evaluate((tr) => [tr.getAttribute('data-median'), tr.getAttribute('data-p90'), tr.getAttribute('data-count')]);
    expect(await row('stats-duration-acknowledgement')).toEqual(['2', '4', '19']);
    expect(await row('stats-duration-verification')).toEqual(['7', '7', '4']);
    expect(await row('stats-duration-authority-answer')).toEqual(['10', '20', '3']);
    expect(await page.locator('[data-testid=stats-duration-acknowledgement] td').first().textContent()).toBe('2 jours');
  });

  it('puts the key figures first: forwarded share, median acknowledgement, what is overdue', async () => {
    const key = async (id: string) => ((await page.textContent(`[data-testid=stats-key-${id}] dd`)) ?? '').replace(/\s/g, ' ');
    expect([await key('forwarded'), await key('median-ack'), await key('overdue-alerts'), await key('overdue-forwardings')]).toEqual(['4 (17 %)', '2 jours', '5', '1']);
  });

  it('lists what is overdue by organisation and by authority', async () => {
    expect(await valuesOf('stats-overdue-organisation')).toEqual({ [ids.coalition]: 5 });
    expect(await valuesOf('stats-overdue-authority')).toEqual({ [ids.authority]: 1 });
  });

  it('colours each region of the map with the legend colour of the class holding its count (Ménaka folded into Gao)', async () => {
    const legend = await page.locator('[data-testid=stats-map-legend] li').evaluateAll((items) =>
      items.map((li) => ({ key: li.getAttribute('data-class') ?? '', fill: li.getAttribute('data-fill') ?? '', min: Number(li.getAttribute('data-min')), max: Number(li.getAttribute('data-max')), text: li.textContent ?? '' })),
    );
    // Largest polygon 12 → classes of 5: 0, 1–5, 6–10, 11–15, 16–20, 21–25 (no suppressed class inside the desk).
    expect(legend.map((c) => c.text)).toEqual(['0', '1–5', '6–10', '11–15', '16–20', '21–25']);
    const regions = await page.locator('[data-testid=stats-map] path[data-iso]').evaluateAll((paths) =>
      paths.map((p) => ({ iso: p.getAttribute('data-iso') ?? '', fill: p.getAttribute('fill') ?? '', cls: p.getAttribute('data-class') ?? '', d: p.getAttribute('d') ?? '' })),
    );
    const expected: Record<string, number> = { 'ML-BA': 12, 'ML-GO': 5, 'ML-KY': 1, 'ML-MO': 7, 'ML-KD': 0, 'ML-KK': 0, 'ML-SG': 0, 'ML-SK': 0, 'ML-TT': 0 };
    expect(regions.map((r) => r.iso).sort()).toEqual(Object.keys(expected).sort());
    for (const region of regions) {
      const count = expected[region.iso] ?? -1;
      const holding = legend.find((c) => count >= c.min && count <= c.max);
      expect(holding, region.iso).toBeDefined();
      expect([region.iso, region.fill, region.cls]).toEqual([region.iso, holding?.fill, holding?.key]);
      expect(region.d.length).toBeGreaterThan(20);
    }
    expect(new Set(regions.map((r) => r.fill)).size).toBe(4);
    expect(await page.locator('[data-testid=stats-map] path[data-iso=ML-GO] title').textContent()).toMatch(/^Gao \(avec Ménaka\)\s:\s5$/);
  });

  it('passes axe-core (WCAG 2.1 A/AA), asks no other origin and breaks no CSP rule', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(foreignRequests(requests, server.origin)).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });

  it('filters by a calendar period, a kind and a region, keeping the filters while it reloads', async () => {
    await page.selectOption('#stats-period-kind', 'quarter');
    await page.selectOption('#stats-period', `${Y}-Q1`);
    await page.waitForSelector('[data-testid=stats-total][data-value="12"]', SLOW);
    expect(await valuesOf('stats-by-kind')).toEqual({ bribery: 12 });
    expect(await page.getAttribute('[data-testid=stats-report-period]', 'data-period')).toBe(`${Y}-Q1`);
    await page.selectOption('#stats-period-kind', 'year');
    await page.selectOption('#stats-period', String(Y));
    await page.selectOption('#stats-kind', 'embezzlement');
    await page.waitForSelector('[data-testid=stats-total][data-value="8"]', SLOW);
    await page.selectOption('#stats-region', 'region-mopti');
    await page.waitForSelector('[data-testid=stats-total][data-value="7"]', SLOW);
    expect(await valuesOf('stats-by-organisation')).toEqual({ [ids.cso]: 7 });
    await page.click('[data-testid=stats-refresh]');
    await page.waitForSelector('[data-testid=stats-total][data-value="7"]', SLOW);
    expect(await page.inputValue('#stats-kind')).toBe('embezzlement');
    await page.click('[data-testid=stats-reset]');
    await page.waitForSelector('[data-testid=stats-total][data-value="25"]', SLOW);
  });

  it("downloads the ended period's report as CSV and PDF with the session cookie", async () => {
    await page.selectOption('#stats-period-kind', 'year');
    await page.selectOption('#stats-period', String(Y));
    await page.waitForSelector('[data-testid=stats-ready]', SLOW);
    const fetchReport = async (format: string): Promise<{ name: string; bytes: Buffer }> => {
      const [download] = await Promise.all([page.waitForEvent('download', SLOW), page.click(`[data-testid=stats-report-${format}]`)]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path()) ?? '') };
    };
    const csv = await fetchReport('csv');
    expect(csv.name).toBe(`kenekanko-${Y}.csv`);
    expect(csv.bytes.toString('utf8')).toContain(String(Y));
    expect(await page.getAttribute('[data-testid=stats-report-pdf]', 'href')).toContain('lang=fr');
    const pdf = await fetchReport('pdf');
    expect(pdf.name).toBe(`kenekanko-${Y}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('is not offered to an analyst', async () => {
    const link = await invite(page, 'COSCLCCP', 'analyst', 'awa.analyste');
    const analyst = { login: 'awa.analyste', password: 'a long analyst password 2026' };
    const other = await acceptInvitation(await browser.newContext({ viewport: { width: 1000, height: 900 } }), link, analyst);
    await other.page.fill('#login', analyst.login);
    await other.page.fill('#password', analyst.password);
    await other.page.click('[data-testid=login-submit]');
    await other.page.waitForSelector('[data-testid=nav-inbox]', SLOW);
    expect(await other.page.locator('[data-testid=nav-stats]').count()).toBe(0);
  });
});
