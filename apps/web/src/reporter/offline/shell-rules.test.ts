import { describe, expect, it } from 'vitest';
import { ROUTES } from '@kenekanko/contracts';
import { CACHE_PREFIX, cacheName, classifyRequest, mayReplacePage, pinOf, precacheList, SHELL_DATA, staleCaches } from './shell-rules.ts';
import type { ShellManifest } from './shell-rules.ts';

const ORIGIN = 'https://kenekanko.example';
const manifest: ShellManifest = {
  build: 'b1',
  assets: ['/assets/index-AAA.js', '/assets/index-BBB.css', '/assets/index-CCC.js'],
  precache: ['/assets/index-AAA.js', '/assets/index-BBB.css'],
};
const kind = (method: string, path: string, origin = ORIGIN) => classifyRequest(method, new URL(path, origin), ORIGIN, manifest);
const page = (pin: string | null) => `<html><head><meta name="kenekanko-pins" content="${pin ?? ''}"></head></html>`;
const KEY_A = 'A'.repeat(43);
const KEY_B = 'B'.repeat(43);

describe('what the service worker answers', () => {
  it('answers the page, the reporter assets, the intake, the places outline and the whole places list', () => {
    expect(kind('GET', '/')).toBe('page');
    expect(kind('GET', '/?utm=x')).toBe('page');
    expect(kind('GET', '/assets/index-AAA.js')).toBe('asset');
    expect(kind('GET', '/assets/index-CCC.js')).toBe('asset'); // lazy: cached on first use
    expect(kind('GET', ROUTES.intake)).toBe('data');
    expect(kind('GET', ROUTES.placeOutline)).toBe('data');
    expect(kind('GET', ROUTES.places)).toBe('data');
  });

  it('never answers a write, another origin, the desk, or any API answer about an alert', () => {
    for (const method of ['POST', 'PUT', 'DELETE']) expect(kind(method, ROUTES.submissions)).toBe('pass');
    expect(kind('POST', '/')).toBe('pass');
    expect(kind('GET', '/assets/index-AAA.js', 'https://cdn.example')).toBe('pass');
    expect(kind('GET', '/desk')).toBe('pass');
    expect(kind('GET', '/setup')).toBe('pass');
    expect(kind('GET', '/assets/desk-XYZ.js')).toBe('pass');
    expect(kind('GET', ROUTES.pow)).toBe('pass');
    expect(kind('GET', ROUTES.staffAlerts)).toBe('pass');
    expect(kind('GET', ROUTES.staffAlert('AAAAAAAAAAAAAAAAAAAAAA'))).toBe('pass');
    expect(kind('GET', `${ROUTES.placeOutline}?parent=x`)).toBe('pass');
    // No path naming a place is answered or stored (there is no such route any more).
    expect(kind('GET', '/api/places/cercle-kayes-kita/communes')).toBe('pass');
    expect(kind('GET', '/api/places/district-bamako')).toBe('pass');
    expect(kind('GET', '/sw.js')).toBe('pass');
  });

  it('names the data paths stored at install exactly as the contracts route them', () => {
    expect([...SHELL_DATA]).toEqual([ROUTES.intake, ROUTES.placeOutline, ROUTES.places]);
  });
});

describe('installing and updating', () => {
  it('stores the page, the precached assets and the data at install, not the large lazy chunks', () => {
    expect(precacheList(manifest)).toEqual(['/', '/assets/index-AAA.js', '/assets/index-BBB.css', ROUTES.intake, ROUTES.placeOutline, ROUTES.places]);
  });

  it('names its cache for its build, and deletes only older caches of its own', () => {
    expect(cacheName(manifest)).toBe(`${CACHE_PREFIX}b1`);
    const names = [`${CACHE_PREFIX}b0`, `${CACHE_PREFIX}b1`, 'someone-else'];
    expect(staleCaches(names, manifest)).toEqual([`${CACHE_PREFIX}b0`]);
  });

  it('reads the pinned key, and only a well-formed one', () => {
    expect(pinOf(page(KEY_A))).toBe(KEY_A);
    expect(pinOf(page(null))).toBeNull();
    expect(pinOf(page('short'))).toBeNull();
  });

  it('lets a new page replace the cached one only if it pins the same key, or none was pinned yet', () => {
    expect(mayReplacePage(null, page(KEY_A))).toBe(true);
    expect(mayReplacePage(page(null), page(KEY_A))).toBe(true);
    expect(mayReplacePage(page(KEY_A), page(KEY_A))).toBe(true);
    expect(mayReplacePage(page(KEY_A), page(KEY_B))).toBe(false);
    expect(mayReplacePage(page(KEY_A), page(null))).toBe(false);
  });
});
