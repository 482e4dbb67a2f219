/**
 * Receipts: the reporter's only key to their side of an alert.
 * Format version 1: '1' + 22 random digits + 1 Damm check digit = 24 digits, shown as six
 * groups of four. 22 random decimal digits carry 22·log2(10) ≈ 73.1 bits of entropy.
 *
 * SECURITY: the receipt never leaves the browser. Argon2id(receipt, deployment salt) is split
 * by HKDF into a lookup token (the only value sent; the server stores HMAC(pepper, token)) and
 * the seeds of the reporter's X25519 and Ed25519 key pairs (never sent).
 */
import { CryptoError, assertBytes } from './errors.ts';
import { randomBytes, utf8Encode } from './encoding.ts';
import { ed25519KeyPair, x25519KeyPair } from './curves.ts';
import type { KeyPair } from './curves.ts';
import { KEY_LENGTH, hkdfSha256, hmacSha256 } from './symmetric.ts';
import { ARGON2_PARAMS, argon2id } from './argon2.ts';
import type { Argon2Progress } from './argon2.ts';
import { dammCheckDigit, dammValid } from './damm.ts';

export const RECEIPT_FORMAT_VERSION = 1;
export const RECEIPT_LENGTH = 24;
export const RECEIPT_RANDOM_DIGITS = RECEIPT_LENGTH - 2;
export const RECEIPT_GROUP = 4;
export const LOOKUP_TOKEN_LENGTH = 32;
export const MIN_DEPLOYMENT_SALT_LENGTH = 16;
export const MIN_PEPPER_LENGTH = 32;

export type ReceiptKeys = {
  /** 32 bytes; the only value sent to the server. */
  readonly lookupToken: Uint8Array;
  readonly x25519: KeyPair;
  readonly ed25519: KeyPair;
};

/** Uniform random decimal digits: bytes of 250 or more are dropped, so no digit is favoured. */
function randomDigits(count: number): string {
  let out = '';
  while (out.length < count) {
    for (const byte of randomBytes(count)) {
      if (byte < 250 && out.length < count) out += String(byte % 10);
    }
  }
  return out;
}

export function generateReceipt(): string {
  const body = String(RECEIPT_FORMAT_VERSION) + randomDigits(RECEIPT_RANDOM_DIGITS);
  return body + dammCheckDigit(body);
}

/** Separators people type or copy: any whitespace, hyphens and dashes, dots. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212.]/gu;

/** Groups digits by four for display ('1234 5678 …'); accepts a partial receipt as it is typed. */
export function formatReceipt(digits: string): string {
  if (typeof digits !== 'string') throw new CryptoError('bad-input', 'expected a string');
  const clean = digits.replace(SEPARATORS, '');
  if (!/^[0-9]*$/.test(clean)) throw new CryptoError('bad-receipt-format', 'a receipt has digits only');
  return (clean.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * Normalises what a person typed into the 24 digits, before any network call. Throws
 * 'bad-receipt-format' (not 24 digits, or a format version this build does not know) or
 * 'bad-receipt-checksum' (a typo).
 */
export function parseReceipt(input: string): string {
  if (typeof input !== 'string') throw new CryptoError('bad-input', 'expected a string');
  const digits = input.replace(SEPARATORS, '');
  if (!/^[0-9]+$/.test(digits) || digits.length !== RECEIPT_LENGTH) {
    throw new CryptoError('bad-receipt-format', 'a receipt has 24 digits');
  }
  if (!dammValid(digits)) throw new CryptoError('bad-receipt-checksum', 'receipt check digit does not match');
  // A receipt of a later format is refused as a format error: this build cannot use it.
  if (digits[0] !== String(RECEIPT_FORMAT_VERSION)) throw new CryptoError('bad-receipt-format', 'unknown receipt format version');
  return digits;
}

export function isReceiptWellFormed(input: string): boolean {
  try {
    parseReceipt(input);
    return true;
  } catch {
    return false;
  }
}

const INFO_LOOKUP = utf8Encode('kenekanko/v1/receipt/lookup-token');
const INFO_X25519 = utf8Encode('kenekanko/v1/receipt/x25519');
const INFO_ED25519 = utf8Encode('kenekanko/v1/receipt/ed25519');

/** Argon2id(receipt digits, deploymentSalt) with ARGON2_PARAMS.receipt, then HKDF into three keys. */
export async function deriveReceiptKeys(
  receipt: string,
  deploymentSalt: Uint8Array,
  opts: Argon2Progress = {},
): Promise<ReceiptKeys> {
  const digits = parseReceipt(receipt);
  assertBytes(deploymentSalt, 'deploymentSalt');
  if (deploymentSalt.length < MIN_DEPLOYMENT_SALT_LENGTH) throw new CryptoError('bad-input', 'deploymentSalt must be at least 16 bytes');
  const master = await argon2id(utf8Encode(digits), deploymentSalt, ARGON2_PARAMS.receipt, opts);
  const empty = new Uint8Array(0);
  try {
    return {
      lookupToken: hkdfSha256(master, empty, INFO_LOOKUP, LOOKUP_TOKEN_LENGTH),
      x25519: x25519KeyPair(hkdfSha256(master, empty, INFO_X25519, KEY_LENGTH)),
      ed25519: ed25519KeyPair(hkdfSha256(master, empty, INFO_ED25519, KEY_LENGTH)),
    };
  } finally {
    master.fill(0);
  }
}

/**
 * Server side: the value stored for a lookup token, HMAC-SHA-256(pepper, token).
 * SECURITY: the pepper lives outside the database (data folder secrets), is used for nothing
 * else, and is versioned; a database dump without it does not let anyone test receipts.
 */
export function hashLookupToken(pepper: Uint8Array, lookupToken: Uint8Array): Uint8Array {
  assertBytes(pepper, 'pepper');
  if (pepper.length < MIN_PEPPER_LENGTH) throw new CryptoError('bad-input', 'pepper must be at least 32 bytes');
  assertBytes(lookupToken, 'lookupToken', LOOKUP_TOKEN_LENGTH);
  return hmacSha256(pepper, lookupToken);
}
