/**
 * Decoding of values that schemas have already checked for shape (base64url of the right
 * length). A value that still fails to decode (non-canonical trailing bits) is bad input.
 */
import { fromBase64Url, isCryptoError } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';

export function decodeBase64Url(value: string, field: string): Uint8Array {
  try {
    return fromBase64Url(value);
  } catch (error) {
    if (isCryptoError(error)) throw new AppError('validation-failed', { issues: [field] });
    throw error;
  }
}
