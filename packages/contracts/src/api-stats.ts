/**
 * HTTP schemas and routes of monitoring (issue 5): the coordinators' dashboard (exact counts,
 * never leaves the desk) and the released statistics of a fixed calendar period (public JSON,
 * partners' CSV/JSON reports) with small counts suppressed.
 * SECURITY: everything here is built from workflow fields and the closed-list statistics
 * fields only (DESIGN §2). A released cell is either a number at or above the threshold or
 * `{ value: null, suppressed: true }`; a reader cannot tell a small cell from one hidden to
 * protect it (secondary suppression), see docs/adr/0017-small-count-suppression.md.
 */
import * as v from 'valibot';
import { PlaceIdSchema } from './primitives.ts';
import { WrongdoingKindSchema } from './vocab.ts';

export const STATS_ROUTES = {
  dashboard: '/api/staff/stats/dashboard',
  report: '/api/staff/stats/report',
  publicStats: '/api/public/stats',
} as const;

/** The default threshold: a cell under it is published as "< 5". */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

// ---- periods: fixed calendar periods only (never an arbitrary range) --------------------------

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** '2026', '2026-Q3' or '2026-07'. */
export const PeriodSchema = v.pipe(v.string(), v.regex(/^(19|20)\d{2}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'period (YYYY, YYYY-Qn or YYYY-MM)'));

export const DashboardQuerySchema = v.strictObject({
  period: v.optional(PeriodSchema),
  kind: v.optional(WrongdoingKindSchema),
  region: v.optional(PlaceIdSchema),
});
export type DashboardQuery = v.InferOutput<typeof DashboardQuerySchema>;

export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The languages a PDF report is written in (French by default: the partners' language). */
export const REPORT_LANGUAGES = ['fr', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const ReportQuerySchema = v.strictObject({
  period: PeriodSchema,
  format: v.optional(v.picklist(REPORT_FORMATS), 'json'),
  /** Only the PDF is translated; the CSV's header and the JSON's keys stay as they are. */
  lang: v.optional(v.picklist(REPORT_LANGUAGES), 'fr'),
});
export const PublicStatsQuerySchema = v.strictObject({ period: PeriodSchema });

// ---- the dashboard (exact counts, coordinators only) -----------------------------------------

const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

export const KeyedCountSchema = v.strictObject({ key: v.string(), label: v.string(), count: CountSchema });
export type KeyedCount = v.InferOutput<typeof KeyedCountSchema>;

export const FUNNEL_STEPS = ['received', 'acknowledged', 'verified', 'forwarded', 'authority-acknowledged', 'action-taken', 'closed'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export const FunnelStepSchema = v.strictObject({ step: v.picklist(FUNNEL_STEPS), count: CountSchema, share: v.number() });

/** Days between two events, over the alerts (or forwardings) that reached the second one. */
export const DurationSchema = v.strictObject({ count: CountSchema, medianDays: v.nullable(v.number()), p90Days: v.nullable(v.number()) });
export type Duration = v.InferOutput<typeof DurationSchema>;

export const DashboardSchema = v.strictObject({
  scope: v.union([v.literal('all'), v.array(v.string())]),
  filters: DashboardQuerySchema,
  total: CountSchema,
  byState: v.array(KeyedCountSchema),
  byKind: v.array(KeyedCountSchema),
  byRegion: v.array(KeyedCountSchema),
  byCercle: v.array(KeyedCountSchema),
  byOrganisation: v.array(KeyedCountSchema),
  byAuthority: v.array(KeyedCountSchema),
  byMonth: v.array(KeyedCountSchema),
  funnel: v.array(FunnelStepSchema),
  durations: v.strictObject({ acknowledgement: DurationSchema, verification: DurationSchema, authorityAnswer: DurationSchema }),
  overdue: v.strictObject({ byOrganisation: v.array(KeyedCountSchema), byAuthority: v.array(KeyedCountSchema) }),
});
export type Dashboard = v.InferOutput<typeof DashboardSchema>;

// ---- released statistics (suppressed) --------------------------------------------------------

export const ReleasedCellSchema = v.strictObject({ value: v.nullable(CountSchema), suppressed: v.boolean() });
export type ReleasedCell = v.InferOutput<typeof ReleasedCellSchema>;

export const RELEASE_MEASURES = ['alerts', 'forwarded', 'answered'] as const;
export type ReleaseMeasure = (typeof RELEASE_MEASURES)[number];
export const RELEASE_DIMENSIONS = ['kind', 'region', 'organisation', 'authority'] as const;
export type ReleaseDimension = (typeof RELEASE_DIMENSIONS)[number];

export const ReleasedTableSchema = v.strictObject({
  measure: v.picklist(RELEASE_MEASURES),
  dimension: v.nullable(v.picklist(RELEASE_DIMENSIONS)),
  total: ReleasedCellSchema,
  rows: v.array(v.strictObject({ key: v.string(), label: v.string(), cell: ReleasedCellSchema })),
});
export type ReleasedTable = v.InferOutput<typeof ReleasedTableSchema>;

export const ReleasedPeriodSchema = v.strictObject({ period: PeriodSchema, kind: v.picklist(PERIOD_KINDS), tables: v.array(ReleasedTableSchema) });
export type ReleasedPeriod = v.InferOutput<typeof ReleasedPeriodSchema>;

/** A period and the ended periods nested in it (a year's quarters and months, a quarter's months). */
export const StatsReleaseSchema = v.strictObject({
  period: PeriodSchema,
  threshold: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** The month the figures were computed in (no exact date, DESIGN §2). */
  computedMonth: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/)),
  periods: v.array(ReleasedPeriodSchema),
});
export type StatsRelease = v.InferOutput<typeof StatsReleaseSchema>;
