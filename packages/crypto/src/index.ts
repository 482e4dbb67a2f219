/**
 * @kenekanko/crypto: the protocol of docs/crypto.md as pure functions over Uint8Array, the same
 * in the browser and in Node. Reach everything through this file.
 */
export { CryptoError, CRYPTO_ERROR_CODES, isCryptoError, isCryptoErrorCode } from './errors.ts';
export type { CryptoErrorCode } from './errors.ts';

export {
  utf8Encode,
  utf8Decode,
  toBase64Url,
  fromBase64Url,
  toHex,
  fromHex,
  concatBytes,
  equalBytes,
  randomBytes,
} from './encoding.ts';

export {
  X25519_KEY_LENGTH,
  ED25519_KEY_LENGTH,
  ED25519_SIGNATURE_LENGTH,
  x25519KeyPair,
  x25519PublicKey,
  x25519SharedSecret,
  ed25519KeyPair,
  ed25519Sign,
  ed25519Verify,
  assertEd25519Signature,
  isValidX25519PublicKey,
  isValidEd25519PublicKey,
} from './curves.ts';
export type { KeyPair } from './curves.ts';

export {
  KEY_LENGTH,
  XCHACHA_NONCE_LENGTH,
  AEAD_TAG_LENGTH,
  sha256,
  hmacSha256,
  hkdfSha256,
  xchachaSeal,
  xchachaOpen,
} from './symmetric.ts';

export { ARGON2_PARAMS, ARGON2_MIN_MEMORY_KIB, ARGON2_MIN_PASSES, argon2id, argon2idRaw } from './argon2.ts';
export type { Argon2Params, Argon2ParamSet, Argon2Progress, Argon2RawOptions } from './argon2.ts';

export { PROTOCOL_VERSION, PURPOSES, isPurpose, encodeContext } from './context.ts';
export type { EnvelopeContext, Purpose } from './context.ts';

export { padToBucket, unpad, bucketSize, IDENTITY_PADDED_SIZE, IDENTITY_MAX_PLAINTEXT } from './padding.ts';

export { ENVELOPE_VERSION, sealEnvelope, openEnvelope, envelopeVersion } from './envelope.ts';
export type { SealOptions } from './envelope.ts';

export { sealToPublicKey, openSealed } from './sealed-box.ts';

export {
  FILE_CHUNK_SIZE,
  deriveFileKey,
  encryptFileChunk,
  decryptFileChunk,
  splitIntoChunks,
  encryptFile,
  decryptFile,
} from './files.ts';

export {
  RECEIPT_FORMAT_VERSION,
  LOOKUP_TOKEN_LENGTH,
  generateReceipt,
  formatReceipt,
  parseReceipt,
  isReceiptWellFormed,
  deriveReceiptKeys,
  hashLookupToken,
} from './receipt.ts';
export type { ReceiptKeys } from './receipt.ts';

export { USER_SALT_LENGTH, derivePasswordKeys, hashLoginKey, deriveFakeUserSalt } from './password.ts';
export type { PasswordKeys } from './password.ts';

export { RECOVERY_KEY_LENGTH, generateRecoveryKey, parseRecoveryKey } from './recovery-key.ts';
export type { RecoveryKey } from './recovery-key.ts';

export { wrapKey, unwrapKey, keyGrantContext, sealKeyGrant, openKeyGrant } from './key-wrap.ts';
export type { KeyGrantRef } from './key-wrap.ts';

export { canonicalJson } from './canonical-json.ts';
export type { JsonValue } from './canonical-json.ts';
export { signStatement, verifyStatement, statementBytes, fingerprint } from './statements.ts';

export { POW_NONCE_LENGTH, solvePow, verifyPow, assertPow } from './pow.ts';
