import { describe, expect, it } from 'vitest';
import { CUSTODY_ROUTES } from '@kenekanko/contracts';
import { fillPattern } from '../route-patterns.ts';
import { CUSTODY_PATTERNS } from './custody-routes.ts';

const A = 'alertAAAAAAAAAAAAAAAAA';
const R = 'requestRRRRRRRRRRRRRRR';
const O = 'orgOOOOOOOOOOOOOOOOOOO';

describe('custody route patterns', () => {
  it('match the paths the client builds from CUSTODY_ROUTES', () => {
    const params = { alertId: A, requestId: R, orgId: O };
    expect(fillPattern(CUSTODY_PATTERNS.custodyRequest, params)).toBe(CUSTODY_ROUTES.custodyRequest(R));
    expect(fillPattern(CUSTODY_PATTERNS.custodyGrant, params)).toBe(CUSTODY_ROUTES.custodyGrant(R));
    expect(fillPattern(CUSTODY_PATTERNS.custodyRefuse, params)).toBe(CUSTODY_ROUTES.custodyRefuse(R));
    expect(fillPattern(CUSTODY_PATTERNS.alertIdentityRequests, params)).toBe(CUSTODY_ROUTES.alertIdentityRequests(A));
    expect(fillPattern(CUSTODY_PATTERNS.alertRetention, params)).toBe(CUSTODY_ROUTES.alertRetention(A));
    expect(fillPattern(CUSTODY_PATTERNS.alertRetentionHold, params)).toBe(CUSTODY_ROUTES.alertRetentionHold(A));
    expect(fillPattern(CUSTODY_PATTERNS.orgRetention, params)).toBe(CUSTODY_ROUTES.orgRetention(O));
  });
});
