/**
 * The routes a reporter's follow-up needs (intake, places, proof of work, upload, and the
 * receipt's own alert and messages), on their own: the reporter's page builds its follow-up
 * from these, so the desk's answer schemas never reach a reporter's phone (issue 4's 60 KB).
 * createApiClient is these plus the staff and setup routes.
 *
 * SECURITY: lookup tokens travel in bodies, never in a URL.
 */
import { PostMessageResponseSchema, ReporterAlertViewSchema, ROUTES } from '@kenekanko/contracts';
import type { PostMessage, ReporterAlertView } from '@kenekanko/contracts';
import type * as v from 'valibot';
import type { ApiClientOptions } from './api-client.ts';
import { ApiError } from './errors.ts';
import { intakeRoutes } from './intake-api-client.ts';
import type { IntakeApi } from './intake-api-client.ts';
import { solveChallenge } from './pow.ts';
import type { PowSolution } from './pow.ts';
import { createTransport } from './transport.ts';
import type { Transport } from './transport.ts';

export type ReporterApi = IntakeApi & {
  readonly reporterAlert: (lookupToken: string) => Promise<ReporterAlertView>;
  readonly reporterPostMessage: (lookupToken: string, message: PostMessage) => Promise<v.InferOutput<typeof PostMessageResponseSchema>>;
  /**
   * The raw transport, for the issue-3 areas' own typed calls (packages/client/src/<area>/):
   * each builds its paths from its contracts' routes, with ids checked by path-params.ts.
   */
  readonly transport: Transport;
  /** Sends with a proof of work only when the server asks for one ('pow-required'). */
  readonly withPow: <T>(send: (pow?: PowSolution) => Promise<T>) => Promise<T>;
};

/** How many fresh challenges to solve for one request before giving up (one may expire meanwhile). */
const POW_ATTEMPTS = 2;

const isPowRequired = (error: unknown): boolean => error instanceof ApiError && error.code === 'pow-required';

/**
 * Sends without work first; when the server is under a flood it answers 'pow-required'
 * (throttles cost work instead of locking people out), and the request is solved and sent
 * again, transparently for the caller.
 */
function powRetry(intake: IntakeApi): ReporterApi['withPow'] {
  return async (send) => {
    try {
      return await send();
    } catch (error) {
      if (!isPowRequired(error)) throw error;
    }
    for (let attempt = 1; ; attempt++) {
      const solution = await solveChallenge(await intake.pow());
      try {
        return await send(solution);
      } catch (error) {
        if (!isPowRequired(error) || attempt >= POW_ATTEMPTS) throw error;
      }
    }
  };
}

export function reporterRoutes(t: Transport): ReporterApi {
  const intake = intakeRoutes(t);
  const withPow = powRetry(intake);
  return {
    ...intake,
    transport: t,
    withPow,
    reporterAlert: (lookupToken) => withPow((pow) => t.json('POST', ROUTES.reporterAlert, ReporterAlertViewSchema, { json: { lookupToken, pow } })),
    // A refused first try stores nothing (the throttle comes first), so the retry with work is safe.
    reporterPostMessage: (lookupToken, message) =>
      withPow((pow) => t.json('POST', ROUTES.reporterMessages, PostMessageResponseSchema, { json: { lookupToken, message, pow } })),
  };
}

export function createReporterApiClient(options: ApiClientOptions): ReporterApi {
  return reporterRoutes(createTransport(options));
}
