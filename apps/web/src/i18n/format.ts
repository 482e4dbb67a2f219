/**
 * Days, amounts and sizes written for people, per language, with Intl. Reporter-side dates
 * are whole days ('YYYY-MM-DD', DESIGN §2): they are formatted in UTC so that a day never
 * shifts by the viewer's time zone.
 */
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

export function formatDay(day: string, locale: string): string {
  const ms = dayToUtcMs(day);
  if (ms === null) return day;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(ms);
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

/** '1 500 000 FCFA' in French, '1,500,000 FCFA' in English. */
export function formatFcfa(amount: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount)}\u00a0FCFA`;
}

/** Sizes in binary multiples, as the server's limits are set (MAX_FILE_MB = 50 means 50 × 2²⁰ bytes). */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, divisor] = bytes >= 1024 * 1024 ? ['megabyte', 1024 * 1024] : bytes >= 1024 ? ['kilobyte', 1024] : ['byte', 1];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    bytes / divisor,
  );
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
