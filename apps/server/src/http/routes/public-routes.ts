/** Health, setup, and what a reporter's browser loads first (intake, places, proof of work). */
import type { Hono } from 'hono';
import { ROUTES, SetupRequestSchema } from '@kenekanko/contracts';
import type { HealthResponseSchema } from '@kenekanko/contracts';
import type * as v from 'valibot';
import { getIntake, placeOutline } from '../../features/intake/index.ts';
import { needsSetup, runSetup } from '../../features/setup/index.ts';
import { dayOf } from '../../features/shared/time.ts';
import { readJson } from '../parse.ts';
import type { AppServices } from '../services.ts';
import type { StaffEnv } from '../staff-session.ts';

export const SERVER_VERSION = '0.1.0';

type Health = v.InferOutput<typeof HealthResponseSchema>;

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

  // The reporter's form opens with the outline, so its first load stays small on 2G, and takes a cercle's communes
  // from the whole list above when one is chosen. SECURITY: no route names a place (features/intake/place-parts.ts).
  app.get(ROUTES.placeOutline, async (c) => c.json({ places: placeOutline(await s.storage.read.places.currentPlaces(dayOf(s.clock()))) }));

  app.get(ROUTES.pow, async (c) => c.json(await s.pow.challenge(s.clock())));
}
