/**
 * Reading request bodies and parameters at the HTTP boundary (STYLE rule 4). Every failure is
 * a 4xx with a stable code: a wrong content type, malformed JSON, or a body that does not fit
 * the contract's schema. SECURITY: issues name paths only, never the values sent.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { AppError } from './app-error.ts';

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** What stands for a key the schema does not name: the sender chose it, so it is never echoed. */
export const UNKNOWN_KEY = '(unknown key)';

type SchemaNode = { readonly type?: unknown; readonly entries?: unknown; readonly item?: unknown; readonly wrapped?: unknown; readonly pipe?: unknown };

/** The schema under wrappers (optional, nullable, pipe…), where the entries and items are. */
function unwrap(schema: unknown): SchemaNode | undefined {
  let node = schema as SchemaNode | undefined;
  for (let depth = 0; depth < 10 && node !== undefined; depth++) {
    if (node.wrapped !== undefined) node = node.wrapped as SchemaNode;
    else if (Array.isArray(node.pipe) && node.pipe[0] !== node) node = node.pipe[0] as SchemaNode;
    else return node;
  }
  return node;
}

/**
 * An issue's path, naming only keys that the schema itself declares: SECURITY (L5) a key the
 * sender made up (an unknown key, a record's key) becomes UNKNOWN_KEY, so an answer or a log
 * line never repeats attacker-chosen text. Array indexes are numbers and are kept.
 */
function knownPath(schema: v.GenericSchema, issue: v.BaseIssue<unknown>): string {
  const segments: string[] = [];
  let node: SchemaNode | undefined = unwrap(schema);
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'number') {
      segments.push(String(key));
      node = unwrap(node?.item);
      continue;
    }
    const entries = node?.entries as Record<string, unknown> | undefined;
    if (typeof key === 'string' && entries !== undefined && Object.hasOwn(entries, key)) {
      segments.push(key);
      node = unwrap(entries[key]);
      continue;
    }
    segments.push(UNKNOWN_KEY);
    break;
  }
  return segments.length === 0 ? '(body)' : segments.join('.');
}

export function issuePaths(issues: readonly v.BaseIssue<unknown>[], schema: v.GenericSchema): string[] {
  return [...new Set(issues.map((issue) => knownPath(schema, issue)))].slice(0, 20);
}

export function parseWith<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new AppError('validation-failed', { issues: issuePaths(result.issues, schema) });
  return result.output;
}

/** The declared charset, lower-cased, or undefined when none is declared. */
function declaredCharset(c: Context): string | undefined {
  for (const parameter of (c.req.header('content-type') ?? '').split(';').slice(1)) {
    const [name, value] = parameter.split('=');
    if (name?.trim().toLowerCase() === 'charset') return (value ?? '').trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return undefined;
}

/**
 * JSON is UTF-8 only (L7): another declared charset, or bytes that are not valid UTF-8, are
 * refused instead of being decoded with replacement characters into something else.
 */
async function utf8Body(c: Context): Promise<string> {
  const charset = declaredCharset(c);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') throw new AppError('bad-request');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
  } catch (error) {
    if (error instanceof TypeError) throw new AppError('bad-request');
    throw error;
  }
}

export async function readJson<TSchema extends v.GenericSchema>(c: Context, schema: TSchema): Promise<v.InferOutput<TSchema>> {
  if (mediaType(c) !== 'application/json') throw new AppError('unsupported-media-type');
  const text = await utf8Body(c);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('bad-request');
  }
  return parseWith(schema, value);
}

export async function readBytes(c: Context): Promise<Uint8Array> {
  if (mediaType(c) !== 'application/octet-stream') throw new AppError('unsupported-media-type');
  return new Uint8Array(await c.req.arrayBuffer());
}

/** Route parameters; a malformed id is 'not-found', like an unknown one. */
export function parseParams<TSchema extends v.GenericSchema>(schema: TSchema, params: unknown): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, params);
  if (!result.success) throw new AppError('not-found');
  return result.output;
}
