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
  SetupRequest,
  StaffAlertView,
  TransitionRequest,
} from '@kenekanko/contracts';
import { ClientError } from './errors.ts';
import { reporterRoutes } from './reporter-api-client.ts';
import type { ReporterApi } from './reporter-api-client.ts';
import { chunkIndex, id } from './path-params.ts';
import { createTransport } from './transport.ts';
import type { RequestInfoForHook } from './transport.ts';

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

export type ApiClient = ReporterApi & {
  readonly health: () => Promise<Out<typeof HealthResponseSchema>>;
  readonly setupStatus: () => Promise<Out<typeof SetupStatusResponseSchema>>;
  readonly setup: (request: SetupRequest) => Promise<Out<typeof SetupResponseSchema>>;
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
};

export function createApiClient(options: ApiClientOptions): ApiClient {
  const t = createTransport(options);
  const json = (body: unknown) => ({ json: body });
  const reporter = reporterRoutes(t);
  const { withPow } = reporter;
  return {
    ...reporter,
    health: () => t.json('GET', ROUTES.health, HealthResponseSchema),
    setupStatus: () => t.json('GET', ROUTES.setupStatus, SetupStatusResponseSchema),
    setup: (request) => t.json('POST', ROUTES.setup, SetupResponseSchema, json(request)),
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
