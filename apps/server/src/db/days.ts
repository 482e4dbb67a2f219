/**
 * Days and instants as the database stores them (schema.ts): reporter-side dates are days,
 * 'YYYY-MM-DD' in UTC, never finer; staff-side instants are ISO-8601 UTC text.
 */

/** The UTC day of an instant: '2025-03-07'. SECURITY: use this for every reporter-side date. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** An instant as stored: '2025-03-07T14:03:22.123Z'. */
export function instantOf(instant: Date): string {
  return instant.toISOString();
}
