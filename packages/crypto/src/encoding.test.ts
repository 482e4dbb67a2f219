import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, equalBytes, fromBase64Url, fromHex, randomBytes, toBase64Url, toHex, utf8Decode, utf8Encode } from './index.ts';
import { codeOf } from '../test/error-code.ts';


describe('encoding', () => {
  it('base64url matches RFC 4648 test vectors (unpadded, url alphabet)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, b64] of vectors) {
      expect(toBase64Url(utf8Encode(text))).toBe(b64);
      expect(utf8Decode(fromBase64Url(b64))).toBe(text);
    }
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });

  it('base64url and hex round trip any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
        expect(fromHex(toHex(bytes))).toEqual(bytes);
      }),
    );
  });

  it('base64url decoding is strict: no padding, no other alphabet, no non-zero trailing bits', () => {
    for (const bad of ['Zg==', 'Zm9v YmFy', 'Zm+v', 'Zm/v', 'Z', 'Zh', 'Zm9']) {
      expect(codeOf(() => fromBase64Url(bad))).toBe('bad-input');
    }
  });

  it('hex decoding is strict', () => {
    expect(fromHex('00FFaa')).toEqual(Uint8Array.of(0, 255, 170));
    for (const bad of ['0', '0g', '0x00', ' 00']) expect(codeOf(() => fromHex(bad))).toBe('bad-input');
  });

  it('UTF-8 is fatal both ways', () => {
    expect(utf8Decode(utf8Encode('Ségou, ɛ ɔ ɲ ŋ'))).toBe('Ségou, ɛ ɔ ɲ ŋ');
    expect(codeOf(() => utf8Decode(Uint8Array.of(0xff)))).toBe('bad-input');
    expect(codeOf(() => utf8Decode(Uint8Array.of(0xc3)))).toBe('bad-input');
    expect(codeOf(() => utf8Encode('a\uDC00b'))).toBe('bad-input');
    expect(codeOf(() => utf8Encode('a\uD800'))).toBe('bad-input');
    expect(utf8Encode('\uD83D\uDE00')).toEqual(Uint8Array.of(0xf0, 0x9f, 0x98, 0x80));
  });

  it('equalBytes compares content and length', () => {
    expect(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 0))).toBe(false);
    expect(equalBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  it('concatBytes and randomBytes (beyond the 65,536-byte getRandomValues quota)', () => {
    expect(concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3))).toEqual(Uint8Array.of(1, 2, 3));
    const big = randomBytes(200_000);
    expect(big.length).toBe(200_000);
    expect(big.subarray(150_000).some((b) => b !== 0)).toBe(true);
    expect(codeOf(() => randomBytes(-1))).toBe('bad-input');
  });
});
