import { describe, expect, it } from 'vitest';
import { PURPOSES, randomBytes, sealEnvelope, sealToPublicKey, x25519KeyPair } from '@kenekanko/crypto';
import { addMonths, isClosingState } from './retention.ts';
import { isSealedShape } from './sealed-shape.ts';

describe('addMonths', () => {
  it('adds calendar months in UTC', () => {
    expect(addMonths(new Date('2025-03-01T10:00:00.000Z'), 6).toISOString()).toBe('2025-09-01T10:00:00.000Z');
    expect(addMonths(new Date('2025-11-15T00:00:00.000Z'), 3).toISOString()).toBe('2026-02-15T00:00:00.000Z');
  });
  it("clamps to the target month's last day", () => {
    expect(addMonths(new Date('2025-01-31T12:00:00.000Z'), 1).toISOString()).toBe('2025-02-28T12:00:00.000Z');
    expect(addMonths(new Date('2024-01-31T12:00:00.000Z'), 1).toISOString()).toBe('2024-02-29T12:00:00.000Z');
  });
});

describe('isClosingState', () => {
  it('counts closed and the exits that end a case, not spam or open states', () => {
    expect(['closed', 'unfounded', 'duplicate', 'out-of-scope'].every((s) => isClosingState(s as 'closed'))).toBe(true);
    expect(isClosingState('spam')).toBe(false);
    expect(isClosingState('forwarded')).toBe(false);
  });
});

describe('isSealedShape', () => {
  const context = { alertId: 'a', objectKind: 'identity-request', field: 'r' };
  it('accepts a sealed box of the purpose and refuses another purpose or a symmetric envelope', () => {
    const box = sealToPublicKey(x25519KeyPair().publicKey, PURPOSES.identityRequestReason, context, new Uint8Array(10));
    expect(isSealedShape(box, PURPOSES.identityRequestReason)).toBe(true);
    expect(isSealedShape(box, PURPOSES.identityRefusalReason)).toBe(false);
    const envelope = sealEnvelope(randomBytes(32), PURPOSES.identityRequestReason, context, new Uint8Array(10));
    expect(isSealedShape(envelope, PURPOSES.identityRequestReason)).toBe(false);
    expect(isSealedShape(randomBytes(200), PURPOSES.identityRequestReason)).toBe(false);
  });
});
