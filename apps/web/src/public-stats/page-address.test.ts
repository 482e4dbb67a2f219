import { describe, expect, it } from 'vitest';
import { readAddress, writeAddress } from './page-address.ts';

describe('the page’s address fragment', () => {
  it('round-trips a period and a language', () => {
    const hash = writeAddress({ period: '2026-Q3', language: 'bm' });
    expect(hash).toBe('#period=2026-Q3&lang=bm');
    expect(readAddress(hash)).toEqual({ period: '2026-Q3', language: 'bm' });
  });

  it('ignores what it does not know', () => {
    expect(readAddress('')).toEqual({ period: null, language: null });
    expect(readAddress('#period=2026-03-01&lang=de')).toEqual({ period: null, language: null });
    expect(readAddress('#lang=en')).toEqual({ period: null, language: 'en' });
    expect(readAddress('#period=%3Cscript%3E')).toEqual({ period: null, language: null });
  });
});
