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
  ChunkPutResponseSchema,
  FinalizeAlertResponseSchema,
  HealthResponseSchema,
  IdSchema,
  InboxResponseSchema,
  IntakeResponseSchema,
  LoginResponseSchema,
  MeResponseSchema,
  NoteResponseSchema,
  OpenSubmissionResponseSchema,
  PlacesResponseSchema,
  PostMessageResponseSchema,
  PowChallengeSchema,
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
  FinalizeAlertRequest,
  IntakeResponse,
  Language,
  MeResponse,
  OpenSubmissionRequest,
  OpenSubmissionResponse,
  Place,
  PostMessage,
  PowChallenge,
  ReporterAlertView,
  SetupRequest,
  StaffAlertView,
  TransitionRequest,
} from '@kenekanko/contracts';
import { ClientError } from './errors.ts';
import { createTransport } from './transport.ts';
import type { RequestInfoForHook } from './transport.ts';

export type ApiClientOptions = {
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly language?: Language;
  readonly onRequest?: (info: RequestInfoForHook) => void;
  /** Keep the session cookie in memory (Node: CLI, tests). Defaults to true outside a browser page. */
  readonly cookieJar?: boolean;
};

type Out<S extends v.GenericSchema> = v.InferOutput<S>;

export type ApiClient = {
  readonly language: Language;
  readonly health: () => Promise<Out<typeof HealthResponseSchema>>;
  readonly setupStatus: () => Promise<Out<typeof SetupStatusResponseSchema>>;
  readonly setup: (request: SetupRequest) => Promise<Out<typeof SetupResponseSchema>>;
  readonly intake: () => Promise<IntakeResponse>;
  readonly places: () => Promise<readonly Place[]>;
  readonly pow: () => Promise<PowChallenge>;
  readonly openSubmission: (request: OpenSubmissionRequest) => Promise<OpenSubmissionResponse>;
  readonly putChunk: (submissionId: string, blobId: string, index: number, envelope: Uint8Array) => Promise<Out<typeof ChunkPutResponseSchema>>;
  readonly finalize: (submissionId: string, request: FinalizeAlertRequest) => Promise<Out<typeof FinalizeAlertResponseSchema>>;
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
};

/** SECURITY: only a 22-character id may enter a path (see the header). Methods that call this are async, so it rejects. */
function id(value: string): string {
  // The value itself is never quoted: a caller's bug must not put a secret in an error.
  if (!v.is(IdSchema, value)) throw new ClientError('bad-input', 'a path parameter is not an id');
  return value;
}

function chunkIndex(index: number): number {
  if (!Number.isSafeInteger(index) || index < 0 || index > 999_999) throw new ClientError('bad-input', 'chunk index out of range');
  return index;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const t = createTransport(options);
  const json = (body: unknown) => ({ json: body });
  return {
    language: t.language,
    health: () => t.json('GET', ROUTES.health, HealthResponseSchema),
    setupStatus: () => t.json('GET', ROUTES.setupStatus, SetupStatusResponseSchema),
    setup: (request) => t.json('POST', ROUTES.setup, SetupResponseSchema, json(request)),
    intake: () => t.json('GET', ROUTES.intake, IntakeResponseSchema),
    places: async () => (await t.json('GET', ROUTES.places, PlacesResponseSchema)).places,
    pow: () => t.json('GET', ROUTES.pow, PowChallengeSchema),
    openSubmission: (request) => t.json('POST', ROUTES.submissions, OpenSubmissionResponseSchema, json(request)),
    putChunk: async (submissionId, blobId, index, envelope) =>
      t.json('PUT', ROUTES.chunk(id(submissionId), id(blobId), chunkIndex(index)), ChunkPutResponseSchema, { bytes: envelope }),
    finalize: async (submissionId, request) => t.json('POST', ROUTES.finalize(id(submissionId)), FinalizeAlertResponseSchema, json(request)),
    reporterAlert: (lookupToken) => t.json('POST', ROUTES.reporterAlert, ReporterAlertViewSchema, json({ lookupToken })),
    reporterPostMessage: (lookupToken, message) =>
      t.json('POST', ROUTES.reporterMessages, PostMessageResponseSchema, json({ lookupToken, message })),
    salt: (login) => t.json('POST', ROUTES.authSalt, SaltResponseSchema, json({ login })),
    login: (login, loginKey) => t.json('POST', ROUTES.authLogin, LoginResponseSchema, json({ login, loginKey })),
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
