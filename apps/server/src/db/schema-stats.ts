/**
 * Tables of monitoring (migration 0007-stats): the cache of released statistics.
 * SECURITY: a body is the published, suppressed JSON of a period (what anyone may read at
 * /api/public/stats); no exact count under the threshold and nothing about a single alert.
 */
export type StatsTables = {
  stats_releases: StatsReleasesTable;
};

export type StatsReleasesTable = {
  key: string; // 'year:2026:2026-Q3:threshold-5'
  data_version: string;
  body: string;
  computed_at: string;
};
