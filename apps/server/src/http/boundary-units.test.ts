import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { parseWith, UNKNOWN_KEY } from './parse.ts';
import { MAX_CHUNK_ENVELOPE_BYTES } from '../features/submissions/index.ts';
import { bodyLimitFor, CHUNK_BODY_LIMIT, FINALIZE_BODY_LIMIT, JSON_BODY_LIMIT } from './body-limits.ts';
import { isAcceptedOrigin } from './csrf.ts';
import { PIN_PLACEHOLDER, withPins } from './web-pages.ts';

describe('body limits', () => {
  it('give chunks one encrypted chunk, envelopes 2 MB, everything else 64 KB', () => {
    expect(CHUNK_BODY_LIMIT).toBe(MAX_CHUNK_ENVELOPE_BYTES);
    expect(bodyLimitFor('/api/submissions/abc/blobs/def/chunks/3')).toBe(CHUNK_BODY_LIMIT);
    expect(bodyLimitFor('/api/submissions/abc/finalize')).toBe(FINALIZE_BODY_LIMIT);
    expect(bodyLimitFor('/api/setup')).toBe(FINALIZE_BODY_LIMIT);
    expect(bodyLimitFor('/api/staff/alerts/abc/notes')).toBe(FINALIZE_BODY_LIMIT);
    expect(bodyLimitFor('/api/submissions')).toBe(JSON_BODY_LIMIT);
    expect(bodyLimitFor('/api/auth/login')).toBe(JSON_BODY_LIMIT);
    expect(bodyLimitFor('/api/submissions/abc/finalize/extra')).toBe(JSON_BODY_LIMIT);
  });
});

describe('the CSRF origin check', () => {
  const publicUrl = 'https://alerte.example.ml';
  it('accepts the public origin and the request host, nothing else', () => {
    expect(isAcceptedOrigin('https://alerte.example.ml', publicUrl, 'http://127.0.0.1:8080/api/auth/login')).toBe(true);
    expect(isAcceptedOrigin('http://127.0.0.1:8080', publicUrl, 'http://127.0.0.1:8080/api/auth/login')).toBe(true);
    expect(isAcceptedOrigin('https://alerte.example.ml.evil.com', publicUrl, 'http://127.0.0.1:8080/x')).toBe(false);
    expect(isAcceptedOrigin('http://alerte.example.ml', publicUrl, 'http://127.0.0.1:8080/x')).toBe(false);
    expect(isAcceptedOrigin('null', publicUrl, 'http://127.0.0.1:8080/x')).toBe(false);
  });

  it('compares scheme, host and port of the request origin, not the host alone', () => {
    const request = 'http://127.0.0.1:8080/api/auth/login';
    expect(isAcceptedOrigin('https://127.0.0.1:8080', publicUrl, request)).toBe(false);
    expect(isAcceptedOrigin('http://127.0.0.1:8081', publicUrl, request)).toBe(false);
    expect(isAcceptedOrigin('http://127.0.0.1', publicUrl, request)).toBe(false);
    expect(isAcceptedOrigin('https://alerte.example.ml:8443', publicUrl, request)).toBe(false);
    expect(isAcceptedOrigin('https://alerte.example.ml:443', publicUrl, request)).toBe(true);
  });
});

describe('validation issues', () => {
  const schema = v.strictObject({
    login: v.string(),
    nested: v.optional(v.strictObject({ count: v.number() })),
    list: v.array(v.strictObject({ id: v.string() })),
    counts: v.record(v.string(), v.number()),
  });
  const issues = (value: unknown): readonly string[] => {
    try {
      parseWith(schema, value);
      return [];
    } catch (error) {
      if (error instanceof AppError) return error.issues;
      throw error;
    }
  };

  it('name the schema paths that failed', () => {
    expect(issues({ login: 1, nested: { count: 'x' }, list: [{ id: 2 }], counts: {} })).toEqual(['login', 'nested.count', 'list.0.id']);
  });

  it('never echo a key the sender made up, at any depth or as a record key', () => {
    const sent = { login: 'a', '<script>alert(1)</script>': 1, nested: { count: 1, 'mot de passe': 2 }, list: [{ id: 'x', evil: 1 }], counts: { 'clé choisie': 'x' } };
    const found = issues(sent);
    expect([...found].sort()).toEqual([UNKNOWN_KEY, `counts.${UNKNOWN_KEY}`, `list.0.${UNKNOWN_KEY}`, `nested.${UNKNOWN_KEY}`].sort());
    expect(found.join(' ')).not.toMatch(/script|passe|evil|choisie/);
  });
});

describe('pinning the coalition key', () => {
  const key = 'A'.repeat(43);
  it('fills the placeholder once set up, and only with a well-formed key', () => {
    const html = `<head>${PIN_PLACEHOLDER}</head>`;
    expect(withPins(html, key)).toBe(`<head><meta name="kenekanko-pins" content="${key}"></head>`);
    expect(withPins(html, undefined)).toBe(html);
    expect(withPins(html, '"><script>alert(1)</script>')).toBe(html);
  });
});
