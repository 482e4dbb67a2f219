/**
 * Hashcash-style proof of work, the address-free brake on floods: find an 8-byte nonce such
 * that SHA-256(challenge || nonce) starts with `bits` zero bits. Solving takes 2^bits hashes
 * on average in the browser; checking takes one hash on the server.
 *
 * The server issues the challenge (random, short-lived, single use) and raises `bits` with load;
 * this module only solves and checks.
 */
import { CryptoError, assertBytes, assertInteger } from './errors.ts';
import { sha256 } from './symmetric.ts';

export const POW_NONCE_LENGTH = 8;
export const POW_MIN_CHALLENGE_LENGTH = 16;
export const POW_MAX_CHALLENGE_LENGTH = 256;
/** 2^40 hashes is hours in a browser; anything above is a configuration error. */
export const POW_MAX_BITS = 40;
/** Hashes between two yields to the event loop (a few milliseconds of work). */
const BATCH = 2_048;

function assertChallenge(challenge: Uint8Array): void {
  assertBytes(challenge, 'challenge');
  if (challenge.length < POW_MIN_CHALLENGE_LENGTH || challenge.length > POW_MAX_CHALLENGE_LENGTH) {
    throw new CryptoError('bad-input', 'challenge must be 16 to 256 bytes');
  }
}

function hasLeadingZeroBits(hash: Uint8Array, bits: number): boolean {
  const full = bits >> 3;
  for (let i = 0; i < full; i++) if (hash[i] !== 0) return false;
  const rest = bits & 7;
  return rest === 0 || ((hash[full] ?? 0xff) >> (8 - rest)) === 0;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function solvePow(challenge: Uint8Array, bits: number, onProgress?: (tries: number) => void): Promise<Uint8Array> {
  assertChallenge(challenge);
  assertInteger(bits, 'bits', 0, POW_MAX_BITS);
  const input = new Uint8Array(challenge.length + POW_NONCE_LENGTH);
  input.set(challenge);
  const view = new DataView(input.buffer, challenge.length, POW_NONCE_LENGTH);
  // The nonce is a u64 counter split in two u32 halves (exact in JS numbers).
  for (let tries = 0; ; tries++) {
    view.setUint32(0, Math.floor(tries / 2 ** 32), false);
    view.setUint32(4, tries >>> 0, false);
    if (hasLeadingZeroBits(sha256(input), bits)) return input.slice(challenge.length);
    if ((tries + 1) % BATCH === 0) {
      onProgress?.(tries + 1);
      await yieldToEventLoop();
    }
  }
}

/** One hash. False for a wrong nonce or a nonce of the wrong length; throws only for bad settings. */
export function verifyPow(challenge: Uint8Array, nonce: Uint8Array, bits: number): boolean {
  assertChallenge(challenge);
  assertBytes(nonce, 'nonce');
  assertInteger(bits, 'bits', 0, POW_MAX_BITS);
  if (nonce.length !== POW_NONCE_LENGTH) return false;
  const input = new Uint8Array(challenge.length + POW_NONCE_LENGTH);
  input.set(challenge);
  input.set(nonce, challenge.length);
  return hasLeadingZeroBits(sha256(input), bits);
}

/** verifyPow that throws 'pow-invalid'. */
export function assertPow(challenge: Uint8Array, nonce: Uint8Array, bits: number): void {
  if (!verifyPow(challenge, nonce, bits)) throw new CryptoError('pow-invalid', 'proof of work does not check');
}
