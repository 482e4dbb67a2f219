/** The reporter's follow-up: the lookup token travels in the body, never in a URL. */
import type { Hono } from 'hono';
import { ReporterLookupRequestSchema, ReporterPostMessageRequestSchema, ROUTES } from '@kenekanko/contracts';
import { postReporterMessage, reporterAlertView } from '../../features/reporter/index.ts';
import { readJson } from '../parse.ts';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

export function registerReporterRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.post(ROUTES.reporterAlert, async (c) => {
    const { lookupToken, pow } = await readJson(c, ReporterLookupRequestSchema);
    return c.json(await reporterAlertView(s.storage, s.reporter, lookupToken, s.clock(), pow));
  });

  app.post(ROUTES.reporterMessages, async (c) => {
    const { lookupToken, message, pow } = await readJson(c, ReporterPostMessageRequestSchema);
    const result = await postReporterMessage(s.storage, s.files, s.reporter, { lookupToken, message, pow }, s.clock());
    // SECURITY (H1 audit): only on a disk failure, with a count and no route or id; the operator
    // must learn of it, and the line says no more than "some reporter posted today".
    if (result.failedFileDeletions > 0) s.logger.warn('could not delete discarded upload files', { count: result.failedFileDeletions });
    return c.json({ seq: result.seq });
  });
}
