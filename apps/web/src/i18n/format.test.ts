import { describe, expect, it } from 'vitest';
import { daysBetween, formatBytes, formatDateTime, formatDay, formatFcfa, isValidDay, parseAmountInput, todayDay } from './format.ts';

describe('days', () => {
  it('formats a day in each language without shifting it by time zone', () => {
    expect(formatDay('2024-03-05', 'fr-ML')).toBe('5 mars 2024');
    expect(formatDay('2024-03-05', 'en-GB')).toBe('5 March 2024');
    expect(formatDay('2024-01-01', 'fr-ML')).toBe('1 janvier 2024');
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

  it('shows day-precision moments as days, and others with their time', () => {
    expect(formatDateTime('2024-03-05T00:00:00.000Z', 'fr-ML')).toBe('5 mars 2024');
    expect(formatDateTime('2024-03-05', 'en-GB')).toBe('5 March 2024');
    expect(formatDateTime('2024-03-05T14:30:00.000Z', 'en-GB')).toMatch(/^5 Mar 2024, \d{2}:30$/);
    expect(formatDateTime('not a date', 'en-GB')).toBe('not a date');
  });

  it('reads today from the device calendar', () => {
    expect(todayDay(new Date(2024, 0, 9, 23, 59))).toBe('2024-01-09');
  });
});

describe('amounts', () => {
  it('writes FCFA amounts per language', () => {
    expect(formatFcfa(1_500_000, 'fr-ML')).toBe('1\u202f500\u202f000\u00a0FCFA');
    expect(formatFcfa(1_500_000, 'en-GB')).toBe('1,500,000\u00a0FCFA');
    expect(formatFcfa(0, 'fr-ML')).toBe('0\u00a0FCFA');
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
  // ICU versions differ on which space goes before a unit; the words and digits are what matter.
  const plain = (text: string) => text.replace(/\s/gu, ' ');

  it('writes file sizes with the language’s units', () => {
    expect(plain(formatBytes(50 * 1024 * 1024, 'fr-ML'))).toBe('50 Mo');
    expect(plain(formatBytes(1_250_000, 'fr-ML'))).toBe('1,2 Mo');
    expect(plain(formatBytes(50 * 1024 * 1024, 'en-GB'))).toBe('50 MB');
    expect(plain(formatBytes(1536, 'en-GB'))).toBe('1.5 kB');
    expect(plain(formatBytes(12, 'en-GB'))).toBe('12 byte');
  });
});
