/**
 * The HTTP API as typed functions, one per route in @kenekanko/contracts: requests are built
 * from the contracts' types, answers parsed with their schemas. The protocol modules
 * (setup, submit, reporter, staff) compose these; a UI normally calls those, not this.
 *
 * SECURITY: ids are checked against IdSchema before they enter a path, so a path can only
 * ever hold ids; lookup tokens, login keys and the setup token travel in bodies.
 */
import * as v from 'valibot';
import {
  AlertStateSchema,
  HealthResponseSchema,
  InboxResponseSchema,
  LoginResponseSchema,
  MeResponseSchema,
  NoteResponseSchema,
  PostMessageResponseSchema,
  ReporterAlertViewSchema,
  ROUTES,
  SaltResponseSchema,
  SetupResponseSchema,
  SetupStatusResponseSchema,
  StaffAlertViewSchema,
  TransitionResponseSchema,
} from '@kenekanko/contracts';
import type {
  AlertState,
  AlertSummary,
  Language,
  MeResponse,
  PostMessage,
  ReporterAlertView,
  SetupRequest,
  StaffAlertView,
  TransitionRequest,
} from '@kenekanko/contracts';
import { ApiError, ClientError } from './errors.ts';
import { solveChallenge } from './pow.ts';
import type { PowSolution } from './pow.ts';
import { intakeRoutes } from './intake-api-client.ts';
import type { IntakeApi } from './intake-api-client.ts';
import { chunkIndex, id } from './path-params.ts';
import { createTransport } from './transport.ts';
import type { RequestInfoForHook, Transport } from './transport.ts';

export type ApiClientOptions = {
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly language?: Language;
  readonly onRequest?: (info: RequestInfoForHook) => void;
  /** Keep the session cookie in memory (Node: CLI, tests). Defaults to true outside a browser page. */
  readonly cookieJar?: boolean;
  /** Send no cookie (see TransportOptions.anonymous): for the anonymous intake. */
  readonly anonymous?: boolean;
};

type Out<S extends v.GenericSchema> = v.InferOutput<S>;

export type ApiClient = IntakeApi & {
  readonly health: () => Promise<Out<typeof HealthResponseSchema>>;
  readonly setupStatus: () => Promise<Out<typeof SetupStatusResponseSchema>>;
  readonly setup: (request: SetupRequest) => Promise<Out<typeof SetupResponseSchema>>;
  readonly reporterAlert: (lookupToken: string) => Promise<ReporterAlertView>;
  readonly reporterPostMessage: (lookupToken: string, message: PostMessage) => Promise<Out<typeof PostMessageResponseSchema>>;
  readonly salt: (login: string) => Promise<Out<typeof SaltResponseSchema>>;
  readonly login: (login: string, loginKey: string) => Promise<Out<typeof LoginResponseSchema>>;
  readonly logout: () => Promise<void>;
  readonly me: () => Promise<MeResponse>;
  readonly inbox: (filter?: { readonly state?: AlertState }) => Promise<readonly AlertSummary[]>;
  readonly staffAlert: (alertId: string) => Promise<StaffAlertView>;
  readonly staffChunk: (alertId: string, blobId: string, index: number) => Promise<Uint8Array>;
  readonly transition: (alertId: string, request: TransitionRequest) => Promise<Out<typeof TransitionResponseSchema>>;
  readonly staffPostMessage: (alertId: string, message: PostMessage) => Promise<Out<typeof PostMessageResponseSchema>>;
  readonly addNote: (alertId: string, request: { readonly noteId: string; readonly envelope: string }) => Promise<Out<typeof NoteResponseSchema>>;
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

export function createApiClient(options: ApiClientOptions): ApiClient {
  const t = createTransport(options);
  const json = (body: unknown) => ({ json: body });
  const intake = intakeRoutes(t);
  /**
   * Sends without work first; when the server is under a flood it answers 'pow-required'
   * (throttles cost work instead of locking people out), and the request is solved and sent
   * again, transparently for the caller.
   */
  const withPow = async <T>(send: (pow?: PowSolution) => Promise<T>): Promise<T> => {
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
  return {
    ...intake,
    transport: t,
    withPow,
    health: () => t.json('GET', ROUTES.health, HealthResponseSchema),
    setupStatus: () => t.json('GET', ROUTES.setupStatus, SetupStatusResponseSchema),
    setup: (request) => t.json('POST', ROUTES.setup, SetupResponseSchema, json(request)),
    reporterAlert: (lookupToken) => withPow((pow) => t.json('POST', ROUTES.reporterAlert, ReporterAlertViewSchema, json({ lookupToken, pow }))),
    // A refused first try stores nothing (the throttle comes first), so the retry with work is safe.
    reporterPostMessage: (lookupToken, message) =>
      withPow((pow) => t.json('POST', ROUTES.reporterMessages, PostMessageResponseSchema, json({ lookupToken, message, pow }))),
    salt: (login) => withPow((pow) => t.json('POST', ROUTES.authSalt, SaltResponseSchema, json({ login, pow }))),
    login: (login, loginKey) => withPow((pow) => t.json('POST', ROUTES.authLogin, LoginResponseSchema, json({ login, loginKey, pow }))),
    logout: async () => {
      try {
        await t.empty('POST', ROUTES.authLogout);
      } finally {
        t.forgetCookies();
      }
    },
    me: () => t.json('GET', ROUTES.me, MeResponseSchema),
    inbox: async (filter = {}) => {
      if (filter.state !== undefined && !v.is(AlertStateSchema, filter.state)) throw new ClientError('bad-input', 'unknown state');
      const query = filter.state === undefined ? '' : `?state=${filter.state}`;
      return (await t.json('GET', ROUTES.staffAlerts + query, InboxResponseSchema)).alerts;
    },
    staffAlert: async (alertId) => t.json('GET', ROUTES.staffAlert(id(alertId)), StaffAlertViewSchema),
    staffChunk: async (alertId, blobId, index) => t.bytes('GET', ROUTES.staffChunk(id(alertId), id(blobId), chunkIndex(index))),
    transition: async (alertId, request) => t.json('POST', ROUTES.staffTransitions(id(alertId)), TransitionResponseSchema, json(request)),
    staffPostMessage: async (alertId, message) => t.json('POST', ROUTES.staffMessages(id(alertId)), PostMessageResponseSchema, json(message)),
    addNote: async (alertId, request) => t.json('POST', ROUTES.staffNotes(id(alertId)), NoteResponseSchema, json(request)),
  };
}
