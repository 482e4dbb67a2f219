import { describe, expect, it } from 'vitest';
import {
  RECEIPT_FORMAT_VERSION,
  deriveReceiptKeys,
  ed25519Sign,
  ed25519Verify,
  formatReceipt,
  generateReceipt,
  hashLookupToken,
  isReceiptWellFormed,
  parseReceipt,
  randomBytes,
  toHex,
  x25519PublicKey,
} from './index.ts';
import { dammCheckDigit, dammValid } from './damm.ts';
import { codeOf } from '../test/error-code.ts';


describe('Damm check digit', () => {
  it('matches the published example (572 → 4)', () => {
    expect(dammCheckDigit('572')).toBe('4');
    expect(dammValid('5724')).toBe(true);
    expect(dammValid('5723')).toBe(false);
  });
});

describe('receipts', () => {
  const receipts = Array.from({ length: 5 }, generateReceipt);

  it('are 24 digits starting with the format version, and check out', () => {
    for (const r of receipts) {
      expect(r).toMatch(/^\d{24}$/);
      expect(r[0]).toBe(String(RECEIPT_FORMAT_VERSION));
      expect(parseReceipt(r)).toBe(r);
    }
    expect(new Set(receipts).size).toBe(receipts.length);
  });

  it('catch every single-digit substitution', () => {
    for (const r of receipts) {
      for (let i = 0; i < r.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === r[i]) continue;
          const typo = r.slice(0, i) + String(d) + r.slice(i + 1);
          expect(isReceiptWellFormed(typo)).toBe(false);
          expect(codeOf(() => parseReceipt(typo))).toBe('bad-receipt-checksum');
        }
      }
    }
  });

  it('catch every adjacent transposition', () => {
    for (const r of receipts) {
      for (let i = 0; i + 1 < r.length; i++) {
        if (r[i] === r[i + 1]) continue;
        const swapped = r.slice(0, i) + (r[i + 1] ?? '') + (r[i] ?? '') + r.slice(i + 2);
        expect(codeOf(() => parseReceipt(swapped))).toBe('bad-receipt-checksum');
      }
    }
  });

  it('format in six groups of four and parse back with spaces, dashes and other separators', () => {
    for (const r of receipts) {
      const shown = formatReceipt(r);
      expect(shown).toMatch(/^\d{4}( \d{4}){5}$/);
      expect(parseReceipt(shown)).toBe(r);
      expect(parseReceipt(shown.replaceAll(' ', '-'))).toBe(r);
      expect(parseReceipt(`  ${shown.replaceAll(' ', ' - ')}\n`)).toBe(r);
      expect(parseReceipt(shown.replaceAll(' ', '\u00a0'))).toBe(r);
    }
    expect(formatReceipt('123456')).toBe('1234 56');
  });

  it('refuse malformed input before any network call', () => {
    const r = receipts[0] ?? '';
    expect(codeOf(() => parseReceipt(r.slice(1)))).toBe('bad-receipt-format');
    expect(codeOf(() => parseReceipt(`${r}0`))).toBe('bad-receipt-format');
    expect(codeOf(() => parseReceipt(`${r.slice(0, 23)}x`))).toBe('bad-receipt-format');
    expect(codeOf(() => parseReceipt(''))).toBe('bad-receipt-format');
    expect(codeOf(() => formatReceipt('12a4'))).toBe('bad-receipt-format');
  });

  it('refuse a receipt that checks out but has an unknown format version', () => {
    const body = `2${'0'.repeat(22)}`;
    expect(codeOf(() => parseReceipt(body + dammCheckDigit(body)))).toBe('bad-receipt-format');
  });
});

describe('deriveReceiptKeys (Argon2id, about a second each)', () => {
  const receipt = generateReceipt();
  const salt = randomBytes(16);

  it('is deterministic for one receipt and salt, and differs for another receipt or salt', async () => {
    const a = await deriveReceiptKeys(receipt, salt);
    const again = await deriveReceiptKeys(formatReceipt(receipt), salt);
    expect(toHex(again.lookupToken)).toBe(toHex(a.lookupToken));
    expect(toHex(again.x25519.privateKey)).toBe(toHex(a.x25519.privateKey));
    expect(toHex(again.ed25519.publicKey)).toBe(toHex(a.ed25519.publicKey));

    const otherReceipt = await deriveReceiptKeys(generateReceipt(), salt);
    const otherSalt = await deriveReceiptKeys(receipt, randomBytes(16));
    for (const other of [otherReceipt, otherSalt]) {
      expect(toHex(other.lookupToken)).not.toBe(toHex(a.lookupToken));
      expect(toHex(other.x25519.privateKey)).not.toBe(toHex(a.x25519.privateKey));
      expect(toHex(other.ed25519.privateKey)).not.toBe(toHex(a.ed25519.privateKey));
    }

    // Three independent outputs, and working key pairs.
    expect(new Set([toHex(a.lookupToken), toHex(a.x25519.privateKey), toHex(a.ed25519.privateKey)]).size).toBe(3);
    expect(a.lookupToken.length).toBe(32);
    expect(x25519PublicKey(a.x25519.privateKey)).toEqual(a.x25519.publicKey);
    const msg = new Uint8Array([1, 2, 3]);
    expect(ed25519Verify(ed25519Sign(msg, a.ed25519.privateKey), msg, a.ed25519.publicKey)).toBe(true);
  });

  it('refuses a mistyped receipt or a short salt without running Argon2id', async () => {
    const typo = receipt.slice(0, 5) + String((Number(receipt[5]) + 1) % 10) + receipt.slice(6);
    await expect(deriveReceiptKeys(typo, salt)).rejects.toThrow(/bad-receipt-checksum/);
    await expect(deriveReceiptKeys(receipt, randomBytes(8))).rejects.toThrow(/bad-input/);
  });
});

describe('hashLookupToken', () => {
  it('is HMAC-SHA-256(pepper, token): stable, and different per pepper', () => {
    const token = randomBytes(32);
    const pepper = randomBytes(32);
    expect(hashLookupToken(pepper, token)).toEqual(hashLookupToken(pepper, token));
    expect(hashLookupToken(randomBytes(32), token)).not.toEqual(hashLookupToken(pepper, token));
    expect(codeOf(() => hashLookupToken(randomBytes(16), token))).toBe('bad-input');
    expect(codeOf(() => hashLookupToken(pepper, randomBytes(31)))).toBe('bad-input');
  });
});
