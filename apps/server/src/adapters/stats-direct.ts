/**
 * The monitoring figures straight from the base tables (alerts, state_changes, forwardings,
 * forwarding_events): the reference the rollups are proved against (stats-rollup.db.test.ts)
 * and the path for a filter the rollups cannot answer (days that are not whole months).
 * Whole days between two instants are computed in SQL (julianday on SQLite, date subtraction
 * on PostgreSQL) and returned as histograms, so medians and percentiles cost a few rows.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { RawBuilder, SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { DashboardCounts, DashboardFilter, DayHistogram, GroupCount, OverdueFacts, StatsScope, YearFacts } from '../features/stats/index.ts';

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
export function daysBetween(db: Db, to: RawBuilder<unknown>, from: RawBuilder<unknown>): RawBuilder<number> {
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

/** Each dashboard query on its own, by name, straight from the base tables. */
export function dashboardQueriesDirect(db: Db, f: DashboardFilter) {
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

export async function dashboardCountsDirect(db: Db, f: DashboardFilter): Promise<DashboardCounts> {
  const q = dashboardQueriesDirect(db, f);
  const [byState, byKind, byRegion, byCercle, byOrganisation, byMonth] = await Promise.all([q.byState(), q.byKind(), q.byRegion(), q.byCercle(), q.byOrganisation(), q.byMonth()]);
  const [authorities, reachedSteps, toAcknowledgement, toVerification, answer] = await Promise.all([q.byAuthority(), q.funnel(), q.toAcknowledgement(), q.toVerification(), q.toAuthorityAnswer()]);
  const total = byState.reduce((n, g) => n + g.count, 0);
  return { total, byState, byKind, byRegion, byCercle: byCercle.filter((g) => g.key !== ''), byOrganisation, byAuthority: authorities, byMonth: [...byMonth].sort((a, b) => (a.key < b.key ? -1 : 1)), reached: reachedSteps, toAcknowledgement, toVerification, toAuthorityAnswer: answer };
}

export async function overdueFactsDirect(db: Db, scope: StatsScope): Promise<OverdueFacts> {
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

/** A year's released counts (alerts by month, kind, region, organisation; forwardings sent and answered by month and recipient). */
export type YearCounts = Pick<YearFacts, 'alerts' | 'forwarded' | 'answered'>;

export async function yearCountsDirect(db: Db, year: number): Promise<YearCounts> {
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
  const [sent, acknowledged] = await Promise.all([flow('sent_at'), flow('acknowledged_at')]);
  return {
    alerts: alerts.map((a) => ({ month: a.month, kind: a.kind, region: a.region_id, org: a.org_id, count: Number(a.n) })),
    forwarded: sent.map((f) => ({ month: f.month, authority: f.to_org_id, count: Number(f.n) })),
    answered: acknowledged.map((f) => ({ month: f.month, authority: f.to_org_id, count: Number(f.n) })),
  };
}
