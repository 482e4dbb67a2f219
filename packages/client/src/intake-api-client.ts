/**
 * The routes a reporter's browser needs to file an alert (intake, places, proof of work,
 * upload, finalize), on their own: a page that files alerts can hold a client made of these
 * only, so the schemas of the desk's answers never reach a reporter's phone. createApiClient
 * is these plus the rest.
 */
import {
  ChunkPutResponseSchema,
  FinalizeAlertResponseSchema,
  IntakeResponseSchema,
  OpenSubmissionResponseSchema,
  PlacesResponseSchema,
  PowChallengeSchema,
  REPORTER_CONSENT_ROUTE,
  ROUTES,
  ReporterConsentResponseSchema,
} from '@kenekanko/contracts';
import type { FinalizeAlertRequest, IntakeResponse, Language, OpenSubmissionRequest, OpenSubmissionResponse, Place, PowChallenge } from '@kenekanko/contracts';

type PowSolution = OpenSubmissionRequest['pow'];
import type * as v from 'valibot';
import type { ApiClientOptions } from './api-client.ts';
import { chunkIndex, id } from './path-params.ts';
import { createTransport } from './transport.ts';
import type { Transport } from './transport.ts';

type Out<S extends v.GenericSchema> = v.InferOutput<S>;

export type IntakeApi = {
  readonly language: Language;
  readonly intake: () => Promise<IntakeResponse>;
  readonly places: () => Promise<readonly Place[]>;
  /** Regions, districts and cercles only (the form's first load). */
  readonly placeOutline: () => Promise<readonly Place[]>;
  readonly pow: () => Promise<PowChallenge>;
  readonly openSubmission: (request: OpenSubmissionRequest) => Promise<OpenSubmissionResponse>;
  readonly putChunk: (submissionId: string, blobId: string, index: number, envelope: Uint8Array) => Promise<Out<typeof ChunkPutResponseSchema>>;
  readonly finalize: (submissionId: string, request: FinalizeAlertRequest) => Promise<Out<typeof FinalizeAlertResponseSchema>>;
  /** The reporter's signed consent to sharing with journalists (idempotent), sent right after finalize. */
  readonly consent: (lookupToken: string, signature: string, pow?: PowSolution) => Promise<Out<typeof ReporterConsentResponseSchema>>;
};

export function intakeRoutes(t: Transport): IntakeApi {
  return {
    language: t.language,
    intake: () => t.json('GET', ROUTES.intake, IntakeResponseSchema),
    places: async () => (await t.json('GET', ROUTES.places, PlacesResponseSchema)).places,
    placeOutline: async () => (await t.json('GET', ROUTES.placeOutline, PlacesResponseSchema)).places,
    pow: () => t.json('GET', ROUTES.pow, PowChallengeSchema),
    openSubmission: (request) => t.json('POST', ROUTES.submissions, OpenSubmissionResponseSchema, { json: request }),
    putChunk: async (submissionId, blobId, index, envelope) =>
      t.json('PUT', ROUTES.chunk(id(submissionId), id(blobId), chunkIndex(index)), ChunkPutResponseSchema, { bytes: envelope }),
    finalize: async (submissionId, request) => t.json('POST', ROUTES.finalize(id(submissionId)), FinalizeAlertResponseSchema, { json: request }),
    consent: async (lookupToken, signature, pow) =>
      t.json('POST', REPORTER_CONSENT_ROUTE, ReporterConsentResponseSchema, { json: { lookupToken, signature, pow } }),
  };
}

export function createIntakeApiClient(options: ApiClientOptions): IntakeApi {
  return intakeRoutes(createTransport(options));
}
