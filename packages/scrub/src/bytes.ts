// Small bounds-aware readers and writers over Uint8Array, shared by every file kind.
// Readers return undefined past the end instead of throwing so that parsers of untrusted
// metadata (EXIF, ICC) can give up quietly; structural parsers check bounds first.

export function u16be(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

export function u32be(b: Uint8Array, at: number): number {
  return (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;
}

export function u16le(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

export function u32le(b: Uint8Array, at: number): number {
  return (u16le(b, at) | (u16le(b, at + 2) << 16)) >>> 0;
}

/** A 64-bit big-endian unsigned value as a Number (exact below 2^53, which bounds any file we read). */
export function u64be(b: Uint8Array, at: number): number {
  return u32be(b, at) * 0x1_0000_0000 + u32be(b, at + 4);
}

export function putU16be(b: Uint8Array, at: number, value: number): void {
  b[at] = (value >>> 8) & 0xff;
  b[at + 1] = value & 0xff;
}

export function putU32be(b: Uint8Array, at: number, value: number): void {
  b[at] = (value >>> 24) & 0xff;
  b[at + 1] = (value >>> 16) & 0xff;
  b[at + 2] = (value >>> 8) & 0xff;
  b[at + 3] = value & 0xff;
}

export function putU16le(b: Uint8Array, at: number, value: number): void {
  b[at] = value & 0xff;
  b[at + 1] = (value >>> 8) & 0xff;
}

export function putU32le(b: Uint8Array, at: number, value: number): void {
  putU16le(b, at, value & 0xffff);
  putU16le(b, at + 2, (value >>> 16) & 0xffff);
}

/** Latin-1 view of a byte range: for comparing signatures and identifiers, never for display. */
export function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < Math.min(end, b.length); i++) s += String.fromCharCode(b[i] ?? 0);
  return s;
}

export function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function hasPrefix(b: Uint8Array, at: number, prefix: readonly number[]): boolean {
  if (at + prefix.length > b.length) return false;
  return prefix.every((value, i) => b[at + i] === value);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Adds `label` once, keeping first-seen order (the `removed` lists read as a short summary). */
export function addOnce(list: string[], label: string): void {
  if (!list.includes(label)) list.push(label);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
