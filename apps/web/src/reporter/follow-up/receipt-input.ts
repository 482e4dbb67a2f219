/**
 * What the reporter typed as a receipt, checked in the browser before any request: the check
 * digit catches a typo at once, without spending an Argon2id derivation or a server throttle.
 */
import { isCryptoError, parseReceipt } from '@kenekanko/crypto';
import type { PublicKey } from '../../i18n/languages/fr.ts';
import type { MessageParams } from '../../i18n/types.ts';

export type ReceiptCheck =
  | { readonly ok: true; readonly receipt: string }
  | { readonly ok: false; readonly key: PublicKey; readonly params?: MessageParams };

/** Separators people type, paste or that phones insert: spaces of every kind, dashes, dots. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212.]/gu;

/** The letter O, typed (or read off paper) for the digit 0. */
const LETTER_O = /[oO]/g;

/**
 * The digits of what was typed, separators removed and a letter O read as the digit 0 (the
 * check digit still catches a real mistake); other characters are kept, to be refused.
 */
export function normalizeReceiptInput(input: string): string {
  return input.replace(SEPARATORS, '').replace(LETTER_O, '0');
}

export function checkReceiptInput(input: string): ReceiptCheck {
  const compact = normalizeReceiptInput(input);
  try {
    return { ok: true, receipt: parseReceipt(compact) };
  } catch (error) {
    if (!isCryptoError(error)) throw error;
    switch (error.code) {
      case 'bad-receipt-checksum':
        return { ok: false, key: 'follow.badChecksum' };
      case 'unsupported-version':
        return { ok: false, key: 'follow.unsupported' };
      default:
        return { ok: false, key: 'follow.badFormat', params: { count: compact.replace(/\D/g, '').length } };
    }
  }
}
