import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  derivePasswordKeys,
  equalBytes,
  fromBase64Url,
  parseRecoveryKey,
  toBase64Url,
  unwrapKey,
  x25519KeyPair,
} from '@kenekanko/crypto';
import { ROUTES, STATISTICS_FIELDS, SetupRequestSchema } from '@kenekanko/contracts';
import type { KeyGrant, SetupRequest } from '@kenekanko/contracts';
import { createApiClient } from './api-client.ts';
import { userKeysContext } from './contexts.ts';
import { ClientError } from './errors.ts';
import { openGrant, parsePrivateKeys, unwrapGrant } from './grants.ts';
import { setupPlatform } from './setup-platform.ts';
import { verifyDirectory, verifyQuestionnaire } from './signed-documents.ts';
import { jsonResponse, recordingFetch } from '../test/fake-fetch.ts';

const input = { token: 'setup-token-0123456789abcdef', organisationName: ' COSCLCCP ', login: ' Coordinator ', password: 'correct horse battery staple' };

async function runSetup() {
  const server = recordingFetch((request) => {
    const body = v.parse(SetupRequestSchema, request.body);
    return jsonResponse(200, { organisationId: body.organisation.id, coordinatorId: body.coordinator.userId });
  });
  const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
  const result = await setupPlatform(api, input);
  const request: SetupRequest = v.parse(SetupRequestSchema, server.requests[0]?.body);
  return { result, request, requests: server.requests };
}

const grantFor = (request: SetupRequest, where: Partial<KeyGrant>): KeyGrant => {
  const found = request.grants.find((g) => Object.entries(where).every(([k, value]) => g[k as keyof KeyGrant] === value));
  if (found === undefined) throw new Error(`no grant ${JSON.stringify(where)}`);
  return found;
};

describe('setupPlatform', () => {
  let result: Awaited<ReturnType<typeof runSetup>>['result'];
  let request: SetupRequest;
  let requests: Awaited<ReturnType<typeof runSetup>>['requests'];
  let coalitionPublic: Uint8Array;
  let directory: ReturnType<typeof verifyDirectory>;
  beforeAll(async () => {
    ({ result, request, requests } = await runSetup());
    coalitionPublic = fromBase64Url(request.coalitionSigningPublic);
    directory = verifyDirectory(request.directory, coalitionPublic);
  });

  it('sends one setup request that never carries the password', () => {
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${ROUTES.setup}`]);
    expect(JSON.stringify(requests[0]?.body)).not.toContain(input.password);
    expect(request.coordinator.login).toBe('coordinator');
    expect(result).toMatchObject({ organisationId: request.organisation.id, coordinatorId: request.coordinator.userId });
  });

  it('signs a directory that routes to the new organisation and a questionnaire with exactly the statistics fields', () => {
    expect(directory.organisations).toEqual([
      { id: request.organisation.id, kind: 'coalition', name: 'COSCLCCP', x25519Public: request.organisation.x25519Public, ed25519Public: request.organisation.ed25519Public, keyVersion: 1 },
    ]);
    expect(directory.routing.defaultOrgId).toBe(request.organisation.id);
    expect(fromBase64Url(directory.deploymentSalt)).toHaveLength(16);
    const questionnaire = verifyQuestionnaire(request.questionnaire, coalitionPublic);
    expect(questionnaire.statisticsFields).toEqual([...STATISTICS_FIELDS]);
    expect(questionnaire.encryptedFields).toContain('description');
  });

  it('derives the login key from the password, and wraps the user keys under the password and the user recovery key', async () => {
    const { loginKey, wrappingKey } = await derivePasswordKeys(input.password, fromBase64Url(request.coordinator.salt));
    expect(toBase64Url(loginKey)).toBe(request.coordinator.loginKey);
    const context = userKeysContext(request.coordinator.userId, 1);
    const viaPassword = unwrapKey(wrappingKey, context, fromBase64Url(request.coordinator.wrappedKeys));
    const viaRecovery = unwrapKey(parseRecoveryKey(result.recoveryKeys.user), context, fromBase64Url(request.coordinator.recoveryWrappedKeys));
    expect(equalBytes(viaPassword, viaRecovery)).toBe(true);
    const user = parsePrivateKeys(viaPassword, request.coordinator, 'user keys');
    const orgGrant = grantFor(request, { objectType: 'organisation', recipientType: 'user' });
    parsePrivateKeys(openGrant(orgGrant, user.x25519.privateKey), request.organisation, 'organisation keys');
  });

  it('wraps the organisation, coalition and custodian keys under their own recovery keys', () => {
    const orgId = request.organisation.id;
    const org = unwrapGrant(grantFor(request, { objectType: 'organisation', recipientType: 'recovery' }), parseRecoveryKey(result.recoveryKeys.organisation));
    expect(parsePrivateKeys(org, request.organisation, 'organisation keys').x25519.publicKey).toEqual(fromBase64Url(request.organisation.x25519Public));
    const coalitionGrant = grantFor(request, { objectType: 'coalition', recipientType: 'recovery', recipientId: orgId });
    expect(unwrapGrant(coalitionGrant, parseRecoveryKey(result.recoveryKeys.coalition))).toHaveLength(32);
    const custodian = unwrapGrant(grantFor(request, { objectType: 'custodian', recipientType: 'recovery' }), parseRecoveryKey(result.recoveryKeys.custodian));
    expect(toBase64Url(x25519KeyPair(custodian).publicKey)).toBe(directory.custodian.x25519Public);
    // The organisation's recovery key opens nothing else.
    expect(() => unwrapGrant(coalitionGrant, parseRecoveryKey(result.recoveryKeys.organisation))).toThrow();
  });

  it('grants the custodian key to no user', () => {
    expect(request.grants.filter((g) => g.keyKind === 'custodian').map((g) => g.recipientType)).toEqual(['recovery']);
  });

  it('refuses a short password before any request', async () => {
    const server = recordingFetch(() => jsonResponse(200, {}));
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    await expect(setupPlatform(api, { ...input, password: 'short' })).rejects.toBeInstanceOf(ClientError);
    expect(server.requests).toHaveLength(0);
  });
});
