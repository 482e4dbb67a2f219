/**
 * Canonical JSON for signatures: object keys sorted by UTF-16 code units, no whitespace,
 * strings and numbers as JSON.stringify writes them. For the values we accept this is the
 * same text as RFC 8785 (JCS), so other implementations can reproduce the signed bytes.
 *
 * SECURITY: anything JSON.stringify would silently change (NaN, Infinity, undefined in an array,
 * functions, Dates, class instances, lone surrogates) is refused, so what is signed is exactly
 * what a verifier parses back. An object member whose value is undefined is left out: it has no
 * JSON form, and leaving it out is what a parser on the other side sees anyway.
 */
import { CryptoError } from './errors.ts';
import { isWellFormedString } from './encoding.ts';

/** Object members may be `undefined` (optional fields): they are left out, as in JSON.stringify. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };

const MAX_DEPTH = 64;

function encodeString(s: string): string {
  if (!isWellFormedString(s)) throw new CryptoError('bad-input', 'JSON string has a lone surrogate');
  return JSON.stringify(s);
}

function isPlainObject(value: object): value is { readonly [key: string]: unknown } {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function encode(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new CryptoError('bad-input', 'JSON nested too deeply');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CryptoError('bad-input', 'JSON numbers must be finite');
      return JSON.stringify(value);
    case 'string':
      return encodeString(value);
    case 'object': {
      if (Array.isArray(value)) {
        // Array.from visits holes of a sparse array as undefined, so they are refused too.
        const items = Array.from(value as readonly unknown[], (item) => {
          if (item === undefined) throw new CryptoError('bad-input', 'JSON arrays cannot hold undefined');
          return encode(item, depth + 1);
        });
        return `[${items.join(',')}]`;
      }
      if (!isPlainObject(value)) throw new CryptoError('bad-input', 'only plain objects can be signed');
      const keys = Object.keys(value)
        .filter((k) => value[k] !== undefined)
        .sort();
      const members = keys.map((k) => `${encodeString(k)}:${encode(value[k], depth + 1)}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new CryptoError('bad-input', `${typeof value} is not a JSON value`);
  }
}

export function canonicalJson(value: JsonValue): string {
  return encode(value, 0);
}
