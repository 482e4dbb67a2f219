import { describe, expect, it } from 'vitest';
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
