import { describe, expect, it } from 'vitest';
import { CryptoError, PURPOSES, ed25519KeyPair, generateReceipt, randomBytes, toBase64Url, x25519KeyPair } from '@kenekanko/crypto';
import { ROUTES, STATISTICS_FIELDS } from '@kenekanko/contracts';
import type { DirectoryBody, IntakeResponse } from '@kenekanko/contracts';
import { createApiClient } from './api-client.ts';
import { ClientError } from './errors.ts';
import { openReporterAlert } from './reporter-session.ts';
import { signDocument } from './signed-documents.ts';
import { submitAlert } from './submit-alert.ts';
import type { AlertDraft } from './types.ts';
import { jsonResponse, recordingFetch } from '../test/fake-fetch.ts';

const coalition = ed25519KeyPair();
const ORG = 'OOOOOOOOOOOOOOOOOOOOOO';

function intakeSignedBy(signer: Uint8Array, statisticsFields: readonly string[] = STATISTICS_FIELDS): IntakeResponse {
  const directory: DirectoryBody = {
    v: 1,
    version: 1,
    issuedAt: '2025-01-01T00:00:00.000Z',
    deploymentSalt: toBase64Url(randomBytes(16)),
    organisations: [{ id: ORG, kind: 'coalition', name: 'COSCLCCP', x25519Public: toBase64Url(x25519KeyPair().publicKey), ed25519Public: toBase64Url(ed25519KeyPair().publicKey), keyVersion: 1 }],
    routing: { defaultOrgId: ORG },
    custodian: { x25519Public: toBase64Url(x25519KeyPair().publicKey), keyVersion: 1 },
  };
  return {
    coalitionSigningPublic: toBase64Url(coalition.publicKey),
    directory: signDocument(PURPOSES.directory, directory, signer),
    questionnaire: signDocument(PURPOSES.questionnaire, { v: 1, version: 1, statisticsFields: [...statisticsFields], encryptedFields: [] }, signer),
    pow: { challenge: 'Y2hhbGxlbmdlY2hhbGxlbmdl', bits: 0, expiresAt: '2999-01-01T00:00:00.000Z' },
    limits: { maxFileBytes: 10_000_000, maxAlertBytes: 50_000_000, chunkSize: 262_144 },
  };
}

const draft: AlertDraft = {
  language: 'fr',
  statistics: { kind: 'bribery', regionId: 'ml-kayes', cercleId: null, institutionType: 'customs' },
  communeId: null,
  when: null,
  institutionName: '',
  amountFcfa: null,
  description: 'Racket au poste.',
  identity: null,
  consents: { shareWithJournalists: false },
  files: [],
};

function mistype(receipt: string): string {
  const last = Number(receipt.at(-2));
  return `${receipt.slice(0, -2)}${(last + 1) % 10}${receipt.at(-1) ?? ''}`;
}

describe('openReporterAlert', () => {
  it('throws on a mistyped receipt before any request', async () => {
    const server = recordingFetch(() => jsonResponse(200, {}));
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    await expect(openReporterAlert(api, mistype(generateReceipt()))).rejects.toBeInstanceOf(CryptoError);
    await expect(openReporterAlert(api, '1234')).rejects.toBeInstanceOf(CryptoError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('submitAlert refuses what it cannot trust, before encrypting anything', () => {
  const attempt = async (intake: IntakeResponse, pinned?: string) => {
    const server = recordingFetch(() => jsonResponse(200, intake));
    const api = createApiClient({ baseUrl: 'http://x', fetch: server.fetch });
    const error = await submitAlert(api, draft, pinned === undefined ? {} : { pinnedCoalitionKey: pinned }).catch((e: unknown) => e);
    expect(server.requests.map((r) => r.path)).toEqual([ROUTES.intake]);
    return error;
  };

  it('a server that serves another coalition key than the pinned one', async () => {
    const error = await attempt(intakeSignedBy(coalition.privateKey), toBase64Url(ed25519KeyPair().publicKey));
    expect(error).toMatchObject({ code: 'untrusted-directory' });
  });

  it('a directory signed by another key than the coalition key', async () => {
    const error = await attempt(intakeSignedBy(ed25519KeyPair().privateKey), toBase64Url(coalition.publicKey));
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ code: 'untrusted-directory' });
  });

  it('a signed questionnaire that would send the description in clear', async () => {
    const error = await attempt(intakeSignedBy(coalition.privateKey, [...STATISTICS_FIELDS, 'description']));
    expect(error).toMatchObject({ code: 'unsafe-questionnaire' });
  });
});
