import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEntry } from './file-cleaning.ts';
import { filesProblem, pendingEntry, readAndClean, toDraftFiles } from './file-entry.ts';

// The shared media corpus sits beside the project (see ../shared/data/README.md).
const media = (name: string) => new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data/media', name)));

describe('cleanEntry', () => {
  it('keeps only the cleaned copy of a photo and says what was removed', async () => {
    const original = media('cam-DSCN0010.jpg');
    const entry = await cleanEntry(pendingEntry({ name: 'DSCN0010.jpg', size: original.length }), original, 'image/jpeg');
    expect(entry.status).toBe('cleaned');
    if (entry.status !== 'cleaned') return;
    expect(entry.type).toBe('image/jpeg');
    expect(entry.removed.length).toBeGreaterThan(0);
    expect(entry.bytes.length).toBeLessThan(original.length);
    expect(entry.size).toBe(entry.bytes.length);
  });

  it('flags a file it cannot clean and does not let it through until the reporter decides', async () => {
    // SVG can carry scripts: it is never cleaned, only sent when the reporter says so.
    const svg = media('mat2-dirty.svg');
    const entry = await cleanEntry(pendingEntry({ name: 'doc.svg', size: svg.length }), svg, 'image/svg+xml');
    expect(entry).toMatchObject({ status: 'uncleanable', sendAnyway: false, type: 'image/svg+xml' });
    expect(filesProblem([entry])).toBe('undecided');
    expect(toDraftFiles([entry])).toEqual([]);
    const accepted = { ...entry, sendAnyway: true } as typeof entry;
    expect(filesProblem([accepted])).toBeNull();
    expect(toDraftFiles([accepted])).toMatchObject([{ name: 'doc.svg', scrub: 'not-cleaned' }]);
  });

  it('refuses a file over the limit without reading it', async () => {
    const pending = pendingEntry({ name: 'big.bin', size: 11 });
    let read = false;
    const blob = { size: 11, type: '', arrayBuffer: () => ((read = true), Promise.resolve(new ArrayBuffer(11))) } as unknown as Blob;
    expect(await readAndClean(pending, blob, 10)).toMatchObject({ status: 'too-large' });
    expect(read).toBe(false);
  });

  it('marks a file the browser cannot read as unreadable, and leaves it out', async () => {
    const blob = { size: 1, type: '', arrayBuffer: () => Promise.reject(new Error('gone')) } as unknown as Blob;
    const entry = await readAndClean(pendingEntry({ name: 'x', size: 1 }), blob);
    expect(entry.status).toBe('unreadable');
    expect(filesProblem([entry])).toBeNull();
    expect(toDraftFiles([entry])).toEqual([]);
  });
});
