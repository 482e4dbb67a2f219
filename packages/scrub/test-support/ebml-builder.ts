/**
 * Builds EBML by hand for the WebM cleaner's tests (and the voice recorder's, in apps/web), so each test says exactly which elements a
 * file holds and the expected bytes do not depend on the code under test.
 */
import { EBML_IDS } from '../src/ebml.ts';

export type Bytes = Uint8Array | readonly number[];

export function concat(...parts: readonly Bytes[]): Uint8Array {
  const arrays = parts.map((part) => (part instanceof Uint8Array ? part : Uint8Array.from(part)));
  const out = new Uint8Array(arrays.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of arrays) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function idBytes(id: number): number[] {
  const bytes: number[] = [];
  for (let rest = id; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return bytes;
}

function sizeBytes(size: number): number[] {
  if (size <= 126) return [0x80 | size];
  const bytes = [0x01];
  for (let i = 6; i >= 0; i--) bytes.push(Math.floor(size / 256 ** i) % 256);
  return bytes;
}

export const UNKNOWN_SIZE = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff] as const;

export function element(id: number, ...body: readonly Bytes[]): Uint8Array {
  const content = concat(...body);
  return concat(idBytes(id), sizeBytes(content.length), content);
}

/** A master element with the "unknown size" a streaming recorder writes. */
export function streamed(id: number, ...body: readonly Bytes[]): Uint8Array {
  return concat(idBytes(id), UNKNOWN_SIZE, ...body);
}

export const text = (id: number, value: string): Uint8Array => element(id, new TextEncoder().encode(value));

export function uint(id: number, value: number): Uint8Array {
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return element(id, bytes.length === 0 ? [0] : bytes);
}

export function float64(id: number, value: number): Uint8Array {
  const body = new Uint8Array(8);
  new DataView(body.buffer).setFloat64(0, value);
  return element(id, body);
}

/** A SimpleBlock of track 1 at `relative` ticks from its cluster, with a few payload bytes. */
export function simpleBlock(relative: number, payload: Bytes = [0xfc, 0xff, 0xfe]): Uint8Array {
  return element(EBML_IDS.simpleBlock, [0x81, (relative >> 8) & 0xff, relative & 0xff, 0x80], payload);
}

export function ebmlHeader(docType = 'webm'): Uint8Array {
  return element(EBML_IDS.header, uint(0x4286, 1), uint(0x42f7, 1), uint(0x42f2, 4), uint(0x42f3, 8), text(EBML_IDS.docType, docType));
}

export function trackEntry(...extra: readonly Bytes[]): Uint8Array {
  return element(EBML_IDS.trackEntry, uint(0xd7, 1), uint(0x83, 2), text(0x86, 'A_OPUS'), ...extra);
}

/** Where `needle` first occurs in `haystack`, or -1. */
export function indexOf(haystack: Uint8Array, needle: Bytes): number {
  const bytes = needle instanceof Uint8Array ? needle : Uint8Array.from(needle);
  outer: for (let i = 0; i + bytes.length <= haystack.length; i++) {
    for (let j = 0; j < bytes.length; j++) if (haystack[i + j] !== bytes[j]) continue outer;
    return i;
  }
  return -1;
}
