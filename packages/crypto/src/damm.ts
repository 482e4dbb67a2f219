/**
 * The Damm check digit (H. M. Damm, 2004) over decimal digits. Its table is a totally
 * anti-symmetric quasigroup of order 10, so one check digit catches every single-digit error
 * and every transposition of two adjacent digits, with no extra alphabet.
 */
import { CryptoError } from './errors.ts';

const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** The interim digit after running `digits` through the table; 0 means the string checks out. */
function dammInterim(digits: string): number {
  if (!/^[0-9]*$/.test(digits)) throw new CryptoError('bad-input', 'digits only');
  let interim = 0;
  for (const c of digits) interim = DAMM_TABLE[interim]?.[c.charCodeAt(0) - 48] ?? 0;
  return interim;
}

/** The digit to append to `digits`. */
export const dammCheckDigit = (digits: string): string => String(dammInterim(digits));

/** True when the last digit of `digitsWithCheck` is the Damm check digit of the others. */
export const dammValid = (digitsWithCheck: string): boolean => digitsWithCheck.length > 0 && dammInterim(digitsWithCheck) === 0;
