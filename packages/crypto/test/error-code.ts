/** Test helper: the CryptoError code a call throws, or a description of what it did instead. */
import { CryptoError } from '../src/index.ts';

export function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    return err instanceof CryptoError ? err.code : `not a CryptoError: ${String(err)}`;
  }
  return 'did not throw';
}
