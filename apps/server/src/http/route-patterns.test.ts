import { describe, expect, it } from 'vitest';
import { ROUTES } from '@kenekanko/contracts';
import { fillPattern, ROUTE_PATTERNS } from './route-patterns.ts';

const ids = { submissionId: 'S'.repeat(22), blobId: 'B'.repeat(22), alertId: 'A'.repeat(22), index: 7 };

describe('route patterns', () => {
  it('build the same paths as the contracts', () => {
    expect(fillPattern(ROUTE_PATTERNS.chunk, ids)).toBe(ROUTES.chunk(ids.submissionId, ids.blobId, ids.index));
    expect(fillPattern(ROUTE_PATTERNS.finalize, ids)).toBe(ROUTES.finalize(ids.submissionId));
    expect(fillPattern(ROUTE_PATTERNS.staffAlert, ids)).toBe(ROUTES.staffAlert(ids.alertId));
    expect(fillPattern(ROUTE_PATTERNS.staffChunk, ids)).toBe(ROUTES.staffChunk(ids.alertId, ids.blobId, ids.index));
    expect(fillPattern(ROUTE_PATTERNS.staffTransitions, ids)).toBe(ROUTES.staffTransitions(ids.alertId));
    expect(fillPattern(ROUTE_PATTERNS.staffMessages, ids)).toBe(ROUTES.staffMessages(ids.alertId));
    expect(fillPattern(ROUTE_PATTERNS.staffNotes, ids)).toBe(ROUTES.staffNotes(ids.alertId));
  });

  it('refuses to fill a pattern with a missing parameter', () => {
    expect(() => fillPattern(ROUTE_PATTERNS.chunk, { submissionId: 'x' })).toThrow(/blobId/);
  });
});
