/**
 * The partners' PDF report through the route, on both databases: a coordinator gets a PDF
 * that holds every published cell of the same period's JSON report (and nothing the JSON
 * hides), with ɛ ɔ ɲ ŋ in names intact; others are refused as for the other formats; an
 * open period is refused; missing fonts give a clear error instead of a broken file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { STATS_ROUTES, WRONGDOING_KIND_LABELS } from '@kenekanko/contracts';
import type { StatsRelease, WrongdoingKind } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { alertRow, forwardingRows } from '../../adapters/synthetic-rows.ts';
import type { Config } from '../../config/config.ts';
import { createHarness, START } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { pdfInfo, pdfText, renderedPageCount } from '../testing/pdf-tools.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldOrg } from '../testing/world.ts';

const TODAY = new Date('2025-07-02T10:00:00.000Z');
const CSO_NAME = 'Jɛkafɔ ɲɔgɔn ŋ';

type Fixture = { world: World; cso: WorldOrg; oclei: WorldOrg };

/** March 2025: 7 alerts to one CSO (5 bribery, 2 embezzlement; 6 in one region, 1 in another), 3 sent to OCLEI, 2 answered. */
async function insertFixture(h: Harness): Promise<Fixture> {
  const world = await createWorld(h);
  const [cso, oclei] = [await world.addOrg('cso', CSO_NAME), await world.addOrg('authority', 'OCLEI')];
  const actor = await world.addMember(cso, 'analyst');
  const regions = await h.db.selectFrom('places').select('id').where('kind', '=', 'region').orderBy('id').limit(2).execute();
  const [r1, r2] = regions.map((r) => r.id);
  const alerts = [...Array.from({ length: 5 }, () => 'bribery'), 'embezzlement', 'embezzlement'].map((kind, i) =>
    alertRow({ orgId: cso.id, receivedDay: `2025-03-${String(3 + i).padStart(2, '0')}`, kind, regionId: (i === 6 ? r2 : r1) ?? '', state: i < 3 ? 'forwarded' : 'received' }),
  );
  await h.db.insertInto('alerts').values(alerts).execute();
  for (const [i, alert] of alerts.slice(0, 3).entries()) {
    const rows = forwardingRows({ alertId: alert.id, fromOrgId: cso.id, toOrgId: oclei.id, sentAt: '2025-03-20T09:00:00.000Z', acknowledgedAt: i < 2 ? '2025-03-25T09:00:00.000Z' : null, events: [], createdBy: actor.userId });
    await h.db.insertInto('forwardings').values(rows.forwarding).execute();
  }
  h.advance((TODAY.getTime() - START.getTime()) / 1000);
  return { world, cso, oclei };
}

const squeeze = (text: string): string => text.replace(/[ \t]+/g, ' ');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(DATABASE_KINDS)('the PDF report on %s', (kind) => {
  let h: Harness;
  afterEach(async () => h.close());

  async function setUp(overrides: Partial<Config> = {}): Promise<Fixture> {
    h = await createHarness(kind, { statsSuppressionThreshold: 2, ...overrides });
    return insertFixture(h);
  }

  it('gives a coordinator a PDF holding every published cell of the JSON report', async () => {
    const f = await setUp();
    const cookie = await (await f.world.addMember(f.world.coalition, 'coordinator')).logIn();
    const response = await h.request('GET', `${STATS_ROUTES.report}?period=2025-03&format=pdf`, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="kenekanko-2025-03.pdf"');
    const pdf = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    expect(renderedPageCount(pdf)).toBe(Number(pdfInfo(pdf).Pages));

    const json = (await (await h.request('GET', `${STATS_ROUTES.report}?period=2025-03`, { cookie })).json()) as StatsRelease;
    const text = squeeze(pdfText(pdf));
    expect(text).toContain('Période : mars 2025 (2025-03)');
    expect(text).toContain('tout effectif inférieur à 2 est affiché « < 2 »');
    expect(text).toContain(CSO_NAME);
    const tables = json.periods[0]?.tables ?? [];
    expect(tables.length).toBe(8);
    for (const table of tables) {
      for (const row of table.rows) {
        const label = table.dimension === 'kind' ? WRONGDOING_KIND_LABELS.fr[row.key as WrongdoingKind] : row.label;
        const figure = row.cell.value === null ? '< ?2' : String(row.cell.value);
        expect(text, `${table.measure}/${table.dimension ?? ''} ${label}`).toMatch(new RegExp(`\\n${escape(label)} ${figure} `));
      }
    }
    // Hand-computed: 7 alerts, 5 of them bribery, 3 forwarded, 2 answered (all at or above 2).
    expect(text).toMatch(/\nmars 2025 7 3 2\n/);
    expect(text).toMatch(/\nCorruption et racket 5 71,4 ?%\n/);
    // The coalition received none (0 < 2, hidden), so the CSO's 7 is hidden too: total − 7 would give it away.
    expect(text).toMatch(new RegExp(`\\n${escape(CSO_NAME)} < ?2 —\\n`));
  });

  it('answers in English when asked, and refuses an unknown language', async () => {
    const f = await setUp();
    const cookie = await (await f.world.addMember(f.cso, 'coordinator')).logIn();
    const en = await h.request('GET', `${STATS_ROUTES.report}?period=2025-03&format=pdf&lang=en`, { cookie });
    expect(squeeze(pdfText(new Uint8Array(await en.arrayBuffer())))).toContain('Period: March 2025 (2025-03)');
    expect((await h.request('GET', `${STATS_ROUTES.report}?period=2025-03&format=pdf&lang=bm`, { cookie })).status).toBe(400);
  });

  it('refuses analysts and liaisons, and a period that has not ended', async () => {
    const f = await setUp();
    for (const member of [await f.world.addMember(f.cso, 'analyst'), await f.world.addMember(f.oclei, 'authority-liaison')]) {
      const refused = await h.request('GET', `${STATS_ROUTES.report}?period=2025-03&format=pdf`, { cookie: await member.logIn() });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).not.toBe('application/pdf');
    }
    const cookie = await (await f.world.addMember(f.world.coalition, 'coordinator')).logIn();
    const open = await h.request('GET', `${STATS_ROUTES.report}?period=2025-07&format=pdf`, { cookie });
    expect(open.status).toBe(409);
    expect(((await open.json()) as { error: { code: string } }).error.code).toBe('stats-period-open');
    expect((await h.request('GET', `${STATS_ROUTES.report}?period=2025-03&format=pdf`)).status).toBe(401);
  });

  it('says the fonts are missing instead of sending a PDF without them', async () => {
    const f = await setUp({ reportFontDir: '/nonexistent/fonts' });
    const cookie = await (await f.world.addMember(f.world.coalition, 'coordinator')).logIn();
    const response = await h.request('GET', `${STATS_ROUTES.report}?period=2025-03&format=pdf`, { cookie, headers: { 'accept-language': 'fr' } });
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('stats-report-unavailable');
    expect(body.error.message).toContain('REPORT_FONT_DIR');
    expect((await h.request('GET', `${STATS_ROUTES.report}?period=2025-03&format=csv`, { cookie })).status).toBe(200);
  });
});
