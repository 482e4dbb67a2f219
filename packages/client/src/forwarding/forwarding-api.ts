/** The forwarding routes as typed calls over the session's transport (paths from contracts, ids checked). */
import type * as v from 'valibot';
import {
  AlertForwardingsResponseSchema,
  ChunkPutResponseSchema,
  FORWARDING_ROUTES,
  ForwardingDraftResponseSchema,
  ForwardingEventResponseSchema,
  ForwardingInboxResponseSchema,
  ForwardingSettingsSchema,
  ForwardingViewSchema,
  ForwardResponseSchema,
  ReporterConsentResponseSchema,
} from '@kenekanko/contracts';
import type { ForwardingDraftRequest, ForwardingEventRequest, ForwardingSettings, ForwardRequest } from '@kenekanko/contracts';
import type { ReporterApi } from '../reporter-api-client.ts';
import { chunkIndex, id } from '../path-params.ts';

type Out<S extends v.GenericSchema> = v.InferOutput<S>;

export type ForwardingApi = {
  readonly draft: (request: ForwardingDraftRequest) => Promise<Out<typeof ForwardingDraftResponseSchema>>;
  readonly putChunk: (forwardingId: string, blobId: string, index: number, bytes: Uint8Array) => Promise<Out<typeof ChunkPutResponseSchema>>;
  readonly getChunk: (forwardingId: string, blobId: string, index: number) => Promise<Uint8Array>;
  readonly forward: (request: ForwardRequest) => Promise<Out<typeof ForwardResponseSchema>>;
  readonly inbox: () => Promise<Out<typeof ForwardingInboxResponseSchema>['forwardings']>;
  readonly forwarding: (forwardingId: string) => Promise<Out<typeof ForwardingViewSchema>>;
  readonly alertForwardings: (alertId: string) => Promise<Out<typeof AlertForwardingsResponseSchema>>;
  readonly event: (forwardingId: string, request: ForwardingEventRequest) => Promise<Out<typeof ForwardingEventResponseSchema>>;
  readonly settings: (orgId: string) => Promise<ForwardingSettings>;
  readonly setSettings: (orgId: string, settings: ForwardingSettings) => Promise<ForwardingSettings>;
  readonly consent: (lookupToken: string, signature: string) => Promise<Out<typeof ReporterConsentResponseSchema>>;
};

export function forwardingApi(api: Pick<ReporterApi, 'transport' | 'withPow'>): ForwardingApi {
  const t = api.transport;
  const json = (body: unknown) => ({ json: body });
  return {
    draft: (request) => t.json('POST', FORWARDING_ROUTES.drafts, ForwardingDraftResponseSchema, json(request)),
    putChunk: (forwardingId, blobId, index, bytes) =>
      t.json('PUT', FORWARDING_ROUTES.fileChunk(id(forwardingId), id(blobId), chunkIndex(index)), ChunkPutResponseSchema, { bytes }),
    getChunk: (forwardingId, blobId, index) => t.bytes('GET', FORWARDING_ROUTES.fileChunk(id(forwardingId), id(blobId), chunkIndex(index))),
    forward: (request) => t.json('POST', FORWARDING_ROUTES.forwardings, ForwardResponseSchema, json(request)),
    inbox: async () => (await t.json('GET', FORWARDING_ROUTES.forwardings, ForwardingInboxResponseSchema)).forwardings,
    forwarding: (forwardingId) => t.json('GET', FORWARDING_ROUTES.forwarding(id(forwardingId)), ForwardingViewSchema),
    alertForwardings: (alertId) => t.json('GET', FORWARDING_ROUTES.alertForwardings(id(alertId)), AlertForwardingsResponseSchema),
    event: (forwardingId, request) => t.json('POST', FORWARDING_ROUTES.events(id(forwardingId)), ForwardingEventResponseSchema, json(request)),
    settings: (orgId) => t.json('GET', FORWARDING_ROUTES.settings(id(orgId)), ForwardingSettingsSchema),
    setSettings: (orgId, settings) => t.json('PUT', FORWARDING_ROUTES.settings(id(orgId)), ForwardingSettingsSchema, json(settings)),
    consent: (lookupToken, signature) =>
      api.withPow((pow) => t.json('POST', FORWARDING_ROUTES.reporterConsent, ReporterConsentResponseSchema, json({ lookupToken, signature, pow }))),
  };
}
