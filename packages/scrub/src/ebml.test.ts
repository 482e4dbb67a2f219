import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EBML_IDS, EbmlError, durationElement, readElement, readFloat, readId, readSize, voidElement } from './ebml.ts';

describe('variable-length integers', () => {
  it('reads IDs with their marker bits, as the specification writes them', () => {
    expect(readId(Uint8Array.from([0xec]), 0)).toEqual({ value: 0xec, length: 1, unknown: false });
    expect(readId(Uint8Array.from([0x4d, 0x80]), 0)).toEqual({ value: EBML_IDS.muxingApp, length: 2, unknown: false });
    expect(readId(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3]), 0).value).toBe(EBML_IDS.header);
  });

  it('reads sizes without the marker bit, and all value bits set as unknown', () => {
    expect(readSize(Uint8Array.from([0x86]), 0)).toEqual({ value: 6, length: 1, unknown: false });
    expect(readSize(Uint8Array.from([0x40, 0xb3]), 0)).toEqual({ value: 0xb3, length: 2, unknown: false });
    expect(readSize(Uint8Array.from([0xff]), 0).unknown).toBe(true);
    expect(readSize(Uint8Array.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 0).unknown).toBe(true);
    expect(readSize(Uint8Array.from([0x01, 0, 0, 0, 0, 0, 0x01, 0x00]), 0)).toEqual({ value: 256, length: 8, unknown: false });
  });

  it('refuses a zero first byte, a too-long ID and truncation', () => {
    expect(() => readSize(Uint8Array.from([0x00, 0x01]), 0)).toThrow(EbmlError);
    expect(() => readId(Uint8Array.from([0x08, 1, 2, 3, 4]), 0)).toThrow(EbmlError);
    expect(() => readSize(Uint8Array.from([0x40]), 0)).toThrow(EbmlError);
    expect(() => readElement(Uint8Array.from([0xec, 0x85, 0, 0]), 0, 4)).toThrow(EbmlError);
  });
});

describe('Void elements', () => {
  it('take exactly the room asked for, for every size, and read back as one Void', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 70_000 }), (total) => {
        const bytes = voidElement(total);
        expect(bytes.length).toBe(total);
        const read = readElement(bytes, 0, bytes.length);
        expect(read).toEqual({ id: EBML_IDS.void, start: 0, dataStart: total - (total - 2 <= 126 ? total - 2 : total - 9), end: total });
        expect(bytes.subarray(read.dataStart).every((byte) => byte === 0)).toBe(true);
      }),
    );
  });

  it('switch to an eight-byte size past 128 bytes, never writing the unknown-size value', () => {
    expect([...voidElement(128).subarray(0, 2)]).toEqual([0xec, 0xfe]);
    expect([...voidElement(129).subarray(0, 9)]).toEqual([0xec, 0x01, 0, 0, 0, 0, 0, 0, 120]);
    expect(() => voidElement(1)).toThrow(EbmlError);
  });
});

it('writes a Duration as an eight-byte float in ticks', () => {
  const bytes = durationElement(1234.5);
  const read = readElement(bytes, 0, bytes.length);
  expect(read.id).toBe(EBML_IDS.duration);
  expect(readFloat(bytes, read)).toBe(1234.5);
});
