import { describe, expect, it } from 'vitest';
import type { DirectoryBody } from '@kenekanko/contracts';
import { recipientChoices } from './recipient-choices.ts';

const KEY = 'A'.repeat(43);
const org = (id: string, kind: DirectoryBody['organisations'][number]['kind']) => ({ id, kind, name: id.toUpperCase(), x25519Public: KEY, ed25519Public: KEY, keyVersion: 1 });
const directory = (organisations: DirectoryBody['organisations']): DirectoryBody => ({
  v: 1, version: 2, issuedAt: '2026-12-04T02:00:00.000Z', deploymentSalt: KEY, organisations, routing: { defaultOrgId: 'coalition' }, custodian: { x25519Public: KEY, keyVersion: 1 },
});
const WITH_OCLEI = directory([org('coalition', 'coalition'), org('oclei', 'authority'), org('journal', 'media')]);

describe('recipientChoices', () => {
  it('offers authorities, media only with consent, never the sender itself', () => {
    expect(recipientChoices(WITH_OCLEI, 'coalition', 'absent', []).choices.map((o) => o.id)).toEqual(['oclei']);
    expect(recipientChoices(WITH_OCLEI, 'coalition', 'given', []).choices.map((o) => o.id)).toEqual(['oclei', 'journal']);
    expect(recipientChoices(WITH_OCLEI, 'oclei', 'absent', []).choices).toEqual([]);
  });

  it('leaves out organisations already sent the case, and says so when none is left', () => {
    const left = recipientChoices(WITH_OCLEI, 'coalition', 'given', ['oclei']);
    expect(left.choices.map((o) => o.id)).toEqual(['journal']);
    expect(left.notice).toBeNull();
    expect(recipientChoices(WITH_OCLEI, 'coalition', 'absent', ['oclei'])).toEqual({ choices: [], notice: 'desk.forwarding.allForwarded' });
  });

  it('tells a session whose directory predates the recipient to sign in again, not that there is no authority', () => {
    const old = directory([org('coalition', 'coalition')]);
    expect(recipientChoices(old, 'coalition', 'absent', ['oclei']).notice).toBe('desk.forwarding.staleDirectory');
    expect(recipientChoices(old, 'coalition', 'absent', []).notice).toBe('desk.forwarding.noRecipients');
  });
});
