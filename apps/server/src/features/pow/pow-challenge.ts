/**
 * Stateless proof-of-work challenges: the server signs what it asked for (difficulty and
 * expiry) with a key derived from its secret, so it keeps nothing per challenge until one is
 * spent, and checking costs one HMAC and one hash however hard the work was.
 *
 * Layout (38 bytes, base64url on the wire):
 *   version u8 (1) | bits u8 | expiresAt u32be (Unix seconds) | random 16 | mac 16
 * mac = HMAC-SHA-256(powKey, 'kenekanko/v1/pow-challenge' 0x00 || the first 22 bytes)[0..16].
 *
 * SECURITY: the difficulty is inside the MAC, so a client cannot lower it; single use is
 * enforced by the caller recording the challenge's hash (see PowLedger).
 */
import { concatBytes, equalBytes, hkdfSha256, hmacSha256, randomBytes, sha256, toBase64Url, utf8Encode, verifyPow } from '@kenekanko/crypto';
import type { PowChallenge } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import { decodeBase64Url } from '../shared/decode.ts';

const VERSION = 1;
const RANDOM_BYTES = 16;
const MAC_BYTES = 16;
const PAYLOAD_BYTES = 1 + 1 + 4 + RANDOM_BYTES;
export const POW_CHALLENGE_BYTES = PAYLOAD_BYTES + MAC_BYTES;
const MAC_LABEL = concatBytes(utf8Encode('kenekanko/v1/pow-challenge'), Uint8Array.of(0));
const KEY_INFO = utf8Encode('kenekanko/v1/pow-key');

/** Long enough for a slow phone to solve and a reporter to finish the form. */
export const POW_CHALLENGE_TTL_SECONDS = 30 * 60;
export const MAX_POW_BITS = 32;

export type PowKey = { readonly key: Uint8Array };

/** A key used only for challenges, so no other MAC made with the server secret can pass as one. */
export function derivePowKey(serverSecret: Uint8Array): PowKey {
  return { key: hkdfSha256(serverSecret, new Uint8Array(0), KEY_INFO, 32) };
}

function mac(key: PowKey, payload: Uint8Array): Uint8Array {
  return hmacSha256(key.key, concatBytes(MAC_LABEL, payload)).slice(0, MAC_BYTES);
}

export function issueChallenge(key: PowKey, bits: number, now: Date): PowChallenge {
  if (!Number.isInteger(bits) || bits < 0 || bits > MAX_POW_BITS) throw new RangeError('bits out of range');
  const expiresAtSeconds = Math.floor(now.getTime() / 1000) + POW_CHALLENGE_TTL_SECONDS;
  const payload = new Uint8Array(PAYLOAD_BYTES);
  const view = new DataView(payload.buffer);
  view.setUint8(0, VERSION);
  view.setUint8(1, bits);
  view.setUint32(2, expiresAtSeconds, false);
  payload.set(randomBytes(RANDOM_BYTES), 6);
  return {
    challenge: toBase64Url(concatBytes(payload, mac(key, payload))),
    bits,
    expiresAt: new Date(expiresAtSeconds * 1000).toISOString(),
  };
}

export type VerifiedPow = {
  /** What the ledger records to refuse a second use (never the challenge itself). */
  readonly challengeHash: string;
  readonly expiresAt: Date;
};

/**
 * Checks a solution: our MAC, not expired, enough leading zero bits. Throws 'pow-required'
 * for anything wrong, without saying which check failed.
 */
export function verifySolution(key: PowKey, solution: { readonly challenge: string; readonly nonce: string }, now: Date): VerifiedPow {
  const challenge = decodeOrRefuse(solution.challenge);
  const nonce = decodeOrRefuse(solution.nonce);
  if (challenge.length !== POW_CHALLENGE_BYTES) throw new AppError('pow-required');
  const payload = challenge.subarray(0, PAYLOAD_BYTES);
  if (!equalBytes(mac(key, payload), challenge.subarray(PAYLOAD_BYTES))) throw new AppError('pow-required');
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const bits = view.getUint8(1);
  const expiresAt = new Date(view.getUint32(2, false) * 1000);
  if (view.getUint8(0) !== VERSION || bits > MAX_POW_BITS) throw new AppError('pow-required');
  if (expiresAt.getTime() <= now.getTime()) throw new AppError('pow-required');
  if (!verifyPow(challenge, nonce, bits)) throw new AppError('pow-required');
  return { challengeHash: toBase64Url(sha256(challenge)), expiresAt };
}

function decodeOrRefuse(value: string): Uint8Array {
  try {
    return decodeBase64Url(value, 'pow');
  } catch {
    throw new AppError('pow-required');
  }
}
