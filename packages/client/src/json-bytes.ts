/**
 * JSON plaintexts in and out of envelopes. Every decrypted plaintext is parsed with its
 * contracts schema before anything reads it (STYLE rule 4).
 */
import * as v from 'valibot';
import { utf8Decode, utf8Encode } from '@kenekanko/crypto';
import { ClientError } from './errors.ts';

export const jsonBytes = (value: unknown): Uint8Array => utf8Encode(JSON.stringify(value));

/** SECURITY: the error names the fields that failed, never their values (they are plaintext). */
export function parseJsonBytes<S extends v.GenericSchema>(schema: S, bytes: Uint8Array, what: string): v.InferOutput<S> {
  let data: unknown;
  try {
    data = JSON.parse(utf8Decode(bytes));
  } catch {
    throw new ClientError('bad-plaintext', `${what} is not JSON`);
  }
  const result = v.safeParse(schema, data);
  if (!result.success) {
    throw new ClientError('bad-plaintext', `${what} does not match its schema`, {
      issues: result.issues.map((issue) => v.getDotPath(issue) ?? '(root)'),
    });
  }
  return result.output;
}
