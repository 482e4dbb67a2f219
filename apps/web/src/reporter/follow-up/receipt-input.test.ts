import { describe, expect, it } from 'vitest';
import { formatReceipt, generateReceipt } from '@kenekanko/crypto';
import { checkReceiptInput, normalizeReceiptInput } from './receipt-input.ts';

/** Changes one digit, which the Damm check digit always detects. */
function withTypo(receipt: string, position: number): string {
  const digit = Number(receipt[position]);
  return receipt.slice(0, position) + String((digit + 1) % 10) + receipt.slice(position + 1);
}

describe('receipt input', () => {
  const receipt = generateReceipt();

  it('accepts the receipt as printed, with spaces, dashes or none', () => {
    for (const typed of [receipt, formatReceipt(receipt), formatReceipt(receipt).replaceAll(' ', '-'), ` ${formatReceipt(receipt)}\n`]) {
      expect(checkReceiptInput(typed)).toEqual({ ok: true, receipt });
    }
  });

  it('accepts separators phones insert: no-break spaces, en dashes, dots', () => {
    const groups = formatReceipt(receipt).split(' ');
    expect(checkReceiptInput(groups.join('\u00a0'))).toEqual({ ok: true, receipt });
    expect(checkReceiptInput(groups.join('\u2013'))).toEqual({ ok: true, receipt });
    expect(checkReceiptInput(groups.join('.'))).toEqual({ ok: true, receipt });
    expect(normalizeReceiptInput(groups.join(' - '))).toBe(receipt);
  });

  it('catches a mistyped digit before any request', () => {
    for (const position of [1, 7, 12, 23]) {
      expect(checkReceiptInput(withTypo(receipt, position))).toEqual({ ok: false, key: 'follow.badChecksum' });
    }
  });

  it('catches two swapped neighbouring digits', () => {
    const position = [...receipt].findIndex((digit, i) => i > 0 && i < 23 && digit !== receipt[i + 1]);
    const swapped = receipt.slice(0, position) + receipt[position + 1] + receipt[position] + receipt.slice(position + 2);
    expect(checkReceiptInput(swapped)).toEqual({ ok: false, key: 'follow.badChecksum' });
  });

  it('says how many digits were typed when the length is wrong', () => {
    expect(checkReceiptInput(receipt.slice(0, 20))).toEqual({ ok: false, key: 'follow.badFormat', params: { count: 20 } });
    expect(checkReceiptInput(`${receipt}1`)).toEqual({ ok: false, key: 'follow.badFormat', params: { count: 25 } });
    expect(checkReceiptInput('')).toEqual({ ok: false, key: 'follow.badFormat', params: { count: 0 } });
    expect(checkReceiptInput(`${receipt.slice(0, 23)}x`)).toEqual({ ok: false, key: 'follow.badFormat', params: { count: 23 } });
  });

  it('reads a letter O typed for 0 as the digit, so the count and the check stay right', () => {
    let withZero = receipt;
    while (!withZero.includes('0')) withZero = generateReceipt();
    expect(checkReceiptInput(formatReceipt(withZero).replace(/0/g, 'O'))).toEqual({ ok: true, receipt: withZero });
    expect(checkReceiptInput('1234 O')).toEqual({ ok: false, key: 'follow.badFormat', params: { count: 5 } });
  });
});
