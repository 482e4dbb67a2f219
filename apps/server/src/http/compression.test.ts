import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressPublicAnswers, createCompressor } from './compression.ts';

const places = { places: Array.from({ length: 500 }, (_, i) => ({ id: `commune-segou-${i}`, kind: 'commune', parentId: 'cercle-segou', name: `Commune ${i}` })) };

describe('chooseEncoding', () => {
  it('prefers brotli, falls back to gzip, and honours a refusal', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

describe('createCompressor', () => {
  it('compresses a body once and answers the same bytes from its cache', () => {
    const compressor = createCompressor();
    const bytes = new TextEncoder().encode(JSON.stringify(places));
    const first = compressor.compress(bytes, 'br');
    expect(first).not.toBeNull();
    expect(compressor.compress(bytes, 'br')).toBe(first); // the cached object itself
    expect(new Uint8Array(brotliDecompressSync(first ?? new Uint8Array()))).toEqual(bytes);
    const gzip = compressor.compress(bytes, 'gzip');
    expect(new Uint8Array(gunzipSync(gzip ?? new Uint8Array()))).toEqual(bytes);
    expect(first?.length).toBeLessThan(bytes.length / 5);
  });

  it('leaves small or incompressible bodies as they are', () => {
    const compressor = createCompressor();
    expect(compressor.compress(new TextEncoder().encode('{"ok":true}'), 'br')).toBeNull();
    expect(compressor.compress(crypto.getRandomValues(new Uint8Array(4096)), 'gzip')).toBeNull();
  });
});

describe('compressPublicAnswers', () => {
  const app = new Hono();
  app.use('/api/places', compressPublicAnswers(createCompressor(), { cached: true }));
  app.get('/api/places', (c) => c.json(places));
  app.use('/api/missing', compressPublicAnswers(createCompressor(), { cached: true }));
  app.get('/api/missing', (c) => c.json({ error: { code: 'not-found', message: 'x'.repeat(2000) } }, 404));

  it('sends a public answer compressed, with Vary, decoding to the same JSON', async () => {
    const response = await app.request('/api/places', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = new Uint8Array(await response.arrayBuffer());
    expect(JSON.parse(brotliDecompressSync(body).toString('utf8'))).toEqual(places);
  });

  it('sends it as is to a client that accepts no compression, and never compresses an error', async () => {
    const plain = await app.request('/api/places');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toEqual(places);
    const error = await app.request('/api/missing', { headers: { 'accept-encoding': 'br' } });
    expect(error.status).toBe(404);
    expect(error.headers.get('content-encoding')).toBeNull();
  });
});
