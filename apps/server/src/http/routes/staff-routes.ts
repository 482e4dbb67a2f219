/** The desk. Every route needs a session; every change is audited inside its transaction. */
import type { Hono } from 'hono';
import * as v from 'valibot';
import { IdSchema, InboxQuerySchema, NoteRequestSchema, PostMessageSchema, ROUTES, TransitionRequestSchema } from '@kenekanko/contracts';
import { addNote, changeState, inbox, postOrganisationMessage, staffAlertView, staffChunk } from '../../features/desk/index.ts';
import { parseParams, parseWith, readJson } from '../parse.ts';
import { ROUTE_PATTERNS } from '../route-patterns.ts';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';
import { staffGuard } from './auth-routes.ts';

const AlertParamsSchema = v.strictObject({ alertId: IdSchema });
const StaffChunkParamsSchema = v.strictObject({
  alertId: IdSchema,
  blobId: IdSchema,
  index: v.pipe(v.string(), v.regex(/^\d{1,6}$/), v.transform(Number)),
});

export function registerStaffRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  const guard = staffGuard(s);
  app.use('/api/staff/*', guard);

  app.get(ROUTES.staffAlerts, async (c) => {
    const query = parseWith(InboxQuerySchema, c.req.query());
    return c.json({ alerts: await inbox(s.storage.read, c.var.staff.userId, query.state) });
  });

  app.get(ROUTE_PATTERNS.staffAlert, async (c) => {
    const { alertId } = parseParams(AlertParamsSchema, c.req.param());
    return c.json(await staffAlertView(s.storage, c.var.staff.userId, alertId, s.clock()));
  });

  app.get(ROUTE_PATTERNS.staffChunk, async (c) => {
    const address = parseParams(StaffChunkParamsSchema, c.req.param());
    const bytes = await staffChunk(s.storage, s.files, c.var.staff.userId, address, s.clock());
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment' });
  });

  app.post(ROUTE_PATTERNS.staffTransitions, async (c) => {
    const { alertId } = parseParams(AlertParamsSchema, c.req.param());
    const request = await readJson(c, TransitionRequestSchema);
    const result = await changeState(s.storage, s.files, c.var.staff.userId, alertId, request, s.clock());
    if (result.failedFileDeletions > 0) s.logger.warn('could not delete spam files', { count: result.failedFileDeletions, alertId });
    return c.json({ state: result.state });
  });

  app.post(ROUTE_PATTERNS.staffMessages, async (c) => {
    const { alertId } = parseParams(AlertParamsSchema, c.req.param());
    const message = await readJson(c, PostMessageSchema);
    return c.json(await postOrganisationMessage(s.storage, c.var.staff.userId, alertId, message, s.clock()));
  });

  app.post(ROUTE_PATTERNS.staffNotes, async (c) => {
    const { alertId } = parseParams(AlertParamsSchema, c.req.param());
    const note = await readJson(c, NoteRequestSchema);
    return c.json(await addNote(s.storage, c.var.staff.userId, alertId, note, s.clock()));
  });
}
