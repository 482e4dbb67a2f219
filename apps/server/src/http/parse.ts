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

export function issuePaths(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return [...new Set(issues.map((issue) => v.getDotPath(issue) ?? '(body)'))].slice(0, 20);
}

export function parseWith<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new AppError('validation-failed', { issues: issuePaths(result.issues) });
  return result.output;
}

export async function readJson<TSchema extends v.GenericSchema>(c: Context, schema: TSchema): Promise<v.InferOutput<TSchema>> {
  if (mediaType(c) !== 'application/json') throw new AppError('unsupported-media-type');
  const text = await c.req.text();
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
