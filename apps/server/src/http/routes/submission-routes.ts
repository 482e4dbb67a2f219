/**
 * The upload protocol: open (or resume) a submission, put encrypted chunks, finalize.
 * SECURITY: nothing here logs an id: with a timestamp it would pin a reporter's action to the
 * second (see logging/logger.ts).
 */
import type { Hono } from 'hono';
import * as v from 'valibot';
import { ChunkParamsSchema, FinalizeAlertRequestSchema, IdSchema, OpenSubmissionRequestSchema, ROUTES } from '@kenekanko/contracts';
import { deleteBlobFiles, finalizeAlert, openSubmission, putChunk } from '../../features/submissions/index.ts';
import { parseParams, readBytes, readJson } from '../parse.ts';
import { ROUTE_PATTERNS } from '../route-patterns.ts';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

const SubmissionParamsSchema = v.strictObject({ submissionId: IdSchema });

export function registerSubmissionRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  const limits = {
    maxAlertBytes: s.config.maxAlertBytes,
    maxFileBytes: s.config.maxFileBytes,
    storageQuotaBytesPerDay: s.config.storageQuotaBytesPerDay,
  };

  app.post(ROUTES.submissions, async (c) => {
    const request = await readJson(c, OpenSubmissionRequestSchema);
    return c.json(await openSubmission(s.storage.read.uploads, s.pow, limits, request, s.clock()));
  });

  app.put(ROUTE_PATTERNS.chunk, async (c) => {
    const address = parseParams(ChunkParamsSchema, c.req.param());
    const bytes = await readBytes(c);
    return c.json(await putChunk(s.storage, s.files, limits, address, bytes, s.clock()));
  });

  app.post(ROUTE_PATTERNS.finalize, async (c) => {
    const { submissionId } = parseParams(SubmissionParamsSchema, c.req.param());
    const request = await readJson(c, FinalizeAlertRequestSchema);
    const outcome = await finalizeAlert(s.storage, s.peppers, submissionId, request, s.clock());
    const failures = await deleteBlobFiles(s.files, outcome.discardedBlobIds);
    if (failures > 0) s.logger.warn('could not delete discarded upload files', { count: failures });
    return c.json(outcome.response);
  });
}
