/**
 * Recognising database errors the same way on both dialects, so that features can turn a
 * lost race (two identical retried requests) into an idempotent answer instead of a 500.
 */

/** True when an insert broke a primary-key or unique constraint (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as { readonly code?: unknown }).code;
  // PostgreSQL: SQLSTATE 23505 unique_violation. better-sqlite3: extended result codes.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** True when a write broke a foreign-key constraint. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as { readonly code?: unknown }).code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * A count or sum as a number. Both drivers already return numbers for integers (see
 * database.ts); this guards aggregate expressions whose type a driver may still widen.
 */
export function toCount(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('not a count');
  return n;
}
