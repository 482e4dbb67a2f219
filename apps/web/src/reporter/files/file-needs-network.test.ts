import { describe, expect, it, vi } from 'vitest';
import type * as lazyScrub from '@kenekanko/scrub/lazy';
import { cleanEntry } from './file-cleaning.ts';
import { filesProblem, pendingEntry, toDraftFiles } from './file-entry.ts';

// Offline without the service worker's cache: the chunk of a kind's cleaner cannot be fetched.
vi.mock('@kenekanko/scrub/lazy', async (importOriginal) => ({
  ...(await importOriginal<typeof lazyScrub>()),
  loadScrubber: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
}));

const JPEG_START = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01);

describe('a file whose cleaner cannot be fetched', () => {
  it('says the network is needed once, is left out of the alert, and does not block sending without it', async () => {
    const entry = await cleanEntry(pendingEntry({ name: 'photo.jpg', size: JPEG_START.length }), JPEG_START, 'image/jpeg');
    expect(entry).toMatchObject({ status: 'needs-network', name: 'photo.jpg' });
    // SECURITY: its bytes are not kept, so it can never be sent uncleaned by mistake.
    expect('bytes' in entry).toBe(false);
    expect(filesProblem([entry])).toBeNull();
    expect(toDraftFiles([entry])).toEqual([]);
  });

  it('still warns about a kind no cleaner exists for, which needs no network to know', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const entry = await cleanEntry(pendingEntry({ name: 'plan.svg', size: svg.length }), svg, 'image/svg+xml');
    expect(entry).toMatchObject({ status: 'uncleanable', sendAnyway: false });
  });
});
