/**
 * The coordinators' dashboard: exact counts of the alerts in their scope, the follow-up
 * funnel, times to each step and what is overdue. Coordinators of the coalition see every
 * organisation; a CSO's coordinators see the alerts routed to their own organisation(s) and
 * the forwardings made from them.
 * SECURITY: exact counts never leave the desk; anything published goes through release.ts.
 * Nobody else reaches it: a member without the coordinator role gets 'forbidden'.
 */
import { DEFAULT_DEADLINES, FUNNEL_STEPS } from '@kenekanko/contracts';
import type { Dashboard, DashboardQuery, Deadlines, Duration, KeyedCount } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { AccountRepo } from '../accounts/index.ts';
import { addDays } from '../cases/index.ts';
import { parsePeriod } from './periods.ts';
import type { DayHistogram, GroupCount, OverdueFacts, StatsRepo, StatsScope } from './ports.ts';

export type DashboardRepos = { readonly accounts: AccountRepo; readonly stats: StatsRepo };

/** 'all' for a coordinator of the coalition, else the organisations the user coordinates. */
export async function coordinatorScope(accounts: AccountRepo, userId: string): Promise<StatsScope> {
  const coordinating = (await accounts.membershipsOf(userId)).filter((m) => m.role === 'coordinator');
  if (coordinating.some((m) => m.orgKind === 'coalition')) return 'all';
  const orgIds = coordinating.filter((m) => m.orgKind === 'cso').map((m) => m.orgId);
  if (orgIds.length === 0) throw new AppError('forbidden');
  return [...new Set(orgIds)].sort();
}

/** Nearest-rank percentile (a whole number of days), null when nothing reached the step. */
export function percentile(histogram: DayHistogram, fraction: number): number | null {
  const entries = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((n, [, count]) => n + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * total));
  let seen = 0;
  for (const [days, count] of entries) {
    seen += count;
    if (seen >= rank) return days;
  }
  return entries.at(-1)?.[0] ?? null;
}

export function duration(histogram: DayHistogram): Duration {
  const count = [...histogram.values()].reduce((n, c) => n + c, 0);
  return { count, medianDays: percentile(histogram, 0.5), p90Days: percentile(histogram, 0.9) };
}

/** Overdue counts: unacknowledged alerts by organisation, unanswered forwardings by recipient. */
export function overdueCounts(facts: OverdueFacts, deadlinesOf: (orgId: string) => Deadlines, today: string): { byOrganisation: GroupCount[]; byAuthority: GroupCount[] } {
  const byOrganisation = new Map<string, number>();
  const byAuthority = new Map<string, number>();
  for (const a of facts.unacknowledged) {
    if (addDays(a.day, deadlinesOf(a.orgId).acknowledgeDays) < today) byOrganisation.set(a.orgId, (byOrganisation.get(a.orgId) ?? 0) + a.count);
  }
  for (const f of facts.unanswered) {
    if (addDays(f.day, deadlinesOf(f.fromOrgId).forwardingAcknowledgeDays) < today) byAuthority.set(f.toOrgId, (byAuthority.get(f.toOrgId) ?? 0) + f.count);
  }
  const sorted = (m: Map<string, number>): GroupCount[] => [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  return { byOrganisation: sorted(byOrganisation), byAuthority: sorted(byAuthority) };
}

export async function dashboard(repos: DashboardRepos, userId: string, query: DashboardQuery, today: string): Promise<Dashboard> {
  const scope = await coordinatorScope(repos.accounts, userId);
  const period = query.period === undefined ? null : parsePeriod(query.period);
  const filter = { scope, days: period === null ? null : { firstDay: period.firstDay, endDay: period.endDay }, kind: query.kind, region: query.region };
  const [counts, overdue, labels] = await Promise.all([repos.stats.dashboardCounts(filter), repos.stats.overdueFacts(scope), repos.stats.labels()]);
  const orgIds = [...new Set([...overdue.unacknowledged.map((a) => a.orgId), ...overdue.unanswered.map((f) => f.fromOrgId)])];
  const saved = await repos.stats.deadlinesOf(orgIds);
  const late = overdueCounts(overdue, (orgId) => saved.get(orgId) ?? DEFAULT_DEADLINES, today);
  const named = (groups: readonly GroupCount[]): KeyedCount[] => groups.map((g) => ({ key: g.key, label: labels.get(g.key) ?? g.key, count: g.count }));
  const received = counts.total - (counts.byState.find((g) => g.key === 'spam')?.count ?? 0);
  const stepCount = (step: (typeof FUNNEL_STEPS)[number]): number => (step === 'received' ? received : counts.reached[step]);
  return {
    scope: scope === 'all' ? 'all' : [...scope],
    filters: query,
    total: counts.total,
    byState: named(counts.byState),
    byKind: named(counts.byKind),
    byRegion: named(counts.byRegion),
    byCercle: named(counts.byCercle),
    byOrganisation: named(counts.byOrganisation),
    byAuthority: named(counts.byAuthority),
    byMonth: named(counts.byMonth),
    funnel: FUNNEL_STEPS.map((step) => ({ step, count: stepCount(step), share: received === 0 ? 0 : Math.round((stepCount(step) / received) * 10_000) / 10_000 })),
    durations: { acknowledgement: duration(counts.toAcknowledgement), verification: duration(counts.toVerification), authorityAnswer: duration(counts.toAuthorityAnswer) },
    overdue: { byOrganisation: named(late.byOrganisation), byAuthority: named(late.byAuthority) },
  };
}
