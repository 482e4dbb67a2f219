/**
 * Byte helpers shared by the whole package: UTF-8, base64url, hex, concatenation,
 * constant-time comparison and randomness. Pure JS, no Buffer, no `node:*`.
 *
 * Every decoder is strict (one text for one byte string), so that an encoded value cannot be
 * rewritten into another spelling that decodes to the same bytes, or to different ones.
 */
import { CryptoError, assertBytes } from './errors.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `s` has no lone UTF-16 surrogate, i.e. it has exactly one UTF-8 encoding. */
export const isWellFormedString = (s: string): boolean => !LONE_SURROGATE.test(s);

export function utf8Encode(s: string): Uint8Array {
  if (typeof s !== 'string') throw new CryptoError('bad-input', 'expected a string');
  // SECURITY: TextEncoder turns a lone surrogate into U+FFFD, so two different strings would
  // give the same bytes (and the same AAD). Refuse them instead.
  if (!isWellFormedString(s)) throw new CryptoError('bad-input', 'string has a lone surrogate');
  return encoder.encode(s);
}

export function utf8Decode(b: Uint8Array): string {
  assertBytes(b, 'bytes');
  try {
    return decoder.decode(b);
  } catch {
    throw new CryptoError('bad-input', 'bytes are not valid UTF-8');
  }
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64URL_INDEX = new Map<string, number>([...B64URL].map((c, i) => [c, i]));

/** Unpadded base64url (RFC 4648 §5). */
export function toBase64Url(b: Uint8Array): string {
  assertBytes(b, 'bytes');
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = ((b[i] ?? 0) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((b.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += B64URL.charAt((n >> (18 - 6 * j)) & 63);
  }
  return out;
}

/** Strict inverse of toBase64Url: no padding, no whitespace, unused trailing bits must be zero. */
export function fromBase64Url(s: string): Uint8Array {
  if (typeof s !== 'string') throw new CryptoError('bad-input', 'expected a string');
  if (s.length % 4 === 1) throw new CryptoError('bad-input', 'base64url length is impossible');
  const out = new Uint8Array(Math.floor((s.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const c of s) {
    const v = B64URL_INDEX.get(c);
    if (v === undefined) throw new CryptoError('bad-input', 'not base64url');
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  // Non-canonical spellings (e.g. 'AB' and 'AA' for one zero byte) would let two texts decode alike.
  if ((acc & ((1 << bits) - 1)) !== 0) throw new CryptoError('bad-input', 'base64url has non-zero trailing bits');
  return out;
}

const HEX = '0123456789abcdef';

export function toHex(b: Uint8Array): string {
  assertBytes(b, 'bytes');
  let out = '';
  for (const x of b) out += HEX.charAt(x >> 4) + HEX.charAt(x & 15);
  return out;
}

/** Accepts lower or upper case, nothing else (no prefix, no spaces). */
export function fromHex(s: string): Uint8Array {
  if (typeof s !== 'string' || s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) {
    throw new CryptoError('bad-input', 'not an even-length hex string');
  }
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const [i, p] of parts.entries()) {
    assertBytes(p, `part ${i}`);
    total += p.length;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * Compares two byte strings in time that depends only on their lengths.
 * SECURITY: use this, never `===` on hex or a loop with an early exit, for tags, hashes and
 * tokens, so response time does not reveal how many leading bytes matched.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  assertBytes(a, 'a');
  assertBytes(b, 'b');
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** getRandomValues accepts at most 65,536 bytes per call (WebCrypto quota). */
const RANDOM_CALL_LIMIT = 65_536;

export function randomBytes(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new CryptoError('bad-input', 'length must be a non-negative integer');
  const rng = globalThis.crypto as Crypto | undefined;
  // SECURITY: there is no fallback to Math.random: without a CSPRNG we refuse to make keys.
  if (typeof rng?.getRandomValues !== 'function') {
    throw new CryptoError('no-randomness', 'crypto.getRandomValues is not available');
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += RANDOM_CALL_LIMIT) {
    rng.getRandomValues(out.subarray(i, Math.min(n, i + RANDOM_CALL_LIMIT)));
  }
  return out;
}

/** Writes `value` (an integer below 2^32) as 4 big-endian bytes. */
export function u32be(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, false);
  return out;
}
