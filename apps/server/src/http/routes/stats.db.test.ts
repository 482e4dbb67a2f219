/**
 * Monitoring on both databases, from a known fixture whose figures are computed by hand:
 * the coordinators' dashboard (exact counts, funnel, times, overdue, filters, scope), who may
 * see it, and the released statistics (public JSON and partners' reports) with suppression,
 * caching across data changes and compression.
 *
 * Fixture (2025; org A and B are CSOs, OCLEI an authority; R1 holds cercle C1):
 *  A1 A 03-03 bribery R1/C1  ack 03-05, verified 03-10, forwarded; OCLEI sent 03-11, ack 03-21, action 04-01
 *  A2 A 03-04 bribery R1     ack 03-08, verified 03-20, forwarded; OCLEI sent 03-21, ack 04-20, action, concluded; closed 05-02
 *  A3 A 03-10 embezzlement R2 ack 03-11
 *  A4 A 04-02 embezzlement R2 ack 04-12, in verification
 *  A5 A 04-15 bribery R1     still received (overdue)
 *  A6 B 05-06 extortion R1   ack 05-07, verified 05-09, forwarded; OCLEI sent 05-10, never acknowledged (overdue)
 *  A7 B 05-20 bribery R2     still received (overdue)
 *  A8 A 05-25 other R1       spam
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, loadPublicStats } from '@kenekanko/client';
import { STATS_ROUTES } from '@kenekanko/contracts';
import type { Dashboard, StatsRelease } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { alertRow, forwardingRows, stateChangeRows } from '../../adapters/synthetic-rows.ts';
import { createHarness, PUBLIC_URL, START } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember, WorldOrg } from '../testing/world.ts';

const TODAY = new Date('2025-07-02T10:00:00.000Z');
const at = (day: string): string => `${day}T09:00:00.000Z`;

type Fixture = { world: World; a: WorldOrg; b: WorldOrg; oclei: WorldOrg; r1: string; r2: string; c1: string; actor: WorldMember };

async function insertFixture(h: Harness): Promise<Fixture> {
  const world = await createWorld(h);
  const [a, b, oclei] = [await world.addOrg('cso', 'Association A'), await world.addOrg('cso', 'Association B'), await world.addOrg('authority', 'OCLEI')];
  const actor = await world.addMember(a, 'analyst');
  const cercle = await h.db.selectFrom('places as c').innerJoin('places as r', 'r.id', 'c.parent_id').select(['c.id as c1', 'r.id as r1']).where('c.kind', '=', 'cercle').where('r.kind', '=', 'region').orderBy('c.id').limit(1).executeTakeFirstOrThrow();
  const other = await h.db.selectFrom('places').select('id').where('kind', '=', 'region').where('id', '<>', cercle.r1).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const [r1, r2, c1] = [cercle.r1, other.id, cercle.c1];
  const alerts: [string, WorldOrg, string, string, string, string, [string, string][]][] = [
    ['A1', a, '2025-03-03', 'bribery', r1, 'forwarded', [['acknowledged', '2025-03-05'], ['in-verification', '2025-03-06'], ['verified', '2025-03-10'], ['forwarded', '2025-03-11']]],
    ['A2', a, '2025-03-04', 'bribery', r1, 'closed', [['acknowledged', '2025-03-08'], ['in-verification', '2025-03-09'], ['verified', '2025-03-20'], ['forwarded', '2025-03-21'], ['closed', '2025-05-02']]],
    ['A3', a, '2025-03-10', 'embezzlement', r2, 'acknowledged', [['acknowledged', '2025-03-11']]],
    ['A4', a, '2025-04-02', 'embezzlement', r2, 'in-verification', [['acknowledged', '2025-04-12'], ['in-verification', '2025-04-13']]],
    ['A5', a, '2025-04-15', 'bribery', r1, 'received', []],
    ['A6', b, '2025-05-06', 'extortion', r1, 'forwarded', [['acknowledged', '2025-05-07'], ['in-verification', '2025-05-08'], ['verified', '2025-05-09'], ['forwarded', '2025-05-10']]],
    ['A7', b, '2025-05-20', 'bribery', r2, 'received', []],
    ['A8', a, '2025-05-25', 'other', r1, 'spam', [['spam', '2025-05-26']]],
  ];
  const ids = new Map<string, string>();
  for (const [name, org, day, kind, region, state, steps] of alerts) {
    const row = alertRow({ orgId: org.id, receivedDay: day, kind, regionId: region, cercleId: name === 'A1' ? c1 : null, state });
    ids.set(name, row.id);
    await h.db.insertInto('alerts').values(row).execute();
    const changes = stateChangeRows(row.id, steps.map(([to, d]) => [to, at(d)] as const), actor.userId);
    if (changes.length > 0) await h.db.insertInto('state_changes').values(changes).execute();
  }
  const forwardings = [
    { alert: 'A1', from: a, sent: '2025-03-11', ack: '2025-03-21', events: [['action', 'investigation-opened', at('2025-04-01')]] as const },
    { alert: 'A2', from: a, sent: '2025-03-21', ack: '2025-04-20', events: [['action', 'sanction', at('2025-04-25')], ['concluded', null, at('2025-04-30')]] as const },
    { alert: 'A6', from: b, sent: '2025-05-10', ack: null, events: [] as const },
  ];
  for (const f of forwardings) {
    const rows = forwardingRows({ alertId: ids.get(f.alert) ?? '', fromOrgId: f.from.id, toOrgId: oclei.id, sentAt: at(f.sent), acknowledgedAt: f.ack === null ? null : at(f.ack), events: f.events, createdBy: actor.userId });
    await h.db.insertInto('forwardings').values(rows.forwarding).execute();
    if (rows.events.length > 0) await h.db.insertInto('forwarding_events').values(rows.events).execute();
  }
  h.advance((TODAY.getTime() - START.getTime()) / 1000);
  return { world, a, b, oclei, r1, r2, c1, actor };
}

const counts = (groups: Dashboard['byState']): Record<string, number> => Object.fromEntries(groups.map((g) => [g.key, g.count]));

describe.each(DATABASE_KINDS)('monitoring on %s', (kind) => {
  let h: Harness;
  let f: Fixture;
  afterEach(async () => h.close());

  describe('the dashboard', () => {
    beforeEach(async () => {
      h = await createHarness(kind);
      f = await insertFixture(h);
    });

    async function dashboardOf(member: WorldMember, query = ''): Promise<Dashboard> {
      const response = await h.request('GET', `${STATS_ROUTES.dashboard}${query}`, { cookie: await member.logIn() });
      expect(response.status).toBe(200);
      return (await response.json()) as Dashboard;
    }

    it('gives a coalition coordinator exact counts, the funnel, times and overdue items that match hand-computed values', async () => {
      const d = await dashboardOf(await f.world.addMember(f.world.coalition, 'coordinator'));
      expect(d.scope).toBe('all');
      expect(d.total).toBe(8);
      expect(counts(d.byState)).toEqual({ forwarded: 2, closed: 1, acknowledged: 1, 'in-verification': 1, received: 2, spam: 1 });
      expect(counts(d.byKind)).toEqual({ bribery: 4, embezzlement: 2, extortion: 1, other: 1 });
      expect(counts(d.byRegion)).toEqual({ [f.r1]: 5, [f.r2]: 3 });
      expect(counts(d.byCercle)).toEqual({ [f.c1]: 1 });
      expect(counts(d.byOrganisation)).toEqual({ [f.a.id]: 6, [f.b.id]: 2 });
      expect(d.byOrganisation.find((g) => g.key === f.a.id)?.label).toBe('Association A');
      expect(counts(d.byAuthority)).toEqual({ [f.oclei.id]: 3 });
      expect(d.byMonth.map((g) => [g.key, g.count])).toEqual([['2025-03', 3], ['2025-04', 2], ['2025-05', 3]]);
      expect(d.funnel.map((s) => [s.step, s.count])).toEqual([['received', 7], ['acknowledged', 5], ['verified', 3], ['forwarded', 3], ['authority-acknowledged', 2], ['action-taken', 2], ['closed', 1]]);
      expect(d.funnel[1]?.share).toBe(0.7143);
      // Days: acknowledgement 2, 4, 1, 10, 1; verification 7, 16, 3; authority's answer 10, 30.
      expect(d.durations).toEqual({
        acknowledgement: { count: 5, medianDays: 2, p90Days: 10 },
        verification: { count: 3, medianDays: 7, p90Days: 16 },
        authorityAnswer: { count: 2, medianDays: 10, p90Days: 30 },
      });
      expect(counts(d.overdue.byOrganisation)).toEqual({ [f.a.id]: 1, [f.b.id]: 1 });
      expect(counts(d.overdue.byAuthority)).toEqual({ [f.oclei.id]: 1 });
    });

    it('filters by period, kind and region', async () => {
      const coordinator = await f.world.addMember(f.world.coalition, 'coordinator');
      expect((await dashboardOf(coordinator, '?period=2025-Q1')).total).toBe(3);
      expect((await dashboardOf(coordinator, '?period=2025-04')).total).toBe(2);
      expect((await dashboardOf(coordinator, '?period=2024')).total).toBe(0);
      const bribery = await dashboardOf(coordinator, '?kind=bribery');
      expect(bribery.total).toBe(4);
      expect(bribery.durations.acknowledgement).toEqual({ count: 2, medianDays: 2, p90Days: 4 });
      const r2 = await dashboardOf(coordinator, `?region=${f.r2}&period=2025`);
      expect(counts(r2.byKind)).toEqual({ embezzlement: 2, bribery: 1 });
      const bad = await h.request('GET', `${STATS_ROUTES.dashboard}?period=2025-03-01`, { cookie: await coordinator.logIn() });
      expect(bad.status).toBe(400);
    });

    it("shows a CSO's coordinator only its own organisation, and the deadlines it set", async () => {
      await h.db.insertInto('case_settings').values({ org_id: f.a.id, acknowledge_days: 365, feedback_months: 3, forwarding_acknowledge_days: 30, updated_by: f.actor.userId, updated_at: TODAY.toISOString() }).execute();
      const d = await dashboardOf(await f.world.addMember(f.a, 'coordinator'));
      expect(d.scope).toEqual([f.a.id]);
      expect(d.total).toBe(6);
      expect(counts(d.byOrganisation)).toEqual({ [f.a.id]: 6 });
      expect(counts(d.byAuthority)).toEqual({ [f.oclei.id]: 2 });
      // A5 (received 04-15) is within A's 365-day deadline; B's overdue alert is not A's to see.
      expect(d.overdue).toEqual({ byOrganisation: [], byAuthority: [] });
    });

    it('refuses analysts, liaisons, administrators and focal points', async () => {
      for (const member of [f.actor, await f.world.addMember(f.oclei, 'authority-liaison'), await f.world.addMember(f.world.coalition, 'administrator'), await f.world.addMember(f.a, 'focal-point')]) {
        const response = await h.request('GET', STATS_ROUTES.dashboard, { cookie: await member.logIn() });
        expect(response.status).toBe(403);
        const report = await h.request('GET', `${STATS_ROUTES.report}?period=2025-Q2`, { cookie: await member.logIn() });
        expect(report.status).toBe(403);
      }
      expect((await h.request('GET', STATS_ROUTES.dashboard)).status).toBe(401);
    });
  });

  describe('released statistics', () => {
    beforeEach(async () => {
      h = await createHarness(kind, { statsSuppressionThreshold: 2 });
      f = await insertFixture(h);
    });

    const publicStats = async (period: string): Promise<StatsRelease> => {
      const response = await h.request('GET', `${STATS_ROUTES.publicStats}?period=${period}`);
      expect(response.status).toBe(200);
      return (await response.json()) as StatsRelease;
    };

    it('publishes the exact figure of every cell at or above the threshold and hides the others', async () => {
      const release = await publicStats('2025-03');
      expect(release.periods.map((p) => p.period)).toEqual(['2025-03']);
      // March: A1, A2, A3; A1 and A2 sent to OCLEI; A1 answered.
      const expected: Record<string, number> = { 'alerts//': 3, 'alerts/kind/bribery': 2, 'alerts/kind/embezzlement': 1, [`alerts/region/${f.r1}`]: 2, [`alerts/region/${f.r2}`]: 1, 'forwarded//': 2, 'answered//': 1 };
      const shown = new Map<string, number | null>();
      for (const table of release.periods[0]?.tables ?? []) {
        const cells = table.dimension === null ? [{ key: '', cell: table.total }] : table.rows;
        for (const { key, cell } of cells) {
          const id = `${table.measure}/${table.dimension ?? ''}/${key}`;
          if ((expected[id] ?? 0) < 2) expect(cell).toEqual({ value: null, suppressed: true });
          if (!cell.suppressed) expect(cell.value).toBe(expected[id] ?? 0);
          shown.set(id, cell.value);
        }
      }
      expect([shown.get('alerts//'), shown.get('alerts/kind/bribery'), shown.get(`alerts/region/${f.r1}`), shown.get('forwarded//'), shown.get('answered//')]).toEqual([3, 2, 2, 2, null]);
      expect(release.periods[0]?.tables.map((t) => `${t.measure}/${t.dimension ?? ''}`)).toEqual(['alerts/', 'alerts/kind', 'alerts/region', 'forwarded/', 'answered/']);
      expect(JSON.stringify(release)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(JSON.stringify(release)).not.toContain(f.a.id);
    });


    it('lists every region-level place, the district of Bamako included, by its name, even with no alert', async () => {
      const regions = (await publicStats('2025-03')).periods[0]?.tables.find((t) => t.dimension === 'region')?.rows ?? [];
      const places = await h.db.selectFrom('places').select(['id', 'name']).where('kind', 'in', ['region', 'district']).execute();
      expect(regions.map((r) => r.key).sort()).toEqual(places.map((p) => p.id).sort());
      expect(regions.find((r) => r.key === 'district-bamako')).toMatchObject({ label: 'Bamako', cell: { value: null, suppressed: true } });
    });
    it("hides a quarter's total when one of its months is empty, or the quarter would reveal that month's 0", async () => {
      const release = await publicStats('2025-Q2');
      expect(release.periods.map((p) => p.period)).toEqual(['2025-Q2', '2025-04', '2025-05', '2025-06']);
      expect(release.periods.map((p) => p.tables[0]?.total)).toEqual([
        { value: null, suppressed: true },
        { value: 2, suppressed: false },
        { value: 2, suppressed: false },
        { value: null, suppressed: true },
      ]);
    });

    it('refuses a period that has not ended, and a range that is not a calendar period', async () => {
      const open = await h.request('GET', `${STATS_ROUTES.publicStats}?period=2025-Q3`);
      expect(open.status).toBe(409);
      expect(((await open.json()) as { error: { code: string } }).error.code).toBe('stats-period-open');
      expect((await h.request('GET', `${STATS_ROUTES.publicStats}?period=2025-03-01..2025-04-01`)).status).toBe(400);
    });

    it('computes a release once per data change, shared through the database, and serves it compressed', async () => {
      await publicStats('2025-Q2');
      const saved = await h.db.selectFrom('stats_releases').select(['key', 'data_version', 'body']).execute();
      expect(saved.map((r) => r.key)).toEqual(['release:2025-Q2:threshold-2']);
      // Tampering with the cached body shows it is served from the cache while nothing changed…
      const marked = JSON.parse(saved[0]?.body ?? '{}') as StatsRelease;
      await h.db.updateTable('stats_releases').set({ body: JSON.stringify({ ...marked, computedMonth: '1999-01' }) }).execute();
      expect((await publicStats('2025-Q2')).computedMonth).toBe('1999-01');
      // …and recomputed once an alert arrives, at most every five minutes (a flood cannot force recomputations).
      await h.db.updateTable('stats_releases').set({ computed_at: '2025-07-01T00:00:00.000Z' }).execute();
      expect((await publicStats('2025-Q2')).computedMonth).toBe('1999-01');
      await h.db.insertInto('alerts').values(alertRow({ orgId: f.b.id, receivedDay: '2025-06-01', kind: 'bribery', regionId: f.r1, state: 'received' })).execute();
      expect((await publicStats('2025-Q2')).computedMonth).toBe('2025-07');
      await h.db.insertInto('alerts').values(alertRow({ orgId: f.b.id, receivedDay: '2025-06-02', kind: 'bribery', regionId: f.r1, state: 'received' })).execute();
      const fresh = (await h.db.selectFrom('stats_releases').select('body').executeTakeFirstOrThrow()).body;
      await h.db.updateTable('stats_releases').set({ body: fresh.replace('"computedMonth":"2025-07"', '"computedMonth":"1999-02"') }).execute();
      expect((await publicStats('2025-Q2')).computedMonth).toBe('1999-02');
      h.advance(5 * 60 + 1);
      expect((await publicStats('2025-Q2')).computedMonth).toBe('2025-07');
      const response = await h.request('GET', `${STATS_ROUTES.publicStats}?period=2025-Q2`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.headers.get('content-encoding')).toBe('br');
    });

    it('gives coordinators the full report as JSON and as CSV that Excel opens', async () => {
      const coordinator = await f.world.addMember(f.a, 'coordinator');
      const cookie = await coordinator.logIn();
      const json = (await (await h.request('GET', `${STATS_ROUTES.report}?period=2025-Q2`, { cookie })).json()) as StatsRelease;
      const q2 = json.periods[0];
      expect(q2?.tables.map((t) => `${t.measure}/${t.dimension ?? ''}`)).toEqual(['alerts/', 'alerts/kind', 'alerts/region', 'alerts/organisation', 'forwarded/', 'forwarded/authority', 'answered/', 'answered/authority']);
      // Through @kenekanko/client, parsed by the contracts' schema.
      const publicQ2 = (await loadPublicStats(createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch }), '2025-Q2')).periods[0];
      // The public view is the same cells, fewer tables.
      expect(publicQ2?.tables).toEqual(q2?.tables.filter((t) => t.dimension === null || t.dimension === 'kind' || t.dimension === 'region'));
      const csv = await h.request('GET', `${STATS_ROUTES.report}?period=2025-Q2&format=csv`, { cookie });
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text).toContain('période;mesure;ventilation;clé;libellé;valeur\r\n');
      expect(text).toContain('2025-Q2;alerts;organisation;');
    });
  });
});
