import { describe, expect, it } from 'vitest';
import { PURPOSES, fromBase64Url, openEnvelope, randomBytes, toBase64Url, utf8Decode, utf8Encode, x25519KeyPair, ed25519KeyPair } from '@kenekanko/crypto';
import type { ReceiptKeys } from '@kenekanko/crypto';
import { STATISTICS_FIELDS } from '@kenekanko/contracts';
import { buildAlertPackage } from './alert-package.ts';
import { answersContext, identityContext } from './contexts.ts';
import { ClientError } from './errors.ts';
import { openGrant } from './grants.ts';
import type { TrustedIntake } from './trusted-intake.ts';
import type { AlertDraft } from './types.ts';

const ALERT = 'AAAAAAAAAAAAAAAAAAAAAA';
const org = x25519KeyPair();
const custodian = x25519KeyPair();
const reporter: ReceiptKeys = { lookupToken: randomBytes(32), x25519: x25519KeyPair(), ed25519: ed25519KeyPair() };
const orgEntry = { id: 'OOOOOOOOOOOOOOOOOOOOOO', kind: 'coalition', name: 'COSCLCCP', x25519Public: toBase64Url(org.publicKey), ed25519Public: toBase64Url(ed25519KeyPair().publicKey), keyVersion: 1 } as const;
const intake: TrustedIntake = {
  directory: {
    v: 1,
    version: 1,
    issuedAt: '2025-01-01T00:00:00.000Z',
    deploymentSalt: toBase64Url(randomBytes(16)),
    organisations: [orgEntry],
    routing: { defaultOrgId: orgEntry.id },
    custodian: { x25519Public: toBase64Url(custodian.publicKey), keyVersion: 1 },
  },
  questionnaire: { v: 1, version: 3, statisticsFields: [...STATISTICS_FIELDS], encryptedFields: [] },
  routedOrganisation: orgEntry,
  pow: { challenge: 'Y2hhbGxlbmdlY2hhbGxlbmdl', bits: 0, expiresAt: '2999-01-01T00:00:00.000Z' },
  limits: { maxFileBytes: 10_000_000, maxAlertBytes: 50_000_000, chunkSize: 262_144 },
  coalitionPublic: randomBytes(32),
};

const draft: AlertDraft = {
  language: 'fr',
  statistics: { kind: 'bribery', regionId: 'ml-kayes', cercleId: null, institutionType: 'customs' },
  communeId: null,
  when: '2025-01-01',
  institutionName: 'Poste de douane de Diboli',
  amountFcfa: 250_000,
  description: 'Le chef de poste exige un pourboire pour chaque camion.',
  identity: { name: 'Awa Traoré', phone: '+223 70 00 00 00' },
  consents: { shareWithJournalists: false },
  files: [{ name: 'recu-diboli.jpg', type: 'image/jpeg', bytes: utf8Encode('not really a jpeg'), scrub: 'cleaned' }],
};

const grant = (pack: ReturnType<typeof buildAlertPackage>, keyKind: string, recipientType: string) => {
  const found = pack.grants.find((g) => g.keyKind === keyKind && g.recipientType === recipientType);
  if (found === undefined) throw new Error(`no ${keyKind} grant to ${recipientType}`);
  return found;
};

describe('buildAlertPackage', () => {
  it('seals the answers under a content key granted to the organisation and to the reporter', () => {
    const pack = buildAlertPackage(ALERT, draft, intake, reporter);
    const forOrg = openGrant(grant(pack, 'content', 'organisation'), org.privateKey);
    const forReporter = openGrant(grant(pack, 'content', 'reporter'), reporter.x25519.privateKey);
    expect(forReporter).toEqual(forOrg);
    const answers = JSON.parse(utf8Decode(openEnvelope(forOrg, PURPOSES.answers, answersContext(ALERT), fromBase64Url(pack.answersEnvelope))));
    expect(answers).toMatchObject({
      questionnaireVersion: 3,
      statistics: { ...draft.statistics, amountBand: '100k-1m' },
      description: draft.description,
      attachments: [{ name: 'recu-diboli.jpg', size: 17, chunkCount: 1, scrub: 'cleaned' }],
      reporterKeys: { ed25519Public: toBase64Url(reporter.ed25519.publicKey) },
    });
    expect(pack.statistics).toEqual({ ...draft.statistics, amountBand: '100k-1m' });
  });

  it('grants the desk key to the organisation only and the identity key to the custodian only', () => {
    const pack = buildAlertPackage(ALERT, draft, intake, reporter);
    expect(pack.grants.map((g) => `${g.keyKind}->${g.recipientType}`).sort()).toEqual(['content->organisation', 'content->reporter', 'desk->organisation', 'identity->custodian']);
    const identityKey = openGrant(grant(pack, 'identity', 'custodian'), custodian.privateKey);
    const identity = JSON.parse(utf8Decode(openEnvelope(identityKey, PURPOSES.identity, identityContext(ALERT), fromBase64Url(pack.identityEnvelope))));
    expect(identity).toEqual({ v: 1, name: 'Awa Traoré', phone: '+223 70 00 00 00' });
    expect(() => openGrant(grant(pack, 'identity', 'custodian'), org.privateKey)).toThrow();
  });

  it('always makes an identity envelope of one size, with or without an identity', () => {
    const withIdentity = buildAlertPackage(ALERT, draft, intake, reporter);
    const without = buildAlertPackage(ALERT, { ...draft, identity: null }, intake, reporter);
    expect(without.identityEnvelope.length).toBe(withIdentity.identityEnvelope.length);
  });

  it('leaves nothing the reporter typed in clear', () => {
    const text = JSON.stringify(buildAlertPackage(ALERT, draft, intake, reporter));
    for (const secret of ['pourboire', 'Diboli', 'recu-diboli', 'Traoré', '70 00', 'image/jpeg']) expect(text).not.toContain(secret);
  });

  const draftError = (bad: typeof draft): unknown => {
    try {
      buildAlertPackage(ALERT, bad, intake, reporter);
    } catch (e) {
      return e;
    }
    return undefined;
  };

  it('refuses an incomplete draft, naming the field and not its value', () => {
    const tooLong = draftError({ ...draft, institutionName: 'x'.repeat(301) });
    expect(tooLong).toBeInstanceOf(ClientError);
    expect(tooLong).toMatchObject({ code: 'invalid-draft', issues: ['institutionName'] });
    expect(String(tooLong)).not.toContain('xxx');
    // Nothing said: no written account and no voice message.
    expect(draftError({ ...draft, description: '', files: [] })).toMatchObject({ code: 'invalid-draft', issues: ['description'] });
  });

  it('accepts a voice message in place of the written account', () => {
    const voice = { name: 'message-vocal-1.webm', type: 'audio/webm', bytes: new Uint8Array(500), scrub: 'cleaned' as const };
    expect(draftError({ ...draft, description: '', files: [voice] })).toBeUndefined();
  });

  it('refuses a file larger than the server accepts', () => {
    const big = { ...draft, files: [{ name: 'big.bin', type: 'application/octet-stream', bytes: new Uint8Array(300_000), scrub: 'not-cleaned' as const }] };
    expect(() => buildAlertPackage(ALERT, big, { ...intake, limits: { ...intake.limits, maxFileBytes: 262_144 } }, reporter)).toThrow(ClientError);
  });
});
