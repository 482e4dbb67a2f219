/** The PDF cache renders a release once per language, forgets the least recently used, and never keeps a failure. */
import { describe, expect, it } from 'vitest';
import type { StatsRelease } from '@kenekanko/contracts';
import { createPdfCache } from './report-pdf-cache.ts';

const release = (period: string): StatsRelease => ({ period, threshold: 5, computedMonth: '2026-01', periods: [] });

describe('createPdfCache', () => {
  it('renders each release and language once, and again once it was pushed out', async () => {
    const cache = createPdfCache(2);
    const rendered: string[] = [];
    const render = (what: string) => async () => {
      rendered.push(what);
      return new Uint8Array([rendered.length]);
    };
    const first = await cache.get(release('2025'), 'fr', render('2025 fr'));
    expect(await cache.get(release('2025'), 'fr', render('again'))).toBe(first);
    await cache.get(release('2025'), 'en', render('2025 en'));
    await cache.get(release('2025'), 'fr', render('again'));
    await cache.get(release('2025-Q1'), 'fr', render('Q1 fr')); // pushes out 2025 en, the least recently used
    await cache.get(release('2025'), 'fr', render('again'));
    await cache.get(release('2025'), 'en', render('2025 en, again'));
    expect(rendered).toEqual(['2025 fr', '2025 en', 'Q1 fr', '2025 en, again']);
    // The same period with other figures is another release.
    await cache.get({ ...release('2025'), computedMonth: '2026-02' }, 'fr', render('2025 fr, new data'));
    expect(rendered.at(-1)).toBe('2025 fr, new data');
  });

  it('does not keep a failed rendering', async () => {
    const cache = createPdfCache();
    await expect(cache.get(release('2025'), 'fr', () => Promise.reject(new Error('fonts')))).rejects.toThrow('fonts');
    expect(await cache.get(release('2025'), 'fr', async () => new Uint8Array([7]))).toEqual(new Uint8Array([7]));
  });
});
