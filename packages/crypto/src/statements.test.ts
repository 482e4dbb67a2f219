import { describe, expect, it } from 'vitest';
import {
  PURPOSES,
  assertEd25519Signature,
  canonicalJson,
  ed25519KeyPair,
  ed25519Sign,
  ed25519Verify,
  fingerprint,
  fromHex,
  signStatement,
  statementBytes,
  toHex,
  utf8Decode,
  verifyStatement,
} from './index.ts';
import type { JsonValue } from './index.ts';
import { codeOf } from '../test/error-code.ts';


describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    const a = { b: 1, a: [true, null, { z: 'x', y: -2.5 }], c: { e: '', d: 'ɛ' } };
    const b = { c: { d: 'ɛ', e: '' }, a: [true, null, { y: -2.5, z: 'x' }], b: 1 };
    expect(canonicalJson(a)).toBe('{"a":[true,null,{"y":-2.5,"z":"x"}],"b":1,"c":{"d":"ɛ","e":""}}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('matches RFC 8785 on key order by UTF-16 code units and on number forms', () => {
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '1': 4, a: 5 })).toBe('{"\\r":2,"1":4,"a":5,"€":1,"😀":3}');
    expect(canonicalJson([1e21, 1e-7, 0.1, -0, 100])).toBe('[1e+21,1e-7,0.1,0,100]');
  });

  it('leaves out undefined object members, as a JSON parser would', () => {
    expect(canonicalJson({ b: undefined, a: 1 })).toBe('{"a":1}');
  });

  it('refuses what JSON.stringify would silently change', () => {
    const bad: unknown[] = [NaN, Infinity, [undefined], { a: [1, undefined] }, new Array(2), new Date(0), () => 1, 1n, '\uD800', { ['\uDC00']: 1 }];
    for (const value of bad) expect(codeOf(() => canonicalJson(value as JsonValue))).toBe('bad-input');
  });
});

describe('signed statements', () => {
  const signer = ed25519KeyPair();
  const statement = { version: 3, organisations: [{ id: 'org-1', x25519: 'abc' }] };

  it('sign and verify, independent of key order', () => {
    const sig = signStatement(PURPOSES.directory, statement, signer.privateKey);
    expect(verifyStatement(PURPOSES.directory, { organisations: [{ x25519: 'abc', id: 'org-1' }], version: 3 }, sig, signer.publicKey)).toBe(true);
    expect(utf8Decode(statementBytes(PURPOSES.directory, statement))).toBe(
      'kenekanko/v1/directory\u0000{"organisations":[{"id":"org-1","x25519":"abc"}],"version":3}',
    );
  });

  it('fail for another purpose, statement, key, or a changed signature', () => {
    const sig = signStatement(PURPOSES.directory, statement, signer.privateKey);
    expect(verifyStatement(PURPOSES.questionnaire, statement, sig, signer.publicKey)).toBe(false);
    expect(verifyStatement(PURPOSES.directory, { ...statement, version: 4 }, sig, signer.publicKey)).toBe(false);
    expect(verifyStatement(PURPOSES.directory, statement, sig, ed25519KeyPair().publicKey)).toBe(false);
    for (let bit = 0; bit < 512; bit++) {
      const bad = Uint8Array.from(sig);
      bad[bit >> 3] = (bad[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      expect(verifyStatement(PURPOSES.directory, statement, bad, signer.publicKey)).toBe(false);
    }
    expect(verifyStatement(PURPOSES.directory, statement, sig.subarray(0, 63), signer.publicKey)).toBe(false);
  });

  it('ed25519Verify is strict: S + L (non-canonical S) is refused', () => {
    const msg = Uint8Array.of(1, 2, 3);
    const sig = ed25519Sign(msg, signer.privateKey);
    // L = 2^252 + 27742317777372353535851937790883648493, little-endian.
    const L = fromHex('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');
    const malleated = Uint8Array.from(sig);
    let carry = 0;
    for (let i = 0; i < 32; i++) {
      const sum = (sig[32 + i] ?? 0) + (L[i] ?? 0) + carry;
      malleated[32 + i] = sum & 0xff;
      carry = sum >> 8;
    }
    // S < L < 2^253, so S + L < 2^254 fits in 32 bytes with no carry out.
    expect(carry).toBe(0);
    expect(ed25519Verify(sig, msg, signer.publicKey)).toBe(true);
    expect(ed25519Verify(malleated, msg, signer.publicKey)).toBe(false);
    expect(codeOf(() => assertEd25519Signature(malleated, msg, signer.publicKey))).toBe('bad-signature');
  });

  it('ed25519Verify refuses a small-order public key and a non-canonical one', () => {
    const identity = fromHex('0100000000000000000000000000000000000000000000000000000000000000');
    // (R, S) = (identity, 0) satisfies the cofactored equation for the identity key: strict mode refuses it.
    const sig = new Uint8Array(64);
    sig.set(identity);
    expect(ed25519Verify(sig, Uint8Array.of(1), identity)).toBe(false);
    // y = p (non-canonical encoding of y = 0).
    const nonCanonical = fromHex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f');
    expect(ed25519Verify(sig, Uint8Array.of(1), nonCanonical)).toBe(false);
  });

  it('fingerprint is 16 bytes of SHA-256 as 8 groups of 4 hex digits', () => {
    const fp = fingerprint(signer.publicKey);
    expect(fp).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    expect(fingerprint(signer.publicKey)).toBe(fp);
    expect(fingerprint(ed25519KeyPair().publicKey)).not.toBe(fp);
    // SHA-256 of 32 zero bytes starts 66687aadf862bd776c8fc18b8e9f8e20.
    expect(fingerprint(new Uint8Array(32))).toBe('6668 7aad f862 bd77 6c8f c18b 8e9f 8e20');
    expect(toHex(signer.publicKey).length).toBe(64);
  });
});
