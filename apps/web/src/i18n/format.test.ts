import { describe, expect, it } from 'vitest';
import { PUBLIC_CATALOGUES } from './all-catalogues.ts';
import { daysBetween, formatBytes, formatDateTime, formatDay, formatFcfa, formatNumber, isValidDay, parseAmountInput, todayDay } from './format.ts';

const fr = PUBLIC_CATALOGUES.fr.formats;
const en = PUBLIC_CATALOGUES.en.formats;
const bm = PUBLIC_CATALOGUES.bm.formats;

describe('days', () => {
  it('writes a day in each language from the catalogue, without shifting it by time zone', () => {
    expect(formatDay('2024-03-05', fr)).toBe('5 mars 2024');
    expect(formatDay('2024-01-01', fr)).toBe('1 janvier 2024');
    expect(formatDay('2024-03-05', en)).toBe('5 March 2024');
    expect(formatDay('2024-03-05', bm)).toBe('Marisikalo tile 5 san 2024');
    expect(formatDay('2025-10-31', bm)).toBe('Ɔkutɔburukalo tile 31 san 2025');
  });

  it('agrees with Intl for the languages Intl knows (the desk still asks Intl)', () => {
    for (const day of ['2024-01-01', '2024-02-29', '2024-08-15', '2024-12-31']) {
      expect(formatDay(day, fr)).toBe(formatDay(day, 'fr-ML'));
      expect(formatDay(day, en)).toBe(formatDay(day, 'en-GB'));
    }
  });

  it('leaves something that is not a day as it is', () => {
    expect(formatDay('2024-02-30', bm)).toBe('2024-02-30');
  });

  it('counts whole days between two days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // leap year
    expect(daysBetween('2024-03-05', '2024-03-05')).toBe(0);
    expect(daysBetween('2024-02-30', '2024-03-01')).toBeNull();
  });

  it('validates calendar days', () => {
    expect(isValidDay('2024-02-29')).toBe(true);
    expect(isValidDay('2023-02-29')).toBe(false);
    expect(isValidDay('2024-13-01')).toBe(false);
    expect(isValidDay('5/3/2024')).toBe(false);
  });

  it('shows day-precision moments as days, and others with their time (desk)', () => {
    expect(formatDateTime('2024-03-05T00:00:00.000Z', 'fr-ML')).toBe('5 mars 2024');
    expect(formatDateTime('2024-03-05', 'en-GB')).toBe('5 March 2024');
    expect(formatDateTime('2024-03-05T14:30:00.000Z', 'en-GB')).toMatch(/^5 Mar 2024, \d{2}:30$/);
    expect(formatDateTime('not a date', 'en-GB')).toBe('not a date');
  });

  it('reads today from the device calendar', () => {
    expect(todayDay(new Date(2024, 0, 9, 23, 59))).toBe('2024-01-09');
  });
});

describe('numbers and amounts', () => {
  it('groups every three digits with the language’s separator', () => {
    expect(formatNumber(1_500_000, bm)).toBe('1\u202f500\u202f000');
    expect(formatNumber(1500, fr)).toBe('1\u202f500');
    expect(formatNumber(999, bm)).toBe('999');
    expect(formatNumber(1234.5, en)).toBe('1,234.5');
    expect(formatNumber(1234.567, fr)).toBe('1\u202f234,57');
    expect(formatNumber(-1500, bm)).toBe('-1\u202f500');
    expect(formatNumber(2.004, bm)).toBe('2');
  });

  it('agrees with Intl for French and English', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_500_000, 1e15, 3.25]) {
      expect(formatNumber(n, fr)).toBe(formatNumber(n, 'fr-ML'));
      expect(formatNumber(n, en)).toBe(formatNumber(n, 'en-GB'));
    }
  });

  it('writes FCFA amounts per language', () => {
    expect(formatFcfa(1_500_000, fr)).toBe('1\u202f500\u202f000\u00a0FCFA');
    expect(formatFcfa(1_500_000, bm)).toBe('1\u202f500\u202f000\u00a0FCFA');
    expect(formatFcfa(1_500_000, en)).toBe('1,500,000\u00a0FCFA');
    expect(formatFcfa(0, bm)).toBe('0\u00a0FCFA');
    expect(formatFcfa(1_500_000, 'fr-ML')).toBe('1\u202f500\u202f000\u00a0FCFA');
  });

  it('reads typed amounts with the separators people use', () => {
    expect(parseAmountInput('')).toEqual({ ok: true, value: null });
    expect(parseAmountInput('  ')).toEqual({ ok: true, value: null });
    expect(parseAmountInput('1 500 000')).toEqual({ ok: true, value: 1_500_000 });
    expect(parseAmountInput('1.500.000')).toEqual({ ok: true, value: 1_500_000 });
    expect(parseAmountInput('1\u202f500')).toEqual({ ok: true, value: 1500 });
    expect(parseAmountInput('25000')).toEqual({ ok: true, value: 25_000 });
  });

  it('refuses letters, signs and absurd amounts', () => {
    expect(parseAmountInput('10 000 F')).toEqual({ ok: false, reason: 'format' });
    expect(parseAmountInput('-5')).toEqual({ ok: false, reason: 'format' });
    expect(parseAmountInput('1e6')).toEqual({ ok: false, reason: 'format' });
    expect(parseAmountInput('1000000000000000')).toEqual({ ok: true, value: 1e15 });
    expect(parseAmountInput('1000000000000001')).toEqual({ ok: false, reason: 'too-large' });
  });
});

describe('sizes', () => {
  it('writes file sizes with the language’s units, in binary multiples', () => {
    expect(formatBytes(50 * 1024 * 1024, fr)).toBe('50\u00a0Mo');
    expect(formatBytes(1_250_000, fr)).toBe('1,2\u00a0Mo');
    expect(formatBytes(1_250_000, bm)).toBe('1,2\u00a0Mo');
    expect(formatBytes(50 * 1024 * 1024, en)).toBe('50\u00a0MB');
    expect(formatBytes(1536, en)).toBe('1.5\u00a0kB');
    expect(formatBytes(12, en)).toBe('12\u00a0B');
  });

  it('still asks Intl for a locale tag (the desk)', () => {
    // ICU versions differ on which space goes before a unit; the words and digits are what matter.
    expect(formatBytes(50 * 1024 * 1024, 'fr-ML').replace(/\s/gu, ' ')).toBe('50 Mo');
  });
});
