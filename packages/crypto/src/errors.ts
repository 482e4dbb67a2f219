/**
 * The one error type of @kenekanko/crypto. Every failure (bad input, bad tag, bad signature,
 * typo in a receipt) throws a CryptoError with a code from a closed list; nothing returns null.
 *
 * SECURITY: messages name the parameter or the check that failed, never a value. They must not
 * carry plaintext, keys, receipts or passwords, and errors from the underlying libraries are not
 * attached as `cause`, because their messages may quote the input.
 */

export const CRYPTO_ERROR_CODES = [
  'bad-input',
  'bad-envelope',
  'unsupported-version',
  'decrypt-failed',
  'bad-signature',
  'low-order-point',
  'bad-receipt-checksum',
  'bad-receipt-format',
  'bad-recovery-key',
  'pow-invalid',
  'no-randomness',
] as const;

export type CryptoErrorCode = (typeof CRYPTO_ERROR_CODES)[number];

export const isCryptoErrorCode = (value: unknown): value is CryptoErrorCode =>
  typeof value === 'string' && (CRYPTO_ERROR_CODES as readonly string[]).includes(value);

export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, message?: string) {
    super(message === undefined ? code : `${code}: ${message}`);
    this.code = code;
  }
}

export const isCryptoError = (value: unknown): value is CryptoError => value instanceof CryptoError;

/** Throws 'bad-input' naming the parameter unless `value` is a Uint8Array of an allowed length. */
export function assertBytes(value: unknown, name: string, length?: number): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new CryptoError('bad-input', `${name} must be a Uint8Array`);
  if (length !== undefined && value.length !== length) {
    throw new CryptoError('bad-input', `${name} must be ${length} bytes, got ${value.length}`);
  }
}

/** Throws 'bad-input' unless `value` is an integer in [min, max]. */
export function assertInteger(value: unknown, name: string, min: number, max: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new CryptoError('bad-input', `${name} must be an integer in [${min}, ${max}]`);
  }
}
