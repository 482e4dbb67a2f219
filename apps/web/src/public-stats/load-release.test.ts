import { describe, expect, it } from 'vitest';
import type { StatsRelease } from '@kenekanko/contracts';
import { loadRelease, releaseUrl } from './load-release.ts';

const release: StatsRelease = { period: '2026-Q3', threshold: 5, computedMonth: '2026-11', periods: [{ period: '2026-Q3', kind: 'quarter', tables: [] }] };

function answering(status: number, body: unknown): { fetcher: typeof fetch; calls: { url: string; init: RequestInit | undefined }[] } {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetcher = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetcher, calls };
}

describe('loading a release', () => {
  it('asks the public route for the period, without credentials, and returns the parsed release', async () => {
    const { fetcher, calls } = answering(200, release);
    expect(await loadRelease('2026-Q3', fetcher)).toEqual({ ok: true, release });
    expect(calls[0]?.url).toBe('/api/public/stats?period=2026-Q3');
    expect(calls[0]?.init?.credentials).toBe('omit');
    expect(releaseUrl('2026')).toBe('/api/public/stats?period=2026');
  });

  it('tells an open period, a network failure and anything else apart', async () => {
    const open = answering(409, { error: { code: 'stats-period-open', message: '…' } });
    expect(await loadRelease('2026-Q4', open.fetcher)).toEqual({ ok: false, failure: 'period-open' });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await loadRelease('2026-Q3', offline)).toEqual({ ok: false, failure: 'network' });
    expect(await loadRelease('2026-Q3', answering(500, { error: { code: 'internal', message: '…' } }).fetcher)).toEqual({ ok: false, failure: 'unavailable' });
    expect(await loadRelease('2026-Q3', answering(502, '<html>proxy</html>').fetcher)).toEqual({ ok: false, failure: 'unavailable' });
  });

  it('refuses a malformed release, or one for another period', async () => {
    expect(await loadRelease('2026-Q3', answering(200, { ...release, threshold: 0 }).fetcher)).toEqual({ ok: false, failure: 'unavailable' });
    expect(await loadRelease('2026-Q2', answering(200, release).fetcher)).toEqual({ ok: false, failure: 'unavailable' });
  });
});
