/**
 * Client side of monitoring (issue 5): the coordinators' dashboard (exact counts, signed in)
 * and the released statistics of an ended calendar period (partners' report as JSON, public
 * statistics without a session). Answers are parsed with the contracts' schemas.
 * Nothing here is encrypted: the server builds every figure from fields it sees in clear.
 */
import { DashboardSchema, STATS_ROUTES, StatsReleaseSchema } from '@kenekanko/contracts';
import type { Dashboard, DashboardQuery, StatsRelease } from '@kenekanko/contracts';
import type { ApiClient } from '../api-client.ts';
import type { StaffSession } from '../staff-session.ts';

function withQuery(path: string, query: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** Exact counts for a coordinator (filters optional; period 'YYYY', 'YYYY-Qn' or 'YYYY-MM'). */
export function loadDashboard(session: StaffSession, query: DashboardQuery = {}): Promise<Dashboard> {
  return session.api.transport.json('GET', withQuery(STATS_ROUTES.dashboard, query), DashboardSchema);
}

/** The partners' report of an ended period, every table, small counts suppressed. */
export function loadStatsReport(session: StaffSession, period: string): Promise<StatsRelease> {
  return session.api.transport.json('GET', withQuery(STATS_ROUTES.report, { period, format: 'json' }), StatsReleaseSchema);
}

/** The public statistics of an ended period (no session needed). */
export function loadPublicStats(api: ApiClient, period: string): Promise<StatsRelease> {
  return api.transport.json('GET', withQuery(STATS_ROUTES.publicStats, { period }), StatsReleaseSchema);
}
