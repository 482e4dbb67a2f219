/**
 * Printed recovery keys: 32 random bytes that wrap a user's (or an organisation's) private
 * keys a second time, for when the password is lost.
 * Shown as Crockford base32 of key || check, where check = the first 3 bytes of
 * SHA-256('kenekanko/v1/recovery-key-check' 0x00 || key): 35 bytes = 56 characters, in 14
 * groups of 4 joined by '-'. A mistyped key is refused with probability 1 - 2^-24 before it
 * is ever used to decrypt.
 */
import { CryptoError } from './errors.ts';
import { concatBytes, equalBytes, randomBytes, utf8Encode } from './encoding.ts';
import { KEY_LENGTH, sha256 } from './symmetric.ts';

export const RECOVERY_KEY_LENGTH = KEY_LENGTH;
const CHECK_LENGTH = 3;
const ENCODED_LENGTH = ((RECOVERY_KEY_LENGTH + CHECK_LENGTH) * 8) / 5;
const GROUP = 4;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_PREFIX = concatBytes(utf8Encode('kenekanko/v1/recovery-key-check'), Uint8Array.of(0));

const checkBytes = (key: Uint8Array): Uint8Array => sha256(concatBytes(CHECK_PREFIX, key)).slice(0, CHECK_LENGTH);

function toCrockford(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = ((acc << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET.charAt((acc >> bits) & 31);
    }
  }
  return out;
}

function fromCrockford(text: string): Uint8Array {
  const out = new Uint8Array((text.length * 5) >> 3);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const c of text) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new CryptoError('bad-recovery-key', 'recovery key has a character outside its alphabet');
    acc = ((acc << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

export type RecoveryKey = { readonly display: string; readonly bytes: Uint8Array };

export function generateRecoveryKey(): RecoveryKey {
  const bytes = randomBytes(RECOVERY_KEY_LENGTH);
  const encoded = toCrockford(concatBytes(bytes, checkBytes(bytes)));
  return { display: (encoded.match(/.{1,4}/g) ?? []).join('-'), bytes };
}

/**
 * Accepts what a person types: any case, spaces or dashes anywhere, and Crockford's look-alikes
 * (O for 0, I and L for 1). Throws 'bad-recovery-key' on a wrong length or a failed check.
 */
export function parseRecoveryKey(display: string): Uint8Array {
  if (typeof display !== 'string') throw new CryptoError('bad-input', 'expected a string');
  const text = display
    .replace(/[\s\-\u2010-\u2015]/gu, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (text.length !== ENCODED_LENGTH) {
    throw new CryptoError('bad-recovery-key', `a recovery key has ${ENCODED_LENGTH / GROUP} groups of ${GROUP}`);
  }
  const decoded = fromCrockford(text);
  const bytes = decoded.slice(0, RECOVERY_KEY_LENGTH);
  if (!equalBytes(decoded.subarray(RECOVERY_KEY_LENGTH), checkBytes(bytes))) {
    throw new CryptoError('bad-recovery-key', 'recovery key check does not match');
  }
  return bytes;
}
