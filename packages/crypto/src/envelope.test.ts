import { describe, expect, it } from 'vitest';
import {
  CryptoError,
  IDENTITY_PADDED_SIZE,
  PURPOSES,
  envelopeVersion,
  openEnvelope,
  randomBytes,
  sealEnvelope,
  utf8Decode,
  utf8Encode,
} from './index.ts';
import type { EnvelopeContext } from './index.ts';
import { uncaughtFlips } from '../test/tamper.ts';
import { codeOf } from '../test/error-code.ts';

const key = randomBytes(32);
const ctx: EnvelopeContext = { alertId: 'AAAAAAAAAAAAAAAAAAAAAA', objectKind: 'answers', field: 'main' };
const plaintext = utf8Encode('{"q1":"Le maire a détourné les fonds du marché de Sikasso"}');


describe('symmetric envelopes', () => {
  it('round trips, with version 1 and the purpose in the header', () => {
    const env = sealEnvelope(key, PURPOSES.answers, ctx, plaintext);
    expect(envelopeVersion(env)).toBe(1);
    expect(env[0]).toBe(1);
    expect(utf8Decode(env.subarray(2, 2 + (env[1] ?? 0)))).toBe(PURPOSES.answers);
    expect(openEnvelope(key, PURPOSES.answers, ctx, env)).toEqual(plaintext);
  });

  it('uses a fresh nonce each time', () => {
    const a = sealEnvelope(key, PURPOSES.answers, ctx, plaintext);
    const b = sealEnvelope(key, PURPOSES.answers, ctx, plaintext);
    expect(a).not.toEqual(b);
  });

  it('pads: the length shows the bucket, not the content', () => {
    const short = sealEnvelope(key, PURPOSES.answers, ctx, utf8Encode('a'));
    const longer = sealEnvelope(key, PURPOSES.answers, ctx, new Uint8Array(200));
    expect(short.length).toBe(longer.length);
    const overhead = 2 + PURPOSES.answers.length + 24 + 16;
    expect(short.length).toBe(overhead + 256);
    expect(sealEnvelope(key, PURPOSES.answers, ctx, new Uint8Array(300)).length).toBe(overhead + 512);
  });

  it('fails on every single bit flip', () => {
    const env = sealEnvelope(key, PURPOSES.answers, ctx, plaintext);
    expect(env.length * 8).toBeGreaterThan(2000);
    expect(uncaughtFlips(env, (t) => openEnvelope(key, PURPOSES.answers, ctx, t))).toEqual([]);
  });

  it('fails on truncation and extension', () => {
    const env = sealEnvelope(key, PURPOSES.answers, ctx, plaintext);
    for (let n = 0; n < env.length; n += 7) expect(() => openEnvelope(key, PURPOSES.answers, ctx, env.subarray(0, n))).toThrow(CryptoError);
    const extended = new Uint8Array(env.length + 1);
    extended.set(env);
    expect(codeOf(() => openEnvelope(key, PURPOSES.answers, ctx, extended))).toBe('decrypt-failed');
  });

  it('fails under the wrong key, purpose or any context field', () => {
    const env = sealEnvelope(key, PURPOSES.answers, ctx, plaintext);
    const open = (k: Uint8Array, c: EnvelopeContext, p: typeof PURPOSES.answers | typeof PURPOSES.note = PURPOSES.answers) =>
      codeOf(() => openEnvelope(k, p, c, env));
    expect(open(randomBytes(32), ctx)).toBe('decrypt-failed');
    expect(open(key, ctx, PURPOSES.note)).toBe('bad-envelope');
    expect(open(key, { ...ctx, alertId: 'BAAAAAAAAAAAAAAAAAAAAA' })).toBe('decrypt-failed');
    expect(open(key, { ...ctx, alertId: '' })).toBe('decrypt-failed');
    expect(open(key, { ...ctx, objectKind: 'note' })).toBe('decrypt-failed');
    expect(open(key, { ...ctx, field: 'other' })).toBe('decrypt-failed');
    expect(open(key, { ...ctx, chunkIndex: 0, lastChunk: true })).toBe('decrypt-failed');
  });

  it('does not confuse context fields that concatenate alike', () => {
    const a: EnvelopeContext = { alertId: 'ab', objectKind: 'c', field: 'd' };
    const env = sealEnvelope(key, PURPOSES.note, a, plaintext);
    expect(codeOf(() => openEnvelope(key, PURPOSES.note, { alertId: 'a', objectKind: 'bc', field: 'd' }, env))).toBe('decrypt-failed');
  });

  it('refuses an unknown version byte as unsupported-version', () => {
    const env = sealEnvelope(key, PURPOSES.answers, ctx, plaintext);
    for (const v of [0, 2, 255]) {
      const other = Uint8Array.from(env);
      other[0] = v;
      expect(codeOf(() => envelopeVersion(other))).toBe('unsupported-version');
      expect(codeOf(() => openEnvelope(key, PURPOSES.answers, ctx, other))).toBe('unsupported-version');
    }
    expect(codeOf(() => envelopeVersion(new Uint8Array(0)))).toBe('bad-envelope');
  });

  it('refuses half a chunk context, bad keys and unknown purposes', () => {
    expect(codeOf(() => sealEnvelope(key, PURPOSES.answers, { ...ctx, chunkIndex: 1 }, plaintext))).toBe('bad-input');
    expect(codeOf(() => sealEnvelope(key, PURPOSES.answers, { ...ctx, objectKind: '' }, plaintext))).toBe('bad-input');
    expect(codeOf(() => sealEnvelope(new Uint8Array(16), PURPOSES.answers, ctx, plaintext))).toBe('bad-input');
    // @ts-expect-error: not a Purpose
    expect(codeOf(() => sealEnvelope(key, 'kenekanko/v1/nope', ctx, plaintext))).toBe('bad-input');
    expect(codeOf(() => sealEnvelope(key, PURPOSES.answers, { ...ctx, field: '\uD800' }, plaintext))).toBe('bad-input');
  });

  it('padTo is exact: a bucket size, never silently exceeded', () => {
    expect(sealEnvelope(key, PURPOSES.message, ctx, plaintext, { padTo: 4096 }).length).toBe(2 + PURPOSES.message.length + 40 + 4096);
    expect(codeOf(() => sealEnvelope(key, PURPOSES.message, ctx, new Uint8Array(4093), { padTo: 4096 }))).toBe('bad-input');
    expect(codeOf(() => sealEnvelope(key, PURPOSES.message, ctx, plaintext, { padTo: 1000 }))).toBe('bad-input');
  });

  it('identity envelopes all have one length, empty or full up to the cap', () => {
    const idCtx: EnvelopeContext = { alertId: ctx.alertId, objectKind: 'identity', field: 'main' };
    const lengths = new Set(
      [0, 1, 100, 500, IDENTITY_PADDED_SIZE - 4].map((n) => {
        const pt = randomBytes(n);
        const env = sealEnvelope(key, PURPOSES.identity, idCtx, pt);
        expect(openEnvelope(key, PURPOSES.identity, idCtx, env)).toEqual(pt);
        return env.length;
      }),
    );
    expect([...lengths]).toEqual([2 + PURPOSES.identity.length + 40 + IDENTITY_PADDED_SIZE]);
    expect(codeOf(() => sealEnvelope(key, PURPOSES.identity, idCtx, new Uint8Array(IDENTITY_PADDED_SIZE - 3)))).toBe('bad-input');
    expect(codeOf(() => sealEnvelope(key, PURPOSES.identity, idCtx, plaintext, { padTo: 2048 }))).toBe('bad-input');
  });
});
