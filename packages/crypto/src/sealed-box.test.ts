import { describe, expect, it } from 'vitest';
import { PURPOSES, openSealed, randomBytes, sealToPublicKey, x25519KeyPair } from './index.ts';
import type { EnvelopeContext } from './index.ts';
import { uncaughtFlips } from '../test/tamper.ts';
import { codeOf } from '../test/error-code.ts';

const recipient = x25519KeyPair();
const ctx: EnvelopeContext = { alertId: 'AAAAAAAAAAAAAAAAAAAAAA', objectKind: 'key-grant', field: 'org-1' };
const contentKey = randomBytes(32);


describe('sealed boxes', () => {
  it('round trips; layout is [1][purpose][eph 32][nonce 24][ct+tag]', () => {
    const box = sealToPublicKey(recipient.publicKey, PURPOSES.sealedKey, ctx, contentKey);
    expect(box[0]).toBe(1);
    expect(box.length).toBe(2 + PURPOSES.sealedKey.length + 32 + 24 + 256 + 16);
    expect(openSealed(recipient.privateKey, PURPOSES.sealedKey, ctx, box)).toEqual(contentKey);
  });

  it('uses a fresh ephemeral key each time', () => {
    const a = sealToPublicKey(recipient.publicKey, PURPOSES.sealedKey, ctx, contentKey);
    const b = sealToPublicKey(recipient.publicKey, PURPOSES.sealedKey, ctx, contentKey);
    const at = 2 + PURPOSES.sealedKey.length;
    expect(a.subarray(at, at + 32)).not.toEqual(b.subarray(at, at + 32));
  });

  it('fails on every single bit flip', () => {
    const box = sealToPublicKey(recipient.publicKey, PURPOSES.sealedKey, ctx, contentKey);
    expect(uncaughtFlips(box, (t) => openSealed(recipient.privateKey, PURPOSES.sealedKey, ctx, t))).toEqual([]);
  });

  it('fails for another recipient, purpose or context', () => {
    const box = sealToPublicKey(recipient.publicKey, PURPOSES.sealedKey, ctx, contentKey);
    expect(codeOf(() => openSealed(x25519KeyPair().privateKey, PURPOSES.sealedKey, ctx, box))).toBe('decrypt-failed');
    expect(codeOf(() => openSealed(recipient.privateKey, PURPOSES.draft, ctx, box))).toBe('bad-envelope');
    expect(codeOf(() => openSealed(recipient.privateKey, PURPOSES.sealedKey, { ...ctx, alertId: 'x' }, box))).toBe('decrypt-failed');
    expect(codeOf(() => openSealed(recipient.privateKey, PURPOSES.sealedKey, { ...ctx, objectKind: 'y' }, box))).toBe('decrypt-failed');
    expect(codeOf(() => openSealed(recipient.privateKey, PURPOSES.sealedKey, { ...ctx, field: 'org-2' }, box))).toBe('decrypt-failed');
  });

  it('refuses to seal to a low-order public key', () => {
    expect(codeOf(() => sealToPublicKey(new Uint8Array(32), PURPOSES.sealedKey, ctx, contentKey))).toBe('low-order-point');
    const one = new Uint8Array(32);
    one[0] = 1;
    expect(codeOf(() => sealToPublicKey(one, PURPOSES.sealedKey, ctx, contentKey))).toBe('low-order-point');
  });

  it('refuses a box whose ephemeral key was replaced by a low-order point', () => {
    const box = sealToPublicKey(recipient.publicKey, PURPOSES.sealedKey, ctx, contentKey);
    const at = 2 + PURPOSES.sealedKey.length;
    box.fill(0, at, at + 32);
    expect(codeOf(() => openSealed(recipient.privateKey, PURPOSES.sealedKey, ctx, box))).toBe('low-order-point');
  });

  it('refuses an unknown version', () => {
    const box = sealToPublicKey(recipient.publicKey, PURPOSES.sealedKey, ctx, contentKey);
    box[0] = 2;
    expect(codeOf(() => openSealed(recipient.privateKey, PURPOSES.sealedKey, ctx, box))).toBe('unsupported-version');
  });
});
