import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWebPages, PIN_PLACEHOLDER } from './web-pages.ts';

const KEY = 'A'.repeat(43);
const script = `export const answer = ${JSON.stringify('x'.repeat(4000))};`;
let app: Hono;

beforeAll(() => {
  const dist = mkdtempSync(path.join(tmpdir(), 'kk-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  mkdirSync(path.join(dist, 'icons'));
  writeFileSync(path.join(dist, 'index.html'), `<!doctype html><head>${PIN_PLACEHOLDER}</head><body>${'<p>Signaler</p>'.repeat(200)}</body>`);
  writeFileSync(path.join(dist, 'desk.html'), '<!doctype html><title>desk</title>');
  writeFileSync(path.join(dist, 'stats.html'), '<!doctype html><title>stats</title>');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), script);
  writeFileSync(path.join(dist, 'sw.js'), `self.addEventListener('fetch', () => {}); // ${'y'.repeat(2000)}`);
  writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"Kenekanko"}');
  writeFileSync(path.join(dist, 'icons', 'icon-192.png'), Uint8Array.of(0x89, 0x50, 0x4e, 0x47));
  app = new Hono();
  app.get('*', createWebPages({ distDir: dist, coalitionKey: async () => KEY }));
});

describe('the web pages, compressed', () => {
  it('sends a hashed script brotli-compressed, immutable, decoding to the file', async () => {
    const response = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('cache-control')).toContain('immutable');
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(script);
  });

  it('sends the page gzip-compressed to a browser without brotli, with the pin written in', async () => {
    const response = await app.request('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = gunzipSync(new Uint8Array(await response.arrayBuffer())).toString('utf8');
    expect(html).toContain(`<meta name="kenekanko-pins" content="${KEY}">`);
  });

  it('sends everything as is to a client that asks for no compression', async () => {
    const response = await app.request('/assets/index-abc123.js');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe(script);
  });
});

describe('the pages each path opens', () => {
  it.each([
    ['/', 'Signaler'],
    ['/desk', 'desk'],
    ['/desk/inbox', 'desk'],
    ['/setup', 'desk'],
    ['/stats', 'stats'],
    ['/stats/elsewhere', 'Signaler'],
  ])('%s opens the page that says %s', async (urlPath, text) => {
    const response = await app.request(urlPath);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain(text);
  });
});

describe('the offline shell files', () => {
  it('serves the service worker from the root, as a script the browser checks at every visit', async () => {
    const response = await app.request('/sw.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    // At the root its scope is '/' by default: no widening header is sent.
    expect(response.headers.get('service-worker-allowed')).toBeNull();
  });

  it('serves the manifest and the icons with their types', async () => {
    const manifest = await app.request('/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
    expect(await manifest.json()).toEqual({ name: 'Kenekanko' });
    const icon = await app.request('/icons/icon-192.png');
    expect(icon.headers.get('content-type')).toBe('image/png');
    expect((await app.request('/icons/icon-48.png')).status).toBe(404);
  });
});
