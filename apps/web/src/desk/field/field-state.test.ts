import { beforeEach, describe, expect, it } from 'vitest';
import type { AlertDraft, SealedSubmission } from '@kenekanko/client';
import { PURPOSES, canonicalJson, ed25519KeyPair, randomBytes, signStatement, toBase64Url, x25519KeyPair } from '@kenekanko/crypto';
import type { JsonValue } from '@kenekanko/crypto';
import { STATISTICS_FIELDS } from '@kenekanko/contracts';
import type { IntakeResponse } from '@kenekanko/contracts';
import { fieldIntake, openField, readiness, sealForOrganisation } from './field-state.ts';
import type { FieldDeps } from './field-state.ts';
import { fieldOrganisations } from './field-org.ts';

const COALITION = 'CCCCCCCCCCCCCCCCCCCCCC';
const CSO = 'SSSSSSSSSSSSSSSSSSSSSS';
const ABSENT = 'AAAAAAAAAAAAAAAAAAAAAA';
const coalition = ed25519KeyPair();
const signed = (purpose: (typeof PURPOSES)['directory' | 'questionnaire'], body: JsonValue) => ({
  body: canonicalJson(body),
  signature: toBase64Url(signStatement(purpose, body, coalition.privateKey)),
});
const org = (id: string, kind: string, name: string) => ({
  id,
  kind,
  name,
  x25519Public: toBase64Url(x25519KeyPair().publicKey),
  ed25519Public: toBase64Url(ed25519KeyPair().publicKey),
  keyVersion: 1,
});
const pinned = toBase64Url(coalition.publicKey);
const intake: IntakeResponse = {
  coalitionSigningPublic: pinned,
  directory: signed(PURPOSES.directory, {
    v: 1,
    version: 1,
    issuedAt: '2025-01-01T00:00:00.000Z',
    deploymentSalt: toBase64Url(randomBytes(16)),
    organisations: [org(COALITION, 'coalition', 'COSCLCCP'), org(CSO, 'cso', 'Association Kayes')],
    routing: { defaultOrgId: COALITION },
    custodian: { x25519Public: toBase64Url(x25519KeyPair().publicKey), keyVersion: 1 },
  }),
  questionnaire: signed(PURPOSES.questionnaire, { v: 1, version: 1, statisticsFields: [...STATISTICS_FIELDS], encryptedFields: [] }),
  pow: { challenge: 'Y2hhbGxlbmdlY2hhbGxlbmdl', bits: 0, expiresAt: '2026-12-01T00:05:00.000Z' },
  limits: { maxFileBytes: 10_000_000, maxAlertBytes: 50_000_000, chunkSize: 262_144 },
};
const DESCRIPTION = 'Le chef de poste de Diboli exige dix mille francs par camion.';
const draft: AlertDraft = {
  language: 'fr',
  statistics: { kind: 'bribery', regionId: 'ml-kayes', cercleId: null, institutionType: 'customs' },
  communeId: null,
  when: null,
  institutionName: '',
  amountFcfa: null,
  description: DESCRIPTION,
  identity: null,
  consents: { shareWithJournalists: false },
  files: [],
};

function deps(pin: string | undefined = pinned): FieldDeps & { readonly kept: SealedSubmission[] } {
  const kept: SealedSubmission[] = [];
  return { api: { intake: () => Promise.resolve(intake) }, pinned: () => pin, keep: async (sealed) => void kept.push(sealed), startSending: async () => undefined, kept };
}

describe('recording an alert in the field', () => {
  beforeEach(() => {
    fieldIntake.value = { status: 'loading' };
  });

  it("seals to the focal point's own organisation, not the default route, and keeps only ciphertext", async () => {
    const d = deps();
    await openField(d);
    const state = await sealForOrganisation(draft, CSO, d);
    if (state.status !== 'slip') throw new Error(`expected a slip, got ${state.status}`);
    expect(state.slip.receipt).toMatch(/^\d{24}$/);
    expect(d.kept).toHaveLength(1);
    const sealed = d.kept[0];
    expect(sealed?.finalize.orgId).toBe(CSO);
    expect(sealed?.submissionId).toBe(state.slip.submissionId);
    // SECURITY: the package that waits on the phone holds neither the receipt nor the words heard.
    const stored = JSON.stringify(sealed, (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : value));
    expect(stored).not.toContain(state.slip.receipt);
    expect(stored).not.toContain('Diboli');
  });

  it('says before anything is written whether the organisation can receive alerts', () => {
    expect(readiness(intake, CSO, () => pinned)).toEqual({ status: 'ready' });
    expect(readiness(intake, ABSENT, () => pinned)).toEqual({ status: 'not-in-directory' });
    expect(readiness(intake, CSO, () => toBase64Url(ed25519KeyPair().publicKey)).status).toBe('untrusted');
  });

  it('refuses an organisation the signed directory does not list, and keeps nothing', async () => {
    const d = deps();
    await openField(d);
    expect(await sealForOrganisation(draft, ABSENT, d)).toEqual({ status: 'not-in-directory' });
    expect(d.kept).toHaveLength(0);
  });

  it('refuses a directory not signed by the pinned coalition key', async () => {
    const d = deps(toBase64Url(ed25519KeyPair().publicKey));
    await openField(d);
    expect((await sealForOrganisation(draft, CSO, d)).status).toBe('failed');
    expect(d.kept).toHaveLength(0);
  });

  it('keeps the intake fetched earlier when the network is gone, and seals with it', async () => {
    await openField(deps());
    const offline: FieldDeps = { ...deps(), api: { intake: () => Promise.reject(new TypeError('Failed to fetch')) } };
    await openField(offline);
    expect(fieldIntake.value.status).toBe('ready');
    expect((await sealForOrganisation(draft, CSO, deps())).status).toBe('slip');
  });
});

describe('the organisations a focal point records for', () => {
  const membership = (orgId: string, role: 'focal-point' | 'analyst') => ({ orgId, orgName: orgId, orgKind: 'cso' as const, role, orgKeyGrant: null, olderOrgKeyGrants: [] });

  it('lists only focal-point memberships, once each', () => {
    expect(fieldOrganisations([membership(CSO, 'focal-point'), membership(COALITION, 'analyst'), membership(CSO, 'focal-point')])).toEqual([
      { orgId: CSO, orgName: CSO },
    ]);
  });
});
