/**
 * Days, amounts and sizes written for people, per language. The reporter's pages pass their
 * catalogue's declared formats (month names, number symbols: the same on every phone, Bambara
 * included, which browsers lack); the staff desk, in French or English, passes an Intl locale
 * tag. Reporter-side dates are whole days ('YYYY-MM-DD', DESIGN §2): they are formatted in UTC
 * so that a day never shifts by the viewer's time zone.
 */
import type { LanguageFormats } from './types.ts';

/** A catalogue's declared formats, or an Intl locale tag (the desk's French and English). */
export type FormatsOrLocale = LanguageFormats | string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function dayToUtcMs(day: string): number | null {
  const match = DAY_PATTERN.exec(day);
  if (match === null) return null;
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  // Reject days that Date would roll over (2024-02-30 → March 1st).
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : null;
}

export function isValidDay(day: string): boolean {
  return dayToUtcMs(day) !== null;
}

/** Today on the device's calendar, as 'YYYY-MM-DD' (Mali is on UTC all year). */
export function todayDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'); 0 for the same day, null if either is not a day. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayToUtcMs(from);
  const b = dayToUtcMs(to);
  return a === null || b === null ? null : Math.round((b - a) / MS_PER_DAY);
}

function fill(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function formatDay(day: string, formats: FormatsOrLocale): string {
  const ms = dayToUtcMs(day);
  if (ms === null) return day;
  if (typeof formats === 'string') {
    return new Intl.DateTimeFormat(formats, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(ms);
  }
  const date = new Date(ms);
  const month = formats.months[date.getUTCMonth()] ?? '';
  return fill(formats.dayPattern, { day: String(date.getUTCDate()), month, year: String(date.getUTCFullYear()) });
}

/**
 * A number with the language's separators: every group of three digits separated (1 500,
 * 1\u202f500 000), at most `maximumFractionDigits` decimals, trailing zeros dropped.
 */
export function formatNumber(value: number, formats: FormatsOrLocale, maximumFractionDigits = 2): string {
  if (typeof formats === 'string') return new Intl.NumberFormat(formats, { maximumFractionDigits }).format(value);
  if (!Number.isFinite(value)) return String(value);
  const [whole = '0', fraction = ''] = Math.abs(value).toFixed(maximumFractionDigits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, formats.groupSeparator);
  const decimals = fraction.replace(/0+$/, '');
  const sign = value < 0 && (/[1-9]/.test(whole) || decimals !== '') ? '-' : '';
  return sign + grouped + (decimals === '' ? '' : formats.decimalSeparator + decimals);
}

/**
 * Staff-side timestamps (ISO 8601) with the time of day, in the viewer's zone. A moment at
 * exactly midnight UTC is a day-precision record (a reporter's action, DESIGN §2) and is shown
 * as that day, not as an invented hour.
 */
export function formatDateTime(iso: string, locale: string): string {
  if (DAY_PATTERN.test(iso)) return formatDay(iso, locale);
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  if (ms % MS_PER_DAY === 0) return formatDay(new Date(ms).toISOString().slice(0, 10), locale);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** '1 500 000 FCFA' in French and Bambara (narrow no-break spaces), '1,500,000 FCFA' in English. */
export function formatFcfa(amount: number, formats: FormatsOrLocale): string {
  return `${formatNumber(amount, formats, 0)}\u00a0FCFA`;
}

/** Sizes in binary multiples, as the server's limits are set (MAX_FILE_MB = 50 means 50 × 2²⁰ bytes). */
export function formatBytes(bytes: number, formats: FormatsOrLocale): string {
  const step = bytes >= 1024 * 1024 ? 2 : bytes >= 1024 ? 1 : 0;
  const value = bytes / 1024 ** step;
  if (typeof formats === 'string') {
    const unit = (['byte', 'kilobyte', 'megabyte'] as const)[step];
    return new Intl.NumberFormat(formats, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  }
  return `${formatNumber(value, formats, 1)}\u00a0${formats.byteUnits[step] ?? ''}`;
}

export const MAX_AMOUNT_FCFA = 1e15;

/**
 * What a person typed as an amount, read as whole FCFA. Group separators people use (spaces,
 * no-break spaces, dots, commas, apostrophes) are dropped; anything else is refused.
 * Returns null for an empty field.
 */
export function parseAmountInput(text: string): { readonly ok: true; readonly value: number | null } | { readonly ok: false; readonly reason: 'format' | 'too-large' } {
  const digits = text.replace(/[\s\u00a0\u202f.,'’]/g, '');
  if (digits === '') return { ok: true, value: null };
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'format' };
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || value > MAX_AMOUNT_FCFA) return { ok: false, reason: 'too-large' };
  return { ok: true, value };
}
