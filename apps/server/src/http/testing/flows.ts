/**
 * Request builders for route tests: a real setup (keys made with @kenekanko/crypto, documents
 * signed by a coalition key), uploads with solved proofs of work, finalize requests with the
 * four grants, and staff logins. Envelopes are random bytes where the server cannot tell, and
 * real where it checks (identity size, signatures). The full encrypted flows are the client
 * package's tests.
 */
import { ROUTES, SESSION_COOKIE, STATISTICS_FIELDS } from '@kenekanko/contracts';
import type { FinalizeAlertRequest, KeyGrant, PostMessage, PowChallenge } from '@kenekanko/contracts';
import {
  canonicalJson,
  concatBytes,
  ed25519KeyPair,
  fromBase64Url,
  PURPOSES,
  randomBytes,
  sealEnvelope,
  sha256,
  signStatement,
  solvePow,
  toBase64Url,
  utf8Encode,
  x25519KeyPair,
} from '@kenekanko/crypto';
import type { KeyPair, Purpose } from '@kenekanko/crypto';
import type { AlertDraft } from '@kenekanko/client';
import { createKyselyStorage } from '../../adapters/kysely-storage.ts';
import { deriveAuditMacKey } from '../../audit/audit-mac.ts';
import { issueSetupToken } from '../../features/setup/index.ts';
import { custodianIdOf } from '../../features/shared/custodian.ts';
import { CHUNK_ENVELOPE_BYTES } from '../../features/submissions/index.ts';
import { newId } from '../../features/shared/ids.ts';
import { fillPattern, ROUTE_PATTERNS } from '../route-patterns.ts';
import type { Harness } from './harness.ts';
import { START } from './harness.ts';

export const fakeEnvelope = (bytes = 120): string => toBase64Url(randomBytes(bytes));

/** The one size every encrypted chunk has; the server refuses any other. */
export const CHUNK = CHUNK_ENVELOPE_BYTES;
/** Random bytes the size of an encrypted chunk. */
export const chunk = (): Uint8Array => randomBytes(CHUNK);

/**
 * Random bytes in the shape of a v1 envelope of `purpose` (header, nonce, a padded frame of
 * `frameBytes`, tag): what the server's structural check accepts, though nothing can open it.
 */
export function shapedEnvelope(purpose: Purpose, frameBytes = 256): string {
  const header = utf8Encode(purpose);
  return toBase64Url(concatBytes(Uint8Array.of(1, header.length), header, randomBytes(24 + frameBytes + 16)));
}
const b64 = toBase64Url;

export type Deployment = {
  readonly coalition: KeyPair;
  readonly orgId: string;
  readonly orgEd25519: KeyPair;
  readonly orgX25519: KeyPair;
  readonly custodian: KeyPair;
  readonly coordinatorId: string;
  readonly login: string;
  readonly loginKey: string;
  readonly salt: string;
};

export type DirectoryOrg = { readonly id: string; readonly x25519Public: string; readonly ed25519Public: string; readonly name: string };

export function signedDirectory(coalition: KeyPair, version: number, orgs: readonly DirectoryOrg[], defaultOrgId: string, custodianPublic: string): { body: string; signature: string } {
  const body = {
    v: 1,
    version,
    issuedAt: START.toISOString(),
    deploymentSalt: b64(new Uint8Array(16).fill(7)),
    organisations: orgs.map((o, i) => ({ ...o, kind: i === 0 ? 'coalition' : 'cso', keyVersion: 1 })),
    routing: { defaultOrgId },
    custodian: { x25519Public: custodianPublic, keyVersion: 1 },
  };
  return { body: canonicalJson(body), signature: b64(signStatement(PURPOSES.directory, body, coalition.privateKey)) };
}

export function setupRequest(token: string) {
  const coalition = ed25519KeyPair();
  const orgEd25519 = ed25519KeyPair();
  const orgX25519 = x25519KeyPair();
  const custodian = x25519KeyPair();
  const orgId = newId();
  const coordinatorId = newId();
  const org = { id: orgId, name: 'COSCLCCP', x25519Public: b64(orgX25519.publicKey), ed25519Public: b64(orgEd25519.publicKey) };
  const questionnaire = { v: 1, version: 1, statisticsFields: [...STATISTICS_FIELDS], encryptedFields: ['description'] };
  const loginKey = b64(randomBytes(32));
  const salt = b64(randomBytes(16));
  const grant: KeyGrant = {
    objectType: 'organisation',
    objectId: orgId,
    keyKind: 'organisation',
    keyVersion: 1,
    recipientType: 'user',
    recipientId: coordinatorId,
    recipientKeyVersion: 1,
    sealedKey: fakeEnvelope(),
  };
  const request = {
    token,
    coalitionSigningPublic: b64(coalition.publicKey),
    organisation: org,
    directory: signedDirectory(coalition, 1, [org], orgId, b64(custodian.publicKey)),
    questionnaire: { body: canonicalJson(questionnaire), signature: b64(signStatement(PURPOSES.questionnaire, questionnaire, coalition.privateKey)) },
    coordinator: {
      userId: coordinatorId,
      login: 'coordinatrice@cosclccp.ml',
      salt,
      loginKey,
      x25519Public: b64(x25519KeyPair().publicKey),
      ed25519Public: b64(ed25519KeyPair().publicKey),
      wrappedKeys: fakeEnvelope(),
      recoveryWrappedKeys: fakeEnvelope(),
    },
    grants: [grant],
  };
  const deployment: Deployment = { coalition, orgId, orgEd25519, orgX25519, custodian, coordinatorId, login: request.coordinator.login, loginKey, salt };
  return { request, deployment };
}

export async function issueToken(h: Harness): Promise<string> {
  const token = b64(randomBytes(32));
  await issueSetupToken(createKyselyStorage(h.db, deriveAuditMacKey(h.secrets.serverSecret)), token);
  return token;
}

export async function setUp(h: Harness): Promise<Deployment> {
  const { request, deployment } = setupRequest(await issueToken(h));
  const response = await h.request('POST', ROUTES.setup, { json: request });
  if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${await response.text()}`);
  return deployment;
}

export async function solvedPow(h: Harness): Promise<{ challenge: string; nonce: string }> {
  const pow = (await (await h.request('GET', ROUTES.pow)).json()) as PowChallenge;
  return { challenge: pow.challenge, nonce: b64(await solvePow(fromBase64Url(pow.challenge), pow.bits)) };
}

export async function openSubmission(h: Harness, declaredBytes: number, purpose: 'alert' | 'reporter-files' = 'alert', submissionId = newId()): Promise<string> {
  const response = await h.request('POST', ROUTES.submissions, { json: { submissionId, purpose, declaredBytes, pow: await solvedPow(h) } });
  if (response.status !== 200) throw new Error(`open failed: ${response.status} ${await response.text()}`);
  return submissionId;
}

export function putChunk(h: Harness, submissionId: string, blobId: string, index: number, bytes: Uint8Array): Promise<Response> {
  return h.request('PUT', fillPattern(ROUTE_PATTERNS.chunk, { submissionId, blobId, index }), { body: bytes, contentType: 'application/octet-stream' });
}

export async function placeIds(h: Harness): Promise<{ regionId: string; cercleId: string }> {
  const cercle = await h.db
    .selectFrom('places as c')
    .innerJoin('places as r', 'r.id', 'c.parent_id')
    .select(['c.id as cercleId', 'r.id as regionId'])
    .where('c.kind', '=', 'cercle')
    .where('r.kind', '=', 'region')
    .orderBy('c.id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return cercle;
}

export type AlertKeys = { readonly reporter: KeyPair; readonly lookupToken: string };

export async function finalizeRequest(h: Harness, d: Deployment, alertId: string, blobs: FinalizeAlertRequest['blobs'] = [], orgId = d.orgId): Promise<{ request: FinalizeAlertRequest; keys: AlertKeys }> {
  const reporter = ed25519KeyPair();
  const lookupToken = b64(randomBytes(32));
  const grant = (keyKind: KeyGrant['keyKind'], recipientType: KeyGrant['recipientType'], recipientId: string): KeyGrant => ({
    objectType: 'alert', objectId: alertId, keyKind, keyVersion: 1, recipientType, recipientId, recipientKeyVersion: 1, sealedKey: fakeEnvelope(),
  });
  const identity = sealEnvelope(randomBytes(32), PURPOSES.identity, { alertId, objectKind: 'identity', field: 'main' }, utf8Encode('{"v":1,"name":"","phone":""}'));
  const { regionId, cercleId } = await placeIds(h);
  const request: FinalizeAlertRequest = {
    orgId,
    statistics: { kind: 'bribery', regionId, cercleId, institutionType: 'customs', amountBand: 'lt-100k' },
    questionnaireVersion: 1,
    receiptVersion: 1,
    lookupToken,
    reporterX25519Public: b64(x25519KeyPair().publicKey),
    reporterEd25519Public: b64(reporter.publicKey),
    answersEnvelope: shapedEnvelope(PURPOSES.answers, 512),
    identityEnvelope: b64(identity),
    grants: [grant('content', 'organisation', orgId), grant('content', 'reporter', alertId), grant('desk', 'organisation', orgId), grant('identity', 'custodian', custodianIdOf(b64(d.custodian.publicKey)))],
    blobs,
  };
  return { request, keys: { reporter, lookupToken } };
}

/** Opens, uploads and finalizes an alert with `files` (each one blob of one or more chunks). */
export async function fileAlert(h: Harness, d: Deployment, files: readonly (readonly Uint8Array[])[] = [], orgId = d.orgId): Promise<{ alertId: string; keys: AlertKeys; blobIds: string[] }> {
  const total = files.flat().reduce((n, c) => n + c.length, 0);
  const alertId = await openSubmission(h, total);
  const blobIds: string[] = [];
  for (const chunks of files) {
    const blobId = newId();
    blobIds.push(blobId);
    for (const [i, chunk] of chunks.entries()) await putChunk(h, alertId, blobId, i, chunk);
  }
  const { request, keys } = await finalizeRequest(h, d, alertId, blobIds.map((blobId, i) => ({ blobId, chunkCount: files[i]?.length ?? 0 })), orgId);
  const response = await h.request('POST', ROUTES.finalize(alertId), { json: request });
  if (response.status !== 200) throw new Error(`finalize failed: ${response.status} ${await response.text()}`);
  return { alertId, keys, blobIds };
}

export function signedMessage(alertId: string, seq: number, senderType: 'reporter' | 'organisation', signer: KeyPair, attachmentBlobIds: string[] = []): Omit<PostMessage, 'attachments'> {
  const envelope = shapedEnvelope(PURPOSES.message);
  const statement = { alertId, seq, senderType, envelopeSha256: b64(sha256(fromBase64Url(envelope))), attachmentBlobIds };
  return { seq, envelope, signature: b64(signStatement(PURPOSES.messageSignature, statement, signer.privateKey)) };
}

/** Logs in and returns the Cookie header value to send back. */
export async function logIn(h: Harness, login: string, loginKey: string, totp?: string): Promise<string> {
  const response = await h.request('POST', ROUTES.authLogin, { json: { login, loginKey, totp } });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie') ?? '';
  const value = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1] ?? '';
  return `${SESSION_COOKIE}=${value}`;
}

/** A text-only alert draft in French on the first cercle (real places), for the client-level tests. */
export async function plainDraft(h: Harness, description = 'Un agent demande de l’argent.'): Promise<AlertDraft> {
  const { regionId, cercleId } = await placeIds(h);
  return {
    language: 'fr',
    statistics: { kind: 'bribery', regionId, cercleId, institutionType: 'customs' },
    communeId: null,
    when: null,
    institutionName: '',
    amountFcfa: null,
    description,
    identity: null,
    consents: { shareWithJournalists: false },
    files: [],
  };
}
