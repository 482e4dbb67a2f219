/**
 * Routes of monitoring: the coordinators' dashboard and reports (under /api/staff: the staff
 * guard and the CSRF check apply) and the public statistics (no session, cacheable,
 * compressed in app.ts). Parameters are parsed with the contracts' schemas; the feature
 * decides who may see what. The partners' report comes as JSON, CSV or PDF (`format`; the PDF
 * in French unless `lang=en`), all three from the one suppressed release.
 * SECURITY: the public answer is the suppressed release only, and like every request it is
 * logged without address or user agent (logging/).
 */
import type { Hono } from 'hono';
import { DashboardQuerySchema, PublicStatsQuerySchema, ReportQuerySchema, STATS_ROUTES } from '@kenekanko/contracts';
import { loadReportFonts } from '../../adapters/report-fonts.ts';
import { coordinatorScope, createPdfCache, dashboard, publicView, releaseCsv, releasePdf, statsRelease } from '../../features/stats/index.ts';
import { parseWith } from '../parse.ts';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

export function registerStatsRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  const threshold = s.config.statsSuppressionThreshold;
  const pdfs = createPdfCache();
  app.get(STATS_ROUTES.dashboard, async (c) => {
    const query = parseWith(DashboardQuerySchema, c.req.query());
    const today = s.clock().toISOString().slice(0, 10);
    return c.json(await dashboard(s.storage.read, c.var.staff.userId, query, today));
  });

  app.get(STATS_ROUTES.report, async (c) => {
    const { period, format, lang } = parseWith(ReportQuerySchema, c.req.query());
    await coordinatorScope(s.storage.read.accounts, c.var.staff.userId);
    const release = await statsRelease(s.storage.read.stats, period, threshold, s.clock());
    if (format === 'json') {
      c.header('Content-Disposition', `attachment; filename="kenekanko-${period}.json"`);
      return c.json(release);
    }
    if (format === 'pdf') {
      const pdf = await pdfs.get(release, lang, async () => releasePdf(release, { fonts: await loadReportFonts(s.config.reportFontDir), lang }));
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="kenekanko-${period}.pdf"`);
      return c.body(pdf);
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="kenekanko-${period}.csv"`);
    return c.body(releaseCsv(release));
  });

  app.get(STATS_ROUTES.publicStats, async (c) => {
    const { period } = parseWith(PublicStatsQuerySchema, c.req.query());
    const release = publicView(await statsRelease(s.storage.read.stats, period, threshold, s.clock()));
    // Every /api/ answer is no-store (security-headers.ts); the cost is kept low by the release cache instead.
    return c.json(release);
  });
}
