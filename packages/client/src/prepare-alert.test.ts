import { describe, expect, it } from 'vitest';
import { PURPOSES, deriveReceiptKeys, fromBase64Url, openEnvelope, randomBytes, toBase64Url, utf8Decode, utf8Encode } from '@kenekanko/crypto';
import { ClientError } from './errors.ts';
import { answersContext } from './contexts.ts';
import { openGrant } from './grants.ts';
import { prepareAlert } from './prepare-alert.ts';
import { parseSealedSubmission } from './parse-sealed-submission.ts';
import { sealedBytes, sealedUploadBytes } from './sealed-submission.ts';
import { trustIntake } from './trusted-intake.ts';
import { DESCRIPTION, ORG_ID, draft, signedIntake } from '../test/intake-fixture.ts';

const fixture = signedIntake();
const pinned = fixture.intake.coalitionSigningPublic;
const file = { name: 'releve-bancaire.pdf', type: 'application/pdf', bytes: randomBytes(600_000), scrub: 'not-cleaned' } as const;

describe('prepareAlert: sealing an alert with no network', () => {
  it('seals answers only the routed organisation can open, and returns the receipt beside the package', async () => {
    const { receipt, sealed } = await prepareAlert(trustIntake(fixture.intake, pinned), draft);
    expect(receipt).toMatch(/^\d{24}$/);
    expect(sealed.submissionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(sealed.finalize.orgId).toBe(ORG_ID);

    const grant = sealed.finalize.grants.find((g) => g.keyKind === 'content' && g.recipientType === 'organisation');
    if (grant === undefined) throw new Error('no content grant to the organisation');
    const contentKey = openGrant(grant, fixture.org.privateKey);
    const answers = JSON.parse(
      utf8Decode(openEnvelope(contentKey, PURPOSES.answers, answersContext(sealed.submissionId), fromBase64Url(sealed.finalize.answersEnvelope))),
    ) as { description: string };
    expect(answers.description).toBe(DESCRIPTION);

    // The lookup token is the receipt's, so the reporter can come back with what was shown.
    const keys = await deriveReceiptKeys(receipt, fixture.deploymentSalt);
    expect(sealed.finalize.lookupToken).toBe(toBase64Url(keys.lookupToken));
  });

  it('puts neither the receipt nor any plaintext in the package that may wait on a phone', async () => {
    const { receipt, sealed } = await prepareAlert(trustIntake(fixture.intake, pinned), { ...draft, files: [file] });
    const text = JSON.stringify(sealed.finalize);
    const chunks = sealed.blobs.flatMap((blob) => blob.chunks);
    for (const needle of [receipt, DESCRIPTION, 'Recette de Kayes', file.name]) {
      expect(text).not.toContain(needle);
      expect(chunks.some((chunk) => Buffer.from(chunk).includes(Buffer.from(utf8Encode(needle))))).toBe(false);
    }
    expect(chunks.some((chunk) => Buffer.from(chunk).includes(Buffer.from(file.bytes.subarray(1000, 1064))))).toBe(false);
    expect(sealed.blobs).toHaveLength(1);
    expect(sealed.blobs[0]?.chunks).toHaveLength(3);
    expect(sealedUploadBytes(sealed)).toBeGreaterThan(file.bytes.length);
    expect(sealedBytes(sealed)).toBeGreaterThan(sealedUploadBytes(sealed));
  });

  it('makes a new receipt and submission id each time', async () => {
    const intake = trustIntake(fixture.intake, pinned);
    const [a, b] = await Promise.all([prepareAlert(intake, draft), prepareAlert(intake, draft)]);
    expect(a?.receipt).not.toBe(b?.receipt);
    expect(a?.sealed.submissionId).not.toBe(b?.sealed.submissionId);
  });
});

describe('parseSealedSubmission: reading a waiting package back', () => {
  it('accepts what prepareAlert made, after a structured clone (as IndexedDB stores it)', async () => {
    const small = { ...file, bytes: randomBytes(1_000) };
    const { sealed } = await prepareAlert(trustIntake(fixture.intake, pinned), { ...draft, files: [small] });
    expect(parseSealedSubmission(structuredClone(sealed))).toEqual(sealed);
  });

  it('refuses a package whose manifest does not describe its chunks, or of another shape', async () => {
    const { sealed } = await prepareAlert(trustIntake(fixture.intake, pinned), { ...draft, files: [file] });
    const [blob] = sealed.blobs;
    if (blob === undefined) throw new Error('no blob');
    const dropped = { ...sealed, blobs: [{ ...blob, chunks: blob.chunks.slice(0, 2) }] };
    expect(() => parseSealedSubmission(dropped)).toThrow(ClientError);
    expect(() => parseSealedSubmission({ ...sealed, v: 2 })).toThrow(ClientError);
    expect(() => parseSealedSubmission({ ...sealed, receipt: '123' })).toThrow(ClientError);
    expect(() => parseSealedSubmission(null)).toThrow(ClientError);
  });
});
