/**
 * Tables of monitoring (migrations 0007-stats and 0009-stats-rollups): the cache of released
 * statistics, and the exact rollups of the dashboard with their dirty marks.
 * SECURITY: a body is the published, suppressed JSON of a period (what anyone may read at
 * /api/public/stats); no exact count under the threshold and nothing about a single alert.
 */
export type StatsTables = {
  stats_releases: StatsReleasesTable;
  stats_dirty: StatsDirtyTable;
  stats_counts: StatsCountsTable;
  stats_flows: StatsFlowsTable;
  stats_frozen_months: StatsFrozenMonthsTable;
};

export type StatsReleasesTable = {
  key: string; // 'year:2026:2026-Q3:threshold-5'
  data_version: string;
  body: string;
  computed_at: string;
};

/** A bucket (the alerts of one organisation received in one month) to recompute; written by triggers. */
export type StatsDirtyTable = {
  org_id: string;
  month: string; // 'YYYY-MM'
  version: number; // bumped by every change; a mark is cleared only at the version computed
};

/** Counts of one bucket, split by kind and region as the grain says ('*' where it does not split). */
export type StatsCountsTable = {
  org_id: string;
  month: string;
  grain: string; // 'kind-region' | 'kind' | 'region' | 'all'
  kind: string;
  region_id: string;
  measure: string; // 'state' | 'cercle' | 'step' | 'authority' | 'to-acknowledgement' | 'to-verification' | 'to-authority-answer' | 'received-day'
  key: string; // a state, cercle, step, recipient, whole days, or a day
  n: number;
};

/** Forwardings of a bucket's alerts: 'sent' and 'answered' by month, 'unanswered' by day sent. */
export type StatsFlowsTable = {
  org_id: string;
  month: string;
  flow: string; // 'sent' | 'answered' | 'unanswered'
  period: string; // 'YYYY-MM' ('sent', 'answered') or 'YYYY-MM-DD' ('unanswered')
  from_org_id: string;
  to_org_id: string;
  n: number;
};

/** The facts of an ended month as first released (migration 0010): never updated once written. */
export type StatsFrozenMonthsTable = {
  month: string; // 'YYYY-MM'
  threshold: number; // the suppression threshold in force when it was frozen
  facts: string; // JSON: FrozenMonthFacts (features/stats/frozen.ts)
  frozen_at: string;
};
