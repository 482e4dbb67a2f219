/**
 * Adapters of features/stats: the dashboard's and the releases' figures, read from the exact
 * rollups of migration 0009 after bringing the buckets the triggers marked up to date
 * (stats-rollup.ts; docs/adr/0018-stats-rollups.md), and the release cache. The same figures
 * straight from the base tables are in stats-direct.ts, the reference the rollups are tested
 * against. Workflow fields and statistics fields only, never an envelope.
 */
import { sql } from 'kysely';
import { WRONGDOING_KINDS } from '@kenekanko/contracts';
import type { Deadlines } from '@kenekanko/contracts';
import type { Db } from '../db/database.ts';
import { REGION_LEVEL_KINDS } from '../places/index.ts';
import type { DimensionKey, StatsRepo, StatsRepos, YearFacts } from '../features/stats/index.ts';
import { dashboardCountsDirect } from './stats-direct.ts';
import type { YearCounts } from './stats-direct.ts';
import { refreshStats } from './stats-rollup.ts';
import { rollupDashboardCounts, rollupFilter, rollupOverdueFacts, rollupYearCounts } from './stats-rollup-queries.ts';

export function createStatsRepos(db: Db): StatsRepos {
  return { stats: createStatsRepo(db) };
}

async function yearCounts(db: Db, year: number): Promise<YearCounts> {
  await refreshStats(db);
  return rollupYearCounts(db, year);
}

function createStatsRepo(db: Db): StatsRepo {
  return {
    async dashboardCounts(f) {
      const rollup = rollupFilter(f);
      if (rollup === null) return dashboardCountsDirect(db, f);
      await refreshStats(db);
      return rollupDashboardCounts(db, rollup);
    },
    async overdueFacts(scope) {
      await refreshStats(db);
      return rollupOverdueFacts(db, scope);
    },
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
    async frozenMonths(months) {
      if (months.length === 0) return [];
      return db.selectFrom('stats_frozen_months').select(['month', 'threshold', 'facts']).where('month', 'in', [...months]).orderBy('month').execute();
    },
    async freezeMonths(rows, at) {
      if (rows.length === 0) return;
      // Insert if absent: the first version stored wins, and is never updated.
      await db
        .insertInto('stats_frozen_months')
        .values(rows.map((r) => ({ month: r.month, threshold: r.threshold, facts: r.facts, frozen_at: at })))
        .onConflict((oc) => oc.column('month').doNothing())
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
  const counts = await yearCounts(db, year);
  const [orgs, regions] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'kind', 'name', 'created_at']).orderBy('name').orderBy('id').execute(),
    db.selectFrom('places').select(['id', 'name']).where('kind', 'in', REGION_LEVEL_KINDS).orderBy('name').orderBy('id').execute(),
  ]);
  return withKeys(counts, orgs, regions);
}

type OrgRow = { readonly id: string; readonly kind: string; readonly name: string; readonly created_at: string };

/** The row keys of a year's tables: closed lists, the regions, and the organisations that may have rows. */
function withKeys(counts: YearCounts, orgs: readonly OrgRow[], regions: readonly { id: string; name: string }[]): YearFacts {
  const { alerts } = counts;
  const sent = counts.forwarded.map((f) => ({ to_org_id: f.authority, month: f.month }));
  const acknowledged = counts.answered.map((f) => ({ to_org_id: f.authority, month: f.month }));
  const firstMonths = new Map<string, string>();
  for (const r of [...alerts.map((a) => ({ key: a.org, month: a.month })), ...[...sent, ...acknowledged].map((f) => ({ key: f.to_org_id, month: f.month }))]) {
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
  const routedTo = new Set(alerts.map((a) => a.org));
  const recipients = new Set([...sent, ...acknowledged].map((f) => f.to_org_id));
  const regionIds = new Set(regions.map((r) => r.id));
  const strayRegions = [...new Set(alerts.map((a) => a.region))].filter((id) => !regionIds.has(id)).sort();
  return {
    ...counts,
    keys: {
      kind: WRONGDOING_KINDS.map((k) => ({ key: k, label: k, from: '0000-01-01', to: null })),
      region: [...regions.map((r) => ({ key: r.id, label: r.name })), ...strayRegions.map((id) => ({ key: id, label: id }))].map((r) => ({ ...r, from: '0000-01-01', to: null })),
      organisation: keysOf(['cso', 'coalition'], routedTo),
      authority: keysOf(['authority', 'media'], recipients),
    },
  };
}
