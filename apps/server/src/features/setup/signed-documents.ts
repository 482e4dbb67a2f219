/**
 * Checks of the documents the coalition signs in a coordinator's browser (the key directory
 * and questionnaire versions). The server cannot sign them (it holds no signing key) but it
 * refuses to store one that does not verify, so a bad setup fails loudly at once rather than
 * in every reporter's browser later.
 */
import * as v from 'valibot';
import { canonicalJson, isCryptoError, verifyStatement } from '@kenekanko/crypto';
import type { JsonValue, Purpose } from '@kenekanko/crypto';
import type { SignedDocument } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import { decodeBase64Url } from '../shared/decode.ts';

function parseJsonText(text: string, field: string): JsonValue {
  try {
    // JSON.parse yields only JSON values; the canonical-form check below re-encodes all of it.
    const value: JsonValue = JSON.parse(text) as JsonValue;
    return value;
  } catch {
    throw new AppError('validation-failed', { issues: [`${field}.body`] });
  }
}

/** The canonical form, or null for JSON that cannot be signed (a lone surrogate, say). */
function canonicalOrNull(value: JsonValue): string | null {
  try {
    return canonicalJson(value);
  } catch (error) {
    if (isCryptoError(error)) return null;
    throw error;
  }
}

/**
 * Verifies `document` with `publicKey` under `purpose` and parses its body with `schema`.
 * The body must be the canonical JSON of itself, so what is stored is exactly what was signed.
 */
export function verifySignedDocument<TSchema extends v.GenericSchema>(
  purpose: Purpose,
  document: SignedDocument,
  publicKey: Uint8Array,
  schema: TSchema,
  field: string,
): v.InferOutput<TSchema> {
  const statement = parseJsonText(document.body, field);
  if (canonicalOrNull(statement) !== document.body) throw new AppError('validation-failed', { issues: [`${field}.body`] });
  const signature = decodeBase64Url(document.signature, `${field}.signature`);
  if (!verifyStatement(purpose, statement, signature, publicKey)) {
    throw new AppError('validation-failed', { issues: [`${field}.signature`] });
  }
  const parsed = v.safeParse(schema, statement);
  if (!parsed.success) {
    const issues = parsed.issues.map((issue) => `${field}.body.${v.getDotPath(issue) ?? ''}`);
    throw new AppError('validation-failed', { issues });
  }
  return parsed.output;
}
