import { describe, expect, it } from 'vitest';
import { PURPOSES, ed25519KeyPair, toBase64Url } from '@kenekanko/crypto';
import { STATISTICS_FIELDS } from '@kenekanko/contracts';
import type { DirectoryBody, QuestionnaireBody } from '@kenekanko/contracts';
import { ClientError } from './errors.ts';
import { coalitionKey, signDocument, verifyDirectory, verifyQuestionnaire } from './signed-documents.ts';

const coalition = ed25519KeyPair();
const ORG = 'BBBBBBBBBBBBBBBBBBBBBB';
const KEY = toBase64Url(new Uint8Array(32).fill(7));

const directory: DirectoryBody = {
  v: 1,
  version: 1,
  issuedAt: '2025-01-01T00:00:00.000Z',
  deploymentSalt: toBase64Url(new Uint8Array(16).fill(1)),
  organisations: [{ id: ORG, kind: 'coalition', name: 'COSCLCCP', x25519Public: KEY, ed25519Public: KEY, keyVersion: 1 }],
  routing: { defaultOrgId: ORG },
  custodian: { x25519Public: KEY, keyVersion: 1 },
};

const questionnaire: QuestionnaireBody = { v: 1, version: 1, statisticsFields: [...STATISTICS_FIELDS], encryptedFields: ['description'] };

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof ClientError ? error.code : 'not a ClientError';
  }
};

describe('signed documents', () => {
  it('verifies what the coalition key signed', () => {
    const doc = signDocument(PURPOSES.directory, directory, coalition.privateKey);
    expect(verifyDirectory(doc, coalition.publicKey)).toEqual(directory);
  });

  it('refuses a changed body, another key, a non-canonical body and another purpose', () => {
    const doc = signDocument(PURPOSES.directory, directory, coalition.privateKey);
    const other = ed25519KeyPair();
    const swapped = doc.body.replace(ORG, 'CCCCCCCCCCCCCCCCCCCCCC');
    expect(codeOf(() => verifyDirectory({ ...doc, body: swapped }, coalition.publicKey))).toBe('untrusted-directory');
    expect(codeOf(() => verifyDirectory(doc, other.publicKey))).toBe('untrusted-directory');
    expect(codeOf(() => verifyDirectory({ ...doc, body: ` ${doc.body}` }, coalition.publicKey))).toBe('untrusted-directory');
    const asQuestionnaire = signDocument(PURPOSES.questionnaire, directory, coalition.privateKey);
    expect(codeOf(() => verifyDirectory(asQuestionnaire, coalition.publicKey))).toBe('untrusted-directory');
  });

  it('refuses a directory that routes alerts to an organisation it does not list', () => {
    const doc = signDocument(PURPOSES.directory, { ...directory, routing: { defaultOrgId: 'CCCCCCCCCCCCCCCCCCCCCC' } }, coalition.privateKey);
    expect(codeOf(() => verifyDirectory(doc, coalition.publicKey))).toBe('untrusted-directory');
  });

  it('insists on the pinned coalition key when there is one', () => {
    const pinned = toBase64Url(coalition.publicKey);
    expect(coalitionKey(pinned, pinned)).toEqual(coalition.publicKey);
    expect(coalitionKey(pinned, undefined)).toEqual(coalition.publicKey);
    expect(codeOf(() => coalitionKey(toBase64Url(ed25519KeyPair().publicKey), pinned))).toBe('untrusted-directory');
  });

  it('refuses a signed questionnaire that makes free text or the identity a statistics field', () => {
    for (const field of ['description', 'institutionName', 'identity']) {
      const unsafe = { ...questionnaire, statisticsFields: [...STATISTICS_FIELDS, field] };
      const doc = signDocument(PURPOSES.questionnaire, unsafe, coalition.privateKey);
      expect(codeOf(() => verifyQuestionnaire(doc, coalition.publicKey))).toBe('unsafe-questionnaire');
    }
  });

  it('refuses a questionnaire that lists a field as both statistics and encrypted', () => {
    const doc = signDocument(PURPOSES.questionnaire, { ...questionnaire, encryptedFields: ['kind'] }, coalition.privateKey);
    expect(codeOf(() => verifyQuestionnaire(doc, coalition.publicKey))).toBe('unsafe-questionnaire');
  });

  it('accepts the questionnaire setup makes', () => {
    const doc = signDocument(PURPOSES.questionnaire, questionnaire, coalition.privateKey);
    expect(verifyQuestionnaire(doc, coalition.publicKey)).toEqual(questionnaire);
  });
});
