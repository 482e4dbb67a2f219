/**
 * The ports of monitoring: aggregate queries over workflow fields and statistics fields only
 * (never an envelope), and the release cache.
 * SECURITY: no port returns an alert id, a day or anything about a single alert; everything is
 * a count grouped by closed-list values, organisations, places or months.
 */
import type { Deadlines, DashboardQuery } from '@kenekanko/contracts';

/** Which alerts a dashboard covers: every one (coalition coordinators) or those routed to these organisations. */
export type StatsScope = 'all' | readonly string[];

export type DashboardFilter = {
  readonly scope: StatsScope;
  /** Received days, [firstDay, endDay). */
  readonly days: { readonly firstDay: string; readonly endDay: string } | null;
  readonly kind: DashboardQuery['kind'];
  readonly region: DashboardQuery['region'];
};

export type GroupCount = { readonly key: string; readonly count: number };
/** A histogram of whole days between two events: `days` → how many. */
export type DayHistogram = ReadonlyMap<number, number>;

export type DashboardCounts = {
  readonly total: number;
  readonly byState: readonly GroupCount[];
  readonly byKind: readonly GroupCount[];
  readonly byRegion: readonly GroupCount[];
  readonly byCercle: readonly GroupCount[];
  readonly byOrganisation: readonly GroupCount[];
  readonly byAuthority: readonly GroupCount[];
  readonly byMonth: readonly GroupCount[];
  readonly reached: Readonly<Record<'acknowledged' | 'verified' | 'forwarded' | 'authority-acknowledged' | 'action-taken' | 'closed', number>>;
  readonly toAcknowledgement: DayHistogram;
  readonly toVerification: DayHistogram;
  readonly toAuthorityAnswer: DayHistogram;
};

/** Open items by the day their clock started, for the overdue counts (deadlines differ per organisation). */
export type OverdueFacts = {
  /** Alerts still 'received': (organisation, received day) → count. */
  readonly unacknowledged: readonly { readonly orgId: string; readonly day: string; readonly count: number }[];
  /** Forwardings still 'sent': (sender, recipient, sent day) → count. */
  readonly unanswered: readonly { readonly fromOrgId: string; readonly toOrgId: string; readonly day: string; readonly count: number }[];
};

export type MonthlyAlerts = { readonly month: string; readonly kind: string; readonly region: string; readonly org: string; readonly count: number };
export type MonthlyFlow = { readonly month: string; readonly authority: string; readonly count: number };
/** A row key of a released table and the days it exists ([from, to), to null while current). */
/** With `months` (frozen facts), the key exists exactly in those 'YYYY-MM' months instead. */
export type DimensionKey = { readonly key: string; readonly label: string; readonly from: string; readonly to: string | null; readonly months?: readonly string[] };
/** A frozen month as stored (features/stats/frozen.ts): `facts` is JSON. */
export type FrozenMonthRow = { readonly month: string; readonly threshold: number; readonly facts: string };

export type YearFacts = {
  readonly alerts: readonly MonthlyAlerts[];
  readonly forwarded: readonly MonthlyFlow[];
  readonly answered: readonly MonthlyFlow[];
  readonly keys: Readonly<Record<'kind' | 'region' | 'organisation' | 'authority', readonly DimensionKey[]>>;
};

export type StatsRepo = {
  dashboardCounts(filter: DashboardFilter): Promise<DashboardCounts>;
  overdueFacts(scope: StatsScope): Promise<OverdueFacts>;
  /** Saved deadlines by organisation (absent: the defaults). */
  deadlinesOf(orgIds: readonly string[]): Promise<ReadonlyMap<string, Deadlines>>;
  /** Names of organisations and places, by id. */
  labels(): Promise<ReadonlyMap<string, string>>;
  yearFacts(year: number): Promise<YearFacts>;
  /** Changes whenever an alert, a state or a forwarding changes (any process, any instance). */
  dataVersion(): Promise<string>;
  /** The cached body when computed from `dataVersion`, or at or after `freshSince` (an instant) whatever the version. */
  cachedRelease(key: string, dataVersion: string, freshSince: string): Promise<string | undefined>;
  saveRelease(key: string, dataVersion: string, body: string, at: string): Promise<void>;
  /** The stored frozen months among `months`. */
  frozenMonths(months: readonly string[]): Promise<readonly FrozenMonthRow[]>;
  /** Stores each month not frozen yet; a month already stored (another process) is left as it is. */
  freezeMonths(rows: readonly FrozenMonthRow[], at: string): Promise<void>;
};

export type StatsRepos = { readonly stats: StatsRepo };
