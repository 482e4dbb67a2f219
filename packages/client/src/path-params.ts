/**
 * The only values that may enter a request path: ids checked against IdSchema and chunk
 * indexes in range (api-client.ts says why).
 */
import * as v from 'valibot';
import { IdSchema } from '@kenekanko/contracts';
import { ClientError } from './errors.ts';

/** SECURITY: only a 22-character id may enter a path (see the header). Methods that call this are async, so it rejects. */
export function id(value: string): string {
  // The value itself is never quoted: a caller's bug must not put a secret in an error.
  if (!v.is(IdSchema, value)) throw new ClientError('bad-input', 'a path parameter is not an id');
  return value;
}

export function chunkIndex(index: number): number {
  if (!Number.isSafeInteger(index) || index < 0 || index > 999_999) throw new ClientError('bad-input', 'chunk index out of range');
  return index;
}

