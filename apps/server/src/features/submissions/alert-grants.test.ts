import { describe, expect, it } from 'vitest';
import type { KeyGrant } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import { checkAlertGrants } from './alert-grants.ts';

const alertId = 'A'.repeat(22);
const orgId = 'O'.repeat(22);
const custodianId = 'C'.repeat(22);
const ctx = { alertId, orgId, orgKeyVersion: 2, custodianId, custodianKeyVersion: 1 };
const sealedKey = 'x'.repeat(80);

function grant(overrides: Partial<KeyGrant>): KeyGrant {
  return {
    objectType: 'alert',
    objectId: alertId,
    keyKind: 'content',
    keyVersion: 1,
    recipientType: 'organisation',
    recipientId: orgId,
    recipientKeyVersion: 2,
    sealedKey,
    ...overrides,
  };
}

const orgContent = grant({});
const reporterContent = grant({ recipientType: 'reporter', recipientId: alertId, recipientKeyVersion: 1 });
const orgDesk = grant({ keyKind: 'desk' });
const custodianIdentity = grant({ keyKind: 'identity', recipientType: 'custodian', recipientId: custodianId, recipientKeyVersion: 1 });
const valid: KeyGrant[] = [orgContent, reporterContent, orgDesk, custodianIdentity];

function issuesOf(grants: KeyGrant[]): readonly string[] {
  try {
    checkAlertGrants(grants, ctx);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation-failed') return error.issues;
    throw error;
  }
  return [];
}

describe('checkAlertGrants', () => {
  it('accepts exactly the four grants, in any order, each with a fresh id', () => {
    const records = checkAlertGrants([...valid].reverse(), ctx);
    expect(records).toHaveLength(4);
    expect(new Set(records.map((r) => r.id)).size).toBe(4);
  });

  it('refuses the desk key to the reporter', () => {
    expect(issuesOf([orgContent, grant({ keyKind: 'desk', recipientType: 'reporter', recipientId: alertId, recipientKeyVersion: 1 }), orgDesk, custodianIdentity])).toEqual(['grants.1']);
  });

  it('refuses the identity key to the organisation, or to another custodian key', () => {
    expect(issuesOf([orgContent, reporterContent, orgDesk, grant({ keyKind: 'identity' })])).toEqual(['grants.3']);
    expect(issuesOf([orgContent, reporterContent, orgDesk, { ...custodianIdentity, recipientId: 'D'.repeat(22) }])).toEqual(['grants.3']);
  });

  it('refuses a second content grant to another organisation', () => {
    expect(issuesOf([...valid, grant({ recipientId: 'Z'.repeat(22) })])).toEqual(['grants.4']);
  });

  it('refuses a duplicate that would leave a slot empty, and a missing grant', () => {
    expect(issuesOf([orgContent, orgContent, orgDesk, custodianIdentity])).toEqual(['grants.1']);
    expect(issuesOf(valid.slice(0, 3))).toEqual(['grants']);
  });

  it('refuses grants for another alert or a stale organisation key', () => {
    expect(issuesOf([grant({ objectId: 'B'.repeat(22) }), reporterContent, orgDesk, custodianIdentity])).toEqual(['grants.0']);
    expect(issuesOf([grant({ recipientKeyVersion: 1 }), reporterContent, orgDesk, custodianIdentity])).toEqual(['grants.0']);
  });
});
