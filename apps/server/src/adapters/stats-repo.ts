/**
 * Adapters of features/stats: aggregate queries over alerts, state_changes, forwardings and
 * forwarding_events (workflow fields and statistics fields only), and the release cache.
 * Each dashboard figure is one grouped query over the filtered alerts, served by the indexes
 * of migration 0007 (bench/stats-bench.ts times them against a plain count(*)). Whole days
 * between two instants are computed in SQL (julianday on SQLite, date subtraction on
 * PostgreSQL) and returned as histograms, so medians and percentiles cost a few rows.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { RawBuilder, SelectQueryBuilder } from 'kysely';
import { WRONGDOING_KINDS } from '@kenekanko/contracts';
import type { Deadlines } from '@kenekanko/contracts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { DashboardCounts, DashboardFilter, DayHistogram, DimensionKey, GroupCount, StatsRepo, StatsRepos, StatsScope, YearFacts } from '../features/stats/index.ts';

/** A query over alerts, alone or joined with a history table. */
type AlertsQuery = SelectQueryBuilder<Database, 'alerts' | 'state_changes' | 'forwardings' | 'forwarding_events', object>;

/** The dashboard's filters; an empty scope matches nothing. */
function filtered<Q extends AlertsQuery>(query: Q, f: DashboardFilter): Q {
  let q = query;
  if (f.scope !== 'all') q = q.where('alerts.org_id', 'in', f.scope.length > 0 ? [...f.scope] : ['']) as Q;
  if (f.days !== null) q = q.where('alerts.received_day', '>=', f.days.firstDay).where('alerts.received_day', '<', f.days.endDay) as Q;
  if (f.kind !== undefined) q = q.where('alerts.kind', '=', f.kind) as Q;
  if (f.region !== undefined) q = q.where('alerts.region_id', '=', f.region) as Q;
  return q;
}

/** Whole days from `from` to `to` (days or instants; the day part is used). */
function daysBetween(db: Db, to: RawBuilder<unknown>, from: RawBuilder<unknown>): RawBuilder<number> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return sql<number>`(cast(substr(${to}, 1, 10) as date) - cast(substr(${from}, 1, 10) as date))`;
  return sql<number>`cast(julianday(substr(${to}, 1, 10)) - julianday(substr(${from}, 1, 10)) as integer)`;
}

const toCounts = (rows: readonly { key: string | null; n: number }[]): GroupCount[] =>
  rows.map((r) => ({ key: r.key ?? '', count: Number(r.n) })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

async function groupBy(db: Db, f: DashboardFilter, key: RawBuilder<string | null>): Promise<GroupCount[]> {
  const rows = await filtered(db.selectFrom('alerts'), f)
    .select([key.as('key'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(key)
    .execute();
  return toCounts(rows);
}

const histogram = (rows: readonly { d: number | null; n: number }[]): DayHistogram =>
  new Map(rows.filter((r) => r.d !== null).map((r) => [Number(r.d), Number(r.n)]));

/** Days from arrival to the first change into `state`, per alert that made it (one join, no per-alert subquery). */
async function toState(db: Db, f: DashboardFilter, state: string): Promise<DayHistogram> {
  const inner = filtered(db.selectFrom('state_changes').innerJoin('alerts', 'alerts.id', 'state_changes.alert_id'), f)
    .where('state_changes.to_state', '=', state)
    .select(['alerts.received_day as received', (eb) => eb.fn.min<string>('state_changes.created_at').as('at')])
    .groupBy(['alerts.id', 'alerts.received_day']);
  const d = daysBetween(db, sql.ref('t.at'), sql.ref('t.received'));
  const rows = await db.selectFrom(inner.as('t')).select([d.as('d'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(d).execute();
  return histogram(rows);
}

async function toAuthorityAnswer(db: Db, f: DashboardFilter): Promise<DayHistogram> {
  const d = daysBetween(db, sql.ref('forwardings.acknowledged_at'), sql.ref('forwardings.sent_at'));
  const rows = await filtered(db.selectFrom('forwardings').innerJoin('alerts', 'alerts.id', 'forwardings.alert_id'), f)
    .where('forwardings.acknowledged_at', 'is not', null)
    .select([d.as('d'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(d)
    .execute();
  return histogram(rows);
}

/** How many alerts (spam aside) reached each step: grouped joins, each scanning one history table once. */
async function reached(db: Db, f: DashboardFilter): Promise<DashboardCounts['reached']> {
  const states = filtered(db.selectFrom('state_changes').innerJoin('alerts', 'alerts.id', 'state_changes.alert_id'), f)
    .where('alerts.state', '<>', 'spam')
    .where('state_changes.to_state', 'in', ['acknowledged', 'verified'])
    .select(['state_changes.to_state as step', sql<number>`count(distinct state_changes.alert_id)`.as('n')])
    .groupBy('state_changes.to_state')
    .execute();
  const forwarded = filtered(db.selectFrom('forwardings').innerJoin('alerts', 'alerts.id', 'forwardings.alert_id'), f)
    .select([sql<number>`count(distinct forwardings.alert_id)`.as('sent'), sql<number>`count(distinct case when forwardings.acknowledged_at is not null then forwardings.alert_id end)`.as('answered')])
    .executeTakeFirstOrThrow();
  const acted = filtered(db.selectFrom('forwarding_events').innerJoin('forwardings', 'forwardings.id', 'forwarding_events.forwarding_id').innerJoin('alerts', 'alerts.id', 'forwardings.alert_id'), f)
    .where('forwarding_events.kind', '=', 'action')
    .select(sql<number>`count(distinct forwardings.alert_id)`.as('n'))
    .executeTakeFirstOrThrow();
  const closed = filtered(db.selectFrom('alerts'), f).where('alerts.state', '=', 'closed').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const [stepRows, fw, action, closedRow] = await Promise.all([states, forwarded, acted, closed]);
  const step = (name: string): number => Number(stepRows.find((r) => r.step === name)?.n ?? 0);
  return { acknowledged: step('acknowledged'), verified: step('verified'), forwarded: Number(fw.sent), 'authority-acknowledged': Number(fw.answered), 'action-taken': Number(action.n), closed: Number(closedRow.n) };
}

async function byAuthority(db: Db, f: DashboardFilter): Promise<GroupCount[]> {
  const rows = await filtered(db.selectFrom('alerts'), f)
    .innerJoin('forwardings', 'forwardings.alert_id', 'alerts.id')
    .select(['forwardings.to_org_id as key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('forwardings.to_org_id')
    .execute();
  return toCounts(rows);
}

/** Each dashboard query on its own, by name (bench/stats-bench.ts times them one by one). */
export function dashboardQueries(db: Db, f: DashboardFilter) {
  return {
    byState: () => groupBy(db, f, sql<string>`alerts.state`),
    byKind: () => groupBy(db, f, sql<string>`alerts.kind`),
    byRegion: () => groupBy(db, f, sql<string>`alerts.region_id`),
    byCercle: () => groupBy(db, f, sql<string | null>`alerts.cercle_id`),
    byOrganisation: () => groupBy(db, f, sql<string>`alerts.org_id`),
    byMonth: () => groupBy(db, f, sql<string>`substr(alerts.received_day, 1, 7)`),
    byAuthority: () => byAuthority(db, f),
    funnel: () => reached(db, f),
    toAcknowledgement: () => toState(db, f, 'acknowledged'),
    toVerification: () => toState(db, f, 'verified'),
    toAuthorityAnswer: () => toAuthorityAnswer(db, f),
  } as const;
}

async function dashboardCounts(db: Db, f: DashboardFilter): Promise<DashboardCounts> {
  const q = dashboardQueries(db, f);
  const [byState, byKind, byRegion, byCercle, byOrganisation, byMonth] = await Promise.all([q.byState(), q.byKind(), q.byRegion(), q.byCercle(), q.byOrganisation(), q.byMonth()]);
  const [authorities, reachedSteps, toAcknowledgement, toVerification, answer] = await Promise.all([q.byAuthority(), q.funnel(), q.toAcknowledgement(), q.toVerification(), q.toAuthorityAnswer()]);
  const total = byState.reduce((n, g) => n + g.count, 0);
  return { total, byState, byKind, byRegion, byCercle: byCercle.filter((g) => g.key !== ''), byOrganisation, byAuthority: authorities, byMonth: [...byMonth].sort((a, b) => (a.key < b.key ? -1 : 1)), reached: reachedSteps, toAcknowledgement, toVerification, toAuthorityAnswer: answer };
}

async function overdueFacts(db: Db, scope: StatsScope): ReturnType<StatsRepo['overdueFacts']> {
  if (scope !== 'all' && scope.length === 0) return { unacknowledged: [], unanswered: [] };
  let alerts = db.selectFrom('alerts').select(['org_id', 'received_day', (eb) => eb.fn.countAll<number>().as('n')]).where('state', '=', 'received');
  if (scope !== 'all') alerts = alerts.where('org_id', 'in', [...scope]);
  const sentDay = sql<string>`substr(sent_at, 1, 10)`;
  let forwardings = db.selectFrom('forwardings').select(['from_org_id', 'to_org_id', sentDay.as('day'), (eb) => eb.fn.countAll<number>().as('n')]).where('state', '=', 'sent');
  if (scope !== 'all') forwardings = forwardings.where('from_org_id', 'in', [...scope]);
  const [a, fw] = await Promise.all([alerts.groupBy(['org_id', 'received_day']).execute(), forwardings.groupBy(['from_org_id', 'to_org_id', sentDay]).execute()]);
  return {
    unacknowledged: a.map((r) => ({ orgId: r.org_id, day: r.received_day, count: Number(r.n) })),
    unanswered: fw.map((r) => ({ fromOrgId: r.from_org_id, toOrgId: r.to_org_id, day: r.day, count: Number(r.n) })),
  };
}

export function createStatsRepos(db: Db): StatsRepos {
  return { stats: createStatsRepo(db) };
}

function createStatsRepo(db: Db): StatsRepo {
  return {
    dashboardCounts: (f) => dashboardCounts(db, f),
    overdueFacts: (scope) => overdueFacts(db, scope),
    async deadlinesOf(orgIds) {
      if (orgIds.length === 0) return new Map();
      const rows = await db.selectFrom('case_settings').selectAll().where('org_id', 'in', [...orgIds]).execute();
      return new Map(rows.map((r): [string, Deadlines] => [r.org_id, { acknowledgeDays: r.acknowledge_days, feedbackMonths: r.feedback_months, forwardingAcknowledgeDays: r.forwarding_acknowledge_days }]));
    },
    async labels() {
      const [orgs, places] = await Promise.all([db.selectFrom('organisations').select(['id', 'name']).execute(), db.selectFrom('places').select(['id', 'name']).execute()]);
      return new Map([...places, ...orgs].map((r) => [r.id, r.name]));
    },
    yearFacts: (year) => yearFacts(db, year),
    async dataVersion() {
      const row = await db
        .selectNoFrom([
          sql<number>`(select count(*) from alerts)`.as('alerts'),
          sql<string | null>`(select max(updated_at) from alerts)`.as('updated'),
          sql<number>`(select count(*) from forwardings)`.as('forwardings'),
          sql<number | null>`(select max(seq) from audit_log)`.as('audit'),
          sql<number>`(select count(*) from organisations)`.as('orgs'),
          sql<number>`(select count(*) from places)`.as('places'),
        ])
        .executeTakeFirstOrThrow();
      return [row.alerts, row.updated ?? '', row.forwardings, row.audit ?? 0, row.orgs, row.places].join('/');
    },
    async cachedRelease(key, dataVersion, freshSince) {
      const row = await db
        .selectFrom('stats_releases')
        .select('body')
        .where('key', '=', key)
        .where((eb) => eb.or([eb('data_version', '=', dataVersion), eb('computed_at', '>=', freshSince)]))
        .executeTakeFirst();
      return row?.body;
    },
    async saveRelease(key, dataVersion, body, at) {
      await db
        .insertInto('stats_releases')
        .values({ key, data_version: dataVersion, body, computed_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ data_version: dataVersion, body, computed_at: at }))
        .execute();
    },
  };
}

/** The first day a key may have a row: when it was created, or its first count if earlier. */
function withFirstMonth(key: DimensionKey, months: ReadonlyMap<string, string>): DimensionKey {
  const first = months.get(key.key);
  return first !== undefined && `${first}-01` < key.from ? { ...key, from: `${first}-01` } : key;
}

async function yearFacts(db: Db, year: number): Promise<YearFacts> {
  const [first, end] = [`${year}-01-01`, `${year + 1}-01-01`];
  const month = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;
  const alerts = await db
    .selectFrom('alerts')
    .select([month('received_day').as('month'), 'kind', 'region_id', 'org_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('received_day', '>=', first)
    .where('received_day', '<', end)
    // Spam is not an alert: it is deleted in substance and counted nowhere.
    .where('state', '<>', 'spam')
    .groupBy([month('received_day'), 'kind', 'region_id', 'org_id'])
    .execute();
  const flow = (column: 'sent_at' | 'acknowledged_at') =>
    db.selectFrom('forwardings').select([month(column).as('month'), 'to_org_id', (eb) => eb.fn.countAll<number>().as('n')]).where(column, '>=', first).where(column, '<', end).groupBy([month(column), 'to_org_id']).execute();
  const [sent, acknowledged, orgs, regions] = await Promise.all([
    flow('sent_at'),
    flow('acknowledged_at'),
    db.selectFrom('organisations').select(['id', 'kind', 'name', 'created_at']).orderBy('name').orderBy('id').execute(),
    db.selectFrom('places').select(['id', 'name']).where('kind', '=', 'region').orderBy('name').orderBy('id').execute(),
  ]);
  const firstMonths = new Map<string, string>();
  for (const r of [...alerts.map((a) => ({ key: a.org_id, month: a.month })), ...[...sent, ...acknowledged].map((f) => ({ key: f.to_org_id, month: f.month }))]) {
    const known = firstMonths.get(r.key);
    if (known === undefined || r.month < known) firstMonths.set(r.key, r.month);
  }
  // A key of the expected kind exists from its creation; any other org found in the counts (a
  // CSO receiving a forwarding) only from its first count, so that earlier periods never change.
  const keysOf = (kinds: readonly string[], seen: ReadonlySet<string>): DimensionKey[] =>
    orgs.flatMap((o) => {
      if (kinds.includes(o.kind)) return [withFirstMonth({ key: o.id, label: o.name, from: o.created_at.slice(0, 10), to: null }, firstMonths)];
      const month = firstMonths.get(o.id);
      return seen.has(o.id) && month !== undefined ? [{ key: o.id, label: o.name, from: `${month}-01`, to: null }] : [];
    });
  const routedTo = new Set(alerts.map((a) => a.org_id));
  const recipients = new Set([...sent, ...acknowledged].map((f) => f.to_org_id));
  const regionIds = new Set(regions.map((r) => r.id));
  const strayRegions = [...new Set(alerts.map((a) => a.region_id))].filter((id) => !regionIds.has(id)).sort();
  return {
    alerts: alerts.map((a) => ({ month: a.month, kind: a.kind, region: a.region_id, org: a.org_id, count: Number(a.n) })),
    forwarded: sent.map((f) => ({ month: f.month, authority: f.to_org_id, count: Number(f.n) })),
    answered: acknowledged.map((f) => ({ month: f.month, authority: f.to_org_id, count: Number(f.n) })),
    keys: {
      kind: WRONGDOING_KINDS.map((k) => ({ key: k, label: k, from: '0000-01-01', to: null })),
      region: [...regions.map((r) => ({ key: r.id, label: r.name })), ...strayRegions.map((id) => ({ key: id, label: id }))].map((r) => ({ ...r, from: '0000-01-01', to: null })),
      organisation: keysOf(['cso', 'coalition'], routedTo),
      authority: keysOf(['authority', 'media'], recipients),
    },
  };
}
