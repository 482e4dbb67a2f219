import { describe, expect, it, beforeEach } from 'vitest';
import { NetworkError } from '@kenekanko/client';
import type { AlertDraft } from '@kenekanko/client';
import { PURPOSES, canonicalJson, ed25519KeyPair, randomBytes, signStatement, toBase64Url, x25519KeyPair } from '@kenekanko/crypto';
import type { JsonValue } from '@kenekanko/crypto';
import { STATISTICS_FIELDS } from '@kenekanko/contracts';
import type { IntakeResponse } from '@kenekanko/contracts';
import { forgetIntake, prefetchIntake, sealAlert } from './seal-alert.ts';
import type { SealDeps } from './seal-alert.ts';

const ORG = 'OOOOOOOOOOOOOOOOOOOOOO';
const coalition = ed25519KeyPair();
const signed = (purpose: (typeof PURPOSES)['directory' | 'questionnaire'], body: JsonValue) => ({
  body: canonicalJson(body),
  signature: toBase64Url(signStatement(purpose, body, coalition.privateKey)),
});
const pinned = toBase64Url(coalition.publicKey);
const fresh: IntakeResponse = {
  coalitionSigningPublic: pinned,
  directory: signed(PURPOSES.directory, {
    v: 1,
    version: 1,
    issuedAt: '2025-01-01T00:00:00.000Z',
    deploymentSalt: toBase64Url(randomBytes(16)),
    organisations: [{ id: ORG, kind: 'coalition', name: 'COSCLCCP', x25519Public: toBase64Url(x25519KeyPair().publicKey), ed25519Public: toBase64Url(ed25519KeyPair().publicKey), keyVersion: 1 }],
    routing: { defaultOrgId: ORG },
    custodian: { x25519Public: toBase64Url(x25519KeyPair().publicKey), keyVersion: 1 },
  }),
  questionnaire: signed(PURPOSES.questionnaire, { v: 1, version: 1, statisticsFields: [...STATISTICS_FIELDS], encryptedFields: [] }),
  pow: { challenge: 'Y2hhbGxlbmdlY2hhbGxlbmdl', bits: 0, expiresAt: '2026-12-01T00:05:00.000Z' },
  limits: { maxFileBytes: 10_000_000, maxAlertBytes: 50_000_000, chunkSize: 262_144 },
};
const draft: AlertDraft = {
  language: 'fr',
  statistics: { kind: 'bribery', regionId: 'ml-kayes', cercleId: null, institutionType: 'customs' },
  communeId: null,
  when: null,
  institutionName: '',
  amountFcfa: null,
  description: 'Racket au poste de Diboli.',
  identity: null,
  consents: { shareWithJournalists: false },
  files: [],
};
const NOW = Date.parse('2026-12-01T00:00:00.000Z');

function deps(answers: readonly (IntakeResponse | 'offline')[]): SealDeps & { readonly calls: () => number } {
  let calls = 0;
  return {
    api: {
      intake: async () => {
        const answer = answers[Math.min(calls++, answers.length - 1)];
        if (answer === 'offline' || answer === undefined) throw new NetworkError('GET', '/api/intake');
        return answer;
      },
    },
    pinned: () => pinned,
    now: () => NOW,
    calls: () => calls,
  };
}

beforeEach(forgetIntake);

describe('sealAlert', () => {
  it('seals from a fresh intake, and hands its challenge on while it is still good', async () => {
    const sealed = await sealAlert(draft, () => undefined, deps([fresh]));
    expect(sealed.prepared.receipt).toMatch(/^\d{24}$/);
    expect(sealed.challenge).toEqual(fresh.pow);
    const stale = { ...fresh, pow: { ...fresh.pow, expiresAt: '2026-12-01T00:00:30.000Z' } };
    expect((await sealAlert(draft, () => undefined, deps([stale]))).challenge).toBeNull();
  });

  it('without a network, seals from the intake fetched when the form opened', async () => {
    const d = deps([fresh, 'offline']);
    await prefetchIntake(d);
    const sealed = await sealAlert(draft, () => undefined, d);
    expect(d.calls()).toBe(2);
    expect(sealed.prepared.sealed.finalize.orgId).toBe(ORG);
  });

  it('verifies a kept intake against the pinned key again: a swapped directory is refused', async () => {
    const swapped = { ...fresh, coalitionSigningPublic: toBase64Url(ed25519KeyPair().publicKey) };
    const d = deps([swapped, 'offline']);
    await prefetchIntake(d);
    await expect(sealAlert(draft, () => undefined, d)).rejects.toMatchObject({ code: 'untrusted-directory' });
  });

  it('says so when there is no network and no intake was ever fetched', async () => {
    await expect(sealAlert(draft, () => undefined, deps(['offline']))).rejects.toBeInstanceOf(NetworkError);
  });
});
