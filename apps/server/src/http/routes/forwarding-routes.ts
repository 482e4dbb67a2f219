/**
 * Routes of forwarding: drafts and package file chunks, sending, the liaison's inbox, one
 * forwarding, its follow-up events, an alert's forwardings, per-organisation settings, and the
 * reporter's consent to sharing with journalists (lookup token in the body, never in a URL).
 * Staff routes sit under /api/staff/, behind the staff guard and the CSRF check (app.ts).
 */
import type { Hono } from 'hono';
import * as v from 'valibot';
import {
  FORWARDING_ROUTE_PATTERNS,
  FORWARDING_ROUTES,
  ForwardingDraftRequestSchema,
  ForwardingEventRequestSchema,
  ForwardingSettingsSchema,
  ForwardRequestSchema,
  IdSchema,
  ReporterConsentRequestSchema,
} from '@kenekanko/contracts';
import {
  alertForwardings,
  changeForwardingSettings,
  forwardCase,
  forwardingInbox,
  forwardingSettings,
  forwardingView,
  giveJournalistConsent,
  openDraft,
  packageChunk,
  putPackageChunk,
  recordEvent,
} from '../../features/forwarding/index.ts';
import { deleteBlobFiles } from '../../features/submissions/index.ts';
import { parseParams, readBytes, readJson } from '../parse.ts';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

const ForwardingParams = v.strictObject({ forwardingId: IdSchema });
const AlertParams = v.strictObject({ alertId: IdSchema });
const OrgParams = v.strictObject({ orgId: IdSchema });
const ChunkParams = v.strictObject({ forwardingId: IdSchema, blobId: IdSchema, index: v.pipe(v.string(), v.regex(/^\d{1,6}$/), v.transform(Number)) });

function registerPackageRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.post(FORWARDING_ROUTES.drafts, async (c) => {
    const request = await readJson(c, ForwardingDraftRequestSchema);
    return c.json(await openDraft(s.storage, c.var.staff.userId, request, s.clock()));
  });

  app.put(FORWARDING_ROUTE_PATTERNS.fileChunk, async (c) => {
    const address = parseParams(ChunkParams, c.req.param());
    const bytes = await readBytes(c);
    return c.json(await putPackageChunk(s.storage, s.forwardingFiles, s.config.maxFileBytes, c.var.staff.userId, address, bytes));
  });

  app.get(FORWARDING_ROUTE_PATTERNS.fileChunk, async (c) => {
    const address = parseParams(ChunkParams, c.req.param());
    const bytes = await packageChunk(s.storage, s.forwardingFiles, c.var.staff.userId, address, s.clock());
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment' });
  });

  app.post(FORWARDING_ROUTES.forwardings, async (c) => {
    const request = await readJson(c, ForwardRequestSchema);
    const outcome = await forwardCase(s.storage, c.var.staff.userId, request, s.clock());
    const failures = await deleteBlobFiles(s.forwardingFiles, outcome.discardedFileIds);
    if (failures > 0) s.logger.warn('could not delete discarded package files', { count: failures });
    return c.json({ forwarding: outcome.summary, alertState: outcome.alertState });
  });
}

function registerFollowUpRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.get(FORWARDING_ROUTES.forwardings, async (c) => c.json({ forwardings: await forwardingInbox(s.storage.read, c.var.staff.userId) }));

  app.get(FORWARDING_ROUTE_PATTERNS.forwarding, async (c) => {
    const { forwardingId } = parseParams(ForwardingParams, c.req.param());
    return c.json(await forwardingView(s.storage, c.var.staff.userId, forwardingId, s.clock()));
  });

  app.post(FORWARDING_ROUTE_PATTERNS.events, async (c) => {
    const { forwardingId } = parseParams(ForwardingParams, c.req.param());
    const request = await readJson(c, ForwardingEventRequestSchema);
    return c.json(await recordEvent(s.storage, c.var.staff.userId, forwardingId, request, s.clock()));
  });

  app.get(FORWARDING_ROUTE_PATTERNS.alertForwardings, async (c) => {
    const { alertId } = parseParams(AlertParams, c.req.param());
    return c.json(await alertForwardings(s.storage, c.var.staff.userId, alertId, s.clock()));
  });

  app.get(FORWARDING_ROUTE_PATTERNS.settings, async (c) => {
    const { orgId } = parseParams(OrgParams, c.req.param());
    return c.json(await forwardingSettings(s.storage.read, c.var.staff.userId, orgId));
  });

  app.put(FORWARDING_ROUTE_PATTERNS.settings, async (c) => {
    const { orgId } = parseParams(OrgParams, c.req.param());
    const settings = await readJson(c, ForwardingSettingsSchema);
    return c.json(await changeForwardingSettings(s.storage, c.var.staff.userId, orgId, settings, s.clock()));
  });
}

export function registerForwardingRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  registerPackageRoutes(app, s);
  registerFollowUpRoutes(app, s);
  // SECURITY: nothing here logs: with a timestamp a line would pin a reporter's action to the second.
  app.post(FORWARDING_ROUTES.reporterConsent, async (c) => {
    const request = await readJson(c, ReporterConsentRequestSchema);
    return c.json(await giveJournalistConsent(s.storage, s.reporter, request, s.clock()));
  });
}
