/**
 * The dashboard's and the releases' figures read from the rollups (migration 0009,
 * stats-rollup.ts), each a grouped sum over the rows of one grain: a few hundred to a few
 * thousand rows at national scale instead of a scan of the alerts. Callers refresh the dirty
 * buckets first (stats-repo.ts). A filter whose days are not whole months cannot be read from
 * monthly buckets: `rollupFilter` says so and the caller takes the direct path.
 */
import { sql } from 'kysely';
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { DashboardCounts, DashboardFilter, DayHistogram, GroupCount, OverdueFacts, StatsScope } from '../features/stats/index.ts';
import { dashboardQueriesDirect } from './stats-direct.ts';
import type { YearCounts } from './stats-direct.ts';

/** A filter in rollup terms: scope, months [first, end), kind and region (undefined: all), and the filter itself. */
export type RollupFilter = { readonly scope: StatsScope; readonly months: readonly [string, string] | null; readonly kind: string | undefined; readonly region: string | undefined; readonly source: DashboardFilter };

/** The grain of rows split by kind (if `byKind`) and by region (if `byRegion`). */
const grainOf = (byKind: boolean, byRegion: boolean): string => (byKind ? (byRegion ? 'kind-region' : 'kind') : byRegion ? 'region' : 'all');

/** The filter in rollup terms, or null when its days are not whole months. */
export function rollupFilter(f: DashboardFilter): RollupFilter | null {
  if (f.days !== null && !(f.days.firstDay.endsWith('-01') && f.days.endDay.endsWith('-01'))) return null;
  const months = f.days === null ? null : ([f.days.firstDay.slice(0, 7), f.days.endDay.slice(0, 7)] as const);
  return { scope: f.scope, months, kind: f.kind, region: f.region, source: f };
}

type CountsQuery = SelectQueryBuilder<Database, 'stats_counts', object>;

/** Rows of `measure` in scope and period; the grain is the caller's (kind and region conditions). */
function rows(db: Db, f: RollupFilter, measure: string): CountsQuery {
  let q = db.selectFrom('stats_counts').where('measure', '=', measure);
  if (f.scope !== 'all') q = q.where('org_id', 'in', f.scope.length > 0 ? [...f.scope] : ['']);
  if (f.months !== null) q = q.where('month', '>=', f.months[0]).where('month', '<', f.months[1]);
  return q;
}

/** The rows of the filter's own grain: split exactly by the kind and region it filters on. */
const atGrain = (q: CountsQuery, f: RollupFilter): CountsQuery =>
  q.where('grain', '=', grainOf(f.kind !== undefined, f.region !== undefined)).where('kind', '=', f.kind ?? '*').where('region_id', '=', f.region ?? '*');

/** Rows split by kind (one kind if the filter has one), at the filter's region. */
function splitByKind(q: CountsQuery, f: RollupFilter): CountsQuery {
  const split = q.where('grain', '=', grainOf(true, f.region !== undefined)).where('region_id', '=', f.region ?? '*');
  return f.kind === undefined ? split : split.where('kind', '=', f.kind);
}

/** Rows split by region (one region if the filter has one), at the filter's kind. */
function splitByRegion(q: CountsQuery, f: RollupFilter): CountsQuery {
  const split = q.where('grain', '=', grainOf(f.kind !== undefined, true)).where('kind', '=', f.kind ?? '*');
  return f.region === undefined ? split : split.where('region_id', '=', f.region);
}

const toCounts = (list: readonly { key: string; n: number | string | bigint }[]): GroupCount[] =>
  list.map((r) => ({ key: r.key, count: Number(r.n) })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

async function sumBy(q: CountsQuery, key: 'key' | 'month' | 'org_id' | 'kind' | 'region_id'): Promise<GroupCount[]> {
  const list = await q.select([sql.ref<string>(key).as('key'), (eb) => eb.fn.sum<number>('n').as('n')]).groupBy(key).execute();
  return toCounts(list);
}

async function histogram(db: Db, f: RollupFilter, measure: string): Promise<DayHistogram> {
  const list = await sumBy(atGrain(rows(db, f, measure), f), 'key');
  return new Map(list.map((g) => [Number(g.key), g.count]));
}

async function funnel(db: Db, f: RollupFilter): Promise<DashboardCounts['reached']> {
  const [steps, states] = await Promise.all([sumBy(atGrain(rows(db, f, 'step'), f), 'key'), sumBy(atGrain(rows(db, f, 'state'), f).where('key', '=', 'closed'), 'key')]);
  const step = (name: string): number => steps.find((g) => g.key === name)?.count ?? 0;
  return { acknowledged: step('acknowledged'), verified: step('verified'), forwarded: step('forwarded'), 'authority-acknowledged': step('authority-acknowledged'), 'action-taken': step('action-taken'), closed: states[0]?.count ?? 0 };
}

/**
 * Each dashboard query on its own, by name (bench/stats-bench.ts times them one by one). Only
 * 'state' is kept split by kind and region at once (the releases' cells): the other figures of
 * one kind in one region come from the base tables (alerts_stats_kind_region_idx), a slice
 * small by construction, rather than from rollups that would outgrow the alerts themselves.
 */
export function rollupQueries(db: Db, f: RollupFilter) {
  const states = () => atGrain(rows(db, f, 'state'), f);
  const both = f.kind !== undefined && f.region !== undefined;
  const direct = dashboardQueriesDirect(db, f.source);
  return {
    byState: () => sumBy(states(), 'key'),
    byKind: () => sumBy(splitByKind(rows(db, f, 'state'), f), 'kind'),
    byRegion: () => sumBy(splitByRegion(rows(db, f, 'state'), f), 'region_id'),
    byCercle: async () => (both ? (await direct.byCercle()).filter((g) => g.key !== '') : sumBy(atGrain(rows(db, f, 'cercle'), f), 'key')),
    byOrganisation: () => sumBy(states(), 'org_id'),
    byMonth: () => sumBy(states(), 'month'),
    byAuthority: () => (both ? direct.byAuthority() : sumBy(atGrain(rows(db, f, 'authority'), f), 'key')),
    funnel: () => (both ? direct.funnel() : funnel(db, f)),
    toAcknowledgement: () => (both ? direct.toAcknowledgement() : histogram(db, f, 'to-acknowledgement')),
    toVerification: () => (both ? direct.toVerification() : histogram(db, f, 'to-verification')),
    toAuthorityAnswer: () => (both ? direct.toAuthorityAnswer() : histogram(db, f, 'to-authority-answer')),
  } as const;
}

export async function rollupDashboardCounts(db: Db, f: RollupFilter): Promise<DashboardCounts> {
  const q = rollupQueries(db, f);
  const [byState, byKind, byRegion, byCercle, byOrganisation, byMonth] = await Promise.all([q.byState(), q.byKind(), q.byRegion(), q.byCercle(), q.byOrganisation(), q.byMonth()]);
  const [byAuthority, reached, toAcknowledgement, toVerification, toAuthorityAnswer] = await Promise.all([q.byAuthority(), q.funnel(), q.toAcknowledgement(), q.toVerification(), q.toAuthorityAnswer()]);
  const total = byState.reduce((n, g) => n + g.count, 0);
  return { total, byState, byKind, byRegion, byCercle, byOrganisation, byAuthority, byMonth: [...byMonth].sort((a, b) => (a.key < b.key ? -1 : 1)), reached, toAcknowledgement, toVerification, toAuthorityAnswer };
}

export async function rollupOverdueFacts(db: Db, scope: StatsScope): Promise<OverdueFacts> {
  if (scope !== 'all' && scope.length === 0) return { unacknowledged: [], unanswered: [] };
  const all: RollupFilter = { scope, months: null, kind: undefined, region: undefined, source: { scope, days: null, kind: undefined, region: undefined } };
  const days = atGrain(rows(db, all, 'received-day'), all).select(['org_id', 'key', (eb) => eb.fn.sum<number>('n').as('n')]).groupBy(['org_id', 'key']);
  let flows = db.selectFrom('stats_flows').select(['from_org_id', 'to_org_id', 'period', (eb) => eb.fn.sum<number>('n').as('n')]).where('flow', '=', 'unanswered');
  // As before: a forwarding counts for its sender's scope, whichever organisation's alert it carries.
  if (scope !== 'all') flows = flows.where('from_org_id', 'in', [...scope]);
  const [a, fw] = await Promise.all([days.execute(), flows.groupBy(['from_org_id', 'to_org_id', 'period']).execute()]);
  return {
    unacknowledged: a.map((r) => ({ orgId: r.org_id, day: r.key, count: Number(r.n) })),
    unanswered: fw.map((r) => ({ fromOrgId: r.from_org_id, toOrgId: r.to_org_id, day: r.period, count: Number(r.n) })),
  };
}

export async function rollupYearCounts(db: Db, year: number): Promise<YearCounts> {
  const [first, end] = [`${year}-01`, `${year + 1}-01`];
  const alerts = db
    .selectFrom('stats_counts')
    .select(['month', 'kind', 'region_id', 'org_id', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('measure', '=', 'state')
    .where('grain', '=', 'kind-region')
    .where('month', '>=', first)
    .where('month', '<', end)
    // Spam is not an alert: it is deleted in substance and counted nowhere.
    .where('key', '<>', 'spam')
    .groupBy(['month', 'kind', 'region_id', 'org_id'])
    .execute();
  const flow = (name: 'sent' | 'answered') =>
    db.selectFrom('stats_flows').select(['period', 'to_org_id', (eb) => eb.fn.sum<number>('n').as('n')]).where('flow', '=', name).where('period', '>=', first).where('period', '<', end).groupBy(['period', 'to_org_id']).execute();
  const [list, sent, answered] = await Promise.all([alerts, flow('sent'), flow('answered')]);
  return {
    alerts: list.map((a) => ({ month: a.month, kind: a.kind, region: a.region_id, org: a.org_id, count: Number(a.n) })),
    forwarded: sent.map((f) => ({ month: f.period, authority: f.to_org_id, count: Number(f.n) })),
    answered: answered.map((f) => ({ month: f.period, authority: f.to_org_id, count: Number(f.n) })),
  };
}
