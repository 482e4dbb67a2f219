/**
 * Time helpers. SECURITY: reporter-side events are stored to the day (DESIGN §2), never to
 * the second, so a seized database cannot line an alert up with network logs. Days are UTC,
 * which is also Mali's time zone.
 */
export type Clock = () => Date;

/** 'YYYY-MM-DD' (UTC) of an instant. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addSeconds(instant: Date, seconds: number): Date {
  return new Date(instant.getTime() + seconds * 1000);
}

export function isoInstant(instant: Date): string {
  return instant.toISOString();
}

const HOUR_MS = 3600 * 1000;

/**
 * The next whole UTC hour at or after an instant. SECURITY: expiry times of reporter-side
 * rows are rounded up to the hour, so that "expires 24 h after it was opened" does not give
 * away the opening instant; rounding up keeps every row alive at least as long as asked.
 */
export function ceilToHour(instant: Date): Date {
  return new Date(Math.ceil(instant.getTime() / HOUR_MS) * HOUR_MS);
}
