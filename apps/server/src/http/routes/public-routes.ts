/** Health, setup, and what a reporter's browser loads first (intake, places, proof of work). */
import type { Hono } from 'hono';
import { PlaceIdSchema, ROUTES, SetupRequestSchema } from '@kenekanko/contracts';
import type { HealthResponseSchema } from '@kenekanko/contracts';
import * as v from 'valibot';
import { getIntake, paddedCommunesAnswer, placeOutline } from '../../features/intake/index.ts';
import { needsSetup, runSetup } from '../../features/setup/index.ts';
import { dayOf } from '../../features/shared/time.ts';
import { AppError } from '../app-error.ts';
import { parseParams, readJson } from '../parse.ts';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

export const SERVER_VERSION = '0.1.0';

type Health = v.InferOutput<typeof HealthResponseSchema>;

const PlaceParamsSchema = v.strictObject({ parentId: PlaceIdSchema });

export function registerPublicRoutes(app: Hono<StaffEnv>, s: AppServices): void {
  app.get(ROUTES.health, async (c) => {
    const setUp = !(await needsSetup(s.storage.read.directory));
    const health: Health = { status: 'ok', version: SERVER_VERSION, database: s.dialect, setUp };
    return c.json(health);
  });

  app.get(ROUTES.setupStatus, async (c) => c.json({ needsSetup: await needsSetup(s.storage.read.directory) }));

  app.post(ROUTES.setup, async (c) => {
    const request = await readJson(c, SetupRequestSchema);
    return c.json(await runSetup(s.storage, request, s.clock()), 201);
  });

  app.get(ROUTES.intake, async (c) => {
    const limits = { maxFileBytes: s.config.maxFileBytes, maxAlertBytes: s.config.maxAlertBytes };
    return c.json(await getIntake(s.storage.read.directory, s.pow, limits, s.clock()));
  });

  app.get(ROUTES.places, async (c) => c.json({ places: await s.storage.read.places.currentPlaces(dayOf(s.clock())) }));

  // The reporter's form opens with the outline and fetches a cercle's (or district's) communes when it is chosen,
  // so its first load stays small on 2G (issue 4; features/intake/place-parts.ts).
  app.get(ROUTES.placeOutline, async (c) => c.json({ places: placeOutline(await s.storage.read.places.currentPlaces(dayOf(s.clock()))) }));

  app.get(ROUTES.placeCommunes(':parentId'), async (c) => {
    const { parentId } = parseParams(PlaceParamsSchema, c.req.param());
    const answer = paddedCommunesAnswer(await s.storage.read.places.currentPlaces(dayOf(s.clock())), parentId);
    if (answer === null) throw new AppError('not-found');
    // SECURITY: padded to one length and never compressed (app.ts), so its size does not name the cercle.
    return c.body(answer, 200, { 'Content-Type': 'application/json' });
  });

  app.get(ROUTES.pow, async (c) => c.json(await s.pow.challenge(s.clock())));
}
