/**
 * Monitoring (issue 5, server core): the coordinators' dashboard with exact counts, and the
 * released statistics of fixed calendar periods (public JSON, partners' CSV and JSON reports)
 * with small-count and secondary suppression. Built only from workflow fields and the
 * statistics fields (DESIGN §2): nothing here decrypts anything.
 */
export type { DashboardCounts, DashboardFilter, DayHistogram, DimensionKey, FrozenMonthRow, GroupCount, MonthlyAlerts, MonthlyFlow, OverdueFacts, StatsRepo, StatsRepos, StatsScope, YearFacts } from './ports.ts';
export { coordinatorScope, dashboard, duration, overdueCounts, percentile } from './dashboard.ts';
export type { DashboardRepos } from './dashboard.ts';
export { publicView, statsRelease } from './release.ts';
export { csvCell, releaseCsv, CSV_BOM } from './report-csv.ts';
export { releasePdf } from './report-pdf.ts';
export { createPdfCache } from './report-pdf-cache.ts';
export type { PdfCache } from './report-pdf-cache.ts';
export type { PdfOptions, ReportFonts } from './report-pdf.ts';
export { hasEnded, nestedPeriods, parsePeriod, releaseStages } from './periods.ts';
export type { Period } from './periods.ts';
export { suppress } from './suppression.ts';
export { exposedCells } from './exposure.ts';
