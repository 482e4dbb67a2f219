/**
 * A signed intake as a set-up server hands it out, with the private halves the tests need to
 * check what a browser sealed: the organisation's X25519 key and the coalition signing key.
 */
import { PURPOSES, ed25519KeyPair, randomBytes, toBase64Url, x25519KeyPair } from '@kenekanko/crypto';
import type { KeyPair } from '@kenekanko/crypto';
import { STATISTICS_FIELDS } from '@kenekanko/contracts';
import type { DirectoryBody, IntakeResponse } from '@kenekanko/contracts';
import { signDocument } from '../src/signed-documents.ts';
import type { AlertDraft } from '../src/types.ts';

export const ORG_ID = 'OOOOOOOOOOOOOOOOOOOOOO';

export type IntakeFixture = {
  readonly intake: IntakeResponse;
  readonly coalition: KeyPair;
  readonly org: KeyPair;
  readonly deploymentSalt: Uint8Array;
};

export function signedIntake(): IntakeFixture {
  const coalition = ed25519KeyPair();
  const org = x25519KeyPair();
  const deploymentSalt = randomBytes(16);
  const directory: DirectoryBody = {
    v: 1,
    version: 1,
    issuedAt: '2025-01-01T00:00:00.000Z',
    deploymentSalt: toBase64Url(deploymentSalt),
    organisations: [{ id: ORG_ID, kind: 'coalition', name: 'COSCLCCP', x25519Public: toBase64Url(org.publicKey), ed25519Public: toBase64Url(ed25519KeyPair().publicKey), keyVersion: 1 }],
    routing: { defaultOrgId: ORG_ID },
    custodian: { x25519Public: toBase64Url(x25519KeyPair().publicKey), keyVersion: 1 },
  };
  const intake: IntakeResponse = {
    coalitionSigningPublic: toBase64Url(coalition.publicKey),
    directory: signDocument(PURPOSES.directory, directory, coalition.privateKey),
    questionnaire: signDocument(PURPOSES.questionnaire, { v: 1, version: 1, statisticsFields: [...STATISTICS_FIELDS], encryptedFields: [] }, coalition.privateKey),
    pow: { challenge: 'Y2hhbGxlbmdlY2hhbGxlbmdl', bits: 0, expiresAt: '2999-01-01T00:00:00.000Z' },
    limits: { maxFileBytes: 10_000_000, maxAlertBytes: 50_000_000, chunkSize: 262_144 },
  };
  return { intake, coalition, org, deploymentSalt };
}

export const DESCRIPTION = 'Le percepteur exige dix mille francs pour chaque patente.';

export const draft: AlertDraft = {
  language: 'fr',
  statistics: { kind: 'bribery', regionId: 'ml-kayes', cercleId: null, institutionType: 'customs' },
  communeId: null,
  when: null,
  institutionName: 'Recette de Kayes',
  amountFcfa: 10_000,
  description: DESCRIPTION,
  identity: null,
  consents: { shareWithJournalists: false },
  files: [],
};
