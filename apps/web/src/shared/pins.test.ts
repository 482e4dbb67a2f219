import { describe, expect, it } from 'vitest';
import { readPinnedCoalitionKey } from './pins.ts';

const page = (content: string | null) => ({
  querySelector: (selector: string) =>
    selector === 'meta[name="kenekanko-pins"]' && content !== null ? ({ getAttribute: (name: string) => (name === 'content' ? content : null) } as Element) : null,
});

describe('readPinnedCoalitionKey', () => {
  const key = 'A'.repeat(43);

  it('reads the key the server wrote into the page', () => {
    expect(readPinnedCoalitionKey(page(key))).toBe(key);
    expect(readPinnedCoalitionKey(page(` ${key}\n`))).toBe(key);
  });

  it('has no pin before setup, or when the tag is missing', () => {
    expect(readPinnedCoalitionKey(page(''))).toBeUndefined();
    expect(readPinnedCoalitionKey(page(null))).toBeUndefined();
  });

  it('passes a malformed pin on, so the client refuses it instead of running unpinned', () => {
    expect(readPinnedCoalitionKey(page('not-a-key'))).toBe('not-a-key');
  });
});
