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
