/** Property tests (fast-check): envelopes round trip for any context, and any tamper fails. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PURPOSES, encodeContext, openEnvelope, openSealed, randomBytes, sealEnvelope, sealToPublicKey, toHex, x25519KeyPair } from './index.ts';
import type { EnvelopeContext, Purpose } from './index.ts';

const text = fc.string({ unit: 'binary', maxLength: 40 });
const contextArb: fc.Arbitrary<EnvelopeContext> = fc
  .record({
    alertId: text,
    objectKind: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
    field: text,
    chunk: fc.option(fc.record({ chunkIndex: fc.nat({ max: 0xffff_ffff }), lastChunk: fc.boolean() }), { nil: undefined }),
  })
  .map(({ chunk, ...rest }) => (chunk === undefined ? rest : { ...rest, ...chunk }));
const purposeArb: fc.Arbitrary<Purpose> = fc.constantFrom(
  ...Object.values(PURPOSES).filter((p) => p !== PURPOSES.identity),
);
const plaintextArb = fc.uint8Array({ maxLength: 3_000 });
const key = randomBytes(32);

const sameContext = (a: EnvelopeContext, b: EnvelopeContext): boolean =>
  a.alertId === b.alertId && a.objectKind === b.objectKind && a.field === b.field && a.chunkIndex === b.chunkIndex && a.lastChunk === b.lastChunk;

describe('envelope properties', () => {
  it('round trips for any purpose, context and plaintext', () => {
    fc.assert(
      fc.property(purposeArb, contextArb, plaintextArb, (purpose, context, plaintext) => {
        expect(openEnvelope(key, purpose, context, sealEnvelope(key, purpose, context, plaintext))).toEqual(plaintext);
      }),
      { numRuns: 300 },
    );
  });

  it('the context encoding is injective: different contexts give different AAD', () => {
    fc.assert(
      fc.property(purposeArb, contextArb, contextArb, (purpose, a, b) => {
        fc.pre(!sameContext(a, b));
        expect(toHex(encodeContext(1, purpose, a))).not.toBe(toHex(encodeContext(1, purpose, b)));
      }),
      { numRuns: 500 },
    );
  });

  it('any single tamper fails: a flipped bit, a changed byte, a cut, or another context', () => {
    const tamper = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat({ max: 7 }) }),
      fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('context' as const), other: contextArb }),
    );
    fc.assert(
      fc.property(purposeArb, contextArb, plaintextArb, tamper, (purpose, context, plaintext, t) => {
        const env = sealEnvelope(key, purpose, context, plaintext);
        let openWith = context;
        const bytes = Uint8Array.from(env);
        let input = bytes;
        if (t.kind === 'flip') bytes[t.at % bytes.length] = (bytes[t.at % bytes.length] ?? 0) ^ (1 << t.bit);
        if (t.kind === 'byte') bytes[t.at % bytes.length] = (bytes[t.at % bytes.length] ?? 0) ^ t.value;
        if (t.kind === 'cut') input = bytes.subarray(0, t.at % bytes.length);
        if (t.kind === 'context') {
          fc.pre(!sameContext(context, t.other));
          openWith = t.other;
        }
        expect(() => openEnvelope(key, purpose, openWith, input)).toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('sealed boxes round trip for any context, and fail under another', () => {
    const recipient = x25519KeyPair();
    fc.assert(
      fc.property(purposeArb, contextArb, contextArb, fc.uint8Array({ maxLength: 300 }), (purpose, context, other, plaintext) => {
        const box = sealToPublicKey(recipient.publicKey, purpose, context, plaintext);
        expect(openSealed(recipient.privateKey, purpose, context, box)).toEqual(plaintext);
        if (!sameContext(context, other)) expect(() => openSealed(recipient.privateKey, purpose, other, box)).toThrow();
      }),
      { numRuns: 50 },
    );
  });
});
