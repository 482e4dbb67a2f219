/**
 * Signatures over structured data (the key directory, questionnaire versions, messages,
 * forwarded packages, audit checkpoints). The signed bytes are
 *   UTF-8(purpose) || 0x00 || UTF-8(canonicalJson(statement))
 * so a signature made for one purpose can never be replayed as another.
 */
import { assertBytes } from './errors.ts';
import { concatBytes, toHex, utf8Encode } from './encoding.ts';
import { ED25519_KEY_LENGTH, ed25519Sign, ed25519Verify } from './curves.ts';
import { sha256 } from './symmetric.ts';
import { assertPurpose } from './context.ts';
import type { Purpose } from './context.ts';
import { canonicalJson } from './canonical-json.ts';
import type { JsonValue } from './canonical-json.ts';

export const FINGERPRINT_BYTES = 16;

/** The exact bytes signStatement signs (for servers or tools that verify elsewhere). */
export function statementBytes(purpose: Purpose, statement: JsonValue): Uint8Array {
  assertPurpose(purpose);
  return concatBytes(utf8Encode(purpose), Uint8Array.of(0), utf8Encode(canonicalJson(statement)));
}

export function signStatement(purpose: Purpose, statement: JsonValue, privateKey: Uint8Array): Uint8Array {
  return ed25519Sign(statementBytes(purpose, statement), privateKey);
}

/** False for any bad signature; throws 'bad-input' only for a statement that is not JSON. */
export function verifyStatement(purpose: Purpose, statement: JsonValue, signature: Uint8Array, publicKey: Uint8Array): boolean {
  return ed25519Verify(signature, statementBytes(purpose, statement), publicKey);
}

/**
 * A short, human-comparable name for a public key: the first 16 bytes of SHA-256(publicKey),
 * hex in groups of 4 ('3f2a 9c01 …'). 128 bits: finding a second key with the same
 * fingerprint costs 2^128 work.
 */
export function fingerprint(publicKey: Uint8Array): string {
  assertBytes(publicKey, 'publicKey', ED25519_KEY_LENGTH);
  const hex = toHex(sha256(publicKey).subarray(0, FINGERPRINT_BYTES));
  return (hex.match(/.{4}/g) ?? []).join(' ');
}
