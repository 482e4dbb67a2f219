import { describe, expect, it } from 'vitest';
import { bucketSize, padToBucket, randomBytes, unpad } from './index.ts';
import { codeOf } from '../test/error-code.ts';


describe('padding', () => {
  it('buckets: 256, powers of two to 64 KiB, then multiples of 64 KiB', () => {
    const cases: [number, number][] = [
      [0, 256],
      [256, 256],
      [257, 512],
      [1024, 1024],
      [1025, 2048],
      [65_536, 65_536],
      [65_537, 131_072],
      [131_073, 196_608],
      [1_000_000, 1_048_576],
    ];
    for (const [size, bucket] of cases) expect(bucketSize(size)).toBe(bucket);
  });

  it('frames are u32be(length) || plaintext || zeros, grown to a bucket', () => {
    expect(padToBucket(new Uint8Array(0)).length).toBe(256);
    expect(padToBucket(new Uint8Array(252)).length).toBe(256);
    expect(padToBucket(new Uint8Array(253)).length).toBe(512);
    expect(padToBucket(new Uint8Array(10), 1024).length).toBe(1024);
    expect(padToBucket(new Uint8Array(10), 1000).length).toBe(1024);
    expect(Array.from(padToBucket(Uint8Array.of(7, 8)).subarray(0, 7))).toEqual([0, 0, 0, 2, 7, 8, 0]);
  });

  it('round trips for many lengths', () => {
    for (const n of [0, 1, 2, 251, 252, 253, 1000, 4096, 70_000]) {
      const pt = randomBytes(n);
      expect(unpad(padToBucket(pt))).toEqual(pt);
    }
  });

  it('unpad is strict about the length and the zero fill', () => {
    const frame = padToBucket(Uint8Array.of(1, 2, 3));
    const badFill = Uint8Array.from(frame);
    badFill[200] = 1;
    expect(codeOf(() => unpad(badFill))).toBe('bad-envelope');
    const badLength = Uint8Array.from(frame);
    badLength[2] = 1;
    expect(codeOf(() => unpad(badLength))).toBe('bad-envelope');
    expect(codeOf(() => unpad(new Uint8Array(3)))).toBe('bad-envelope');
  });
});
