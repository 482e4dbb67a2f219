import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../http/app-error.ts';
import { createLocalBlobStore, createLocalBlobStores, type BlobStore } from './blob-store.ts';

const BLOB = 'AAAAAAAAAAAAAAAAAAAAAA';
const OTHER = 'b-_zzzzzzzzzzzzzzzzzzz';

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('createLocalBlobStore', () => {
  let dir: string;
  let store: BlobStore;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kk-blobs-'));
    store = createLocalBlobStore(path.join(dir, 'blobs'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores and returns chunks by blob and index', async () => {
    await store.putChunk(BLOB, 0, new Uint8Array([1, 2, 3]));
    await store.putChunk(BLOB, 1, new Uint8Array([4]));
    await store.putChunk(OTHER, 0, new Uint8Array([9, 9]));
    expect(await store.getChunk(BLOB, 0)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await store.getChunk(BLOB, 1)).toEqual(new Uint8Array([4]));
    expect(await store.getChunk(OTHER, 0)).toEqual(new Uint8Array([9, 9]));
  });

  it('accepts a retried chunk and leaves no temporary file behind', async () => {
    await store.putChunk(BLOB, 0, new Uint8Array([1, 2, 3]));
    await store.putChunk(BLOB, 0, new Uint8Array([1, 2, 3]));
    expect(await store.getChunk(BLOB, 0)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await readdir(path.join(dir, 'blobs', BLOB))).toEqual(['0.chunk']);
  });

  it('never replaces a stored chunk with different bytes, even when two writes race', async () => {
    await store.putChunk(BLOB, 0, new Uint8Array([1, 2, 3]));
    expect(await errorCode(store.putChunk(BLOB, 0, new Uint8Array([6, 6, 6])))).toBe('conflict');
    expect(await errorCode(store.putChunk(BLOB, 0, new Uint8Array([1, 2])))).toBe('conflict');
    expect(await store.getChunk(BLOB, 0)).toEqual(new Uint8Array([1, 2, 3]));
    const racing = await Promise.allSettled([store.putChunk(OTHER, 0, new Uint8Array([1])), store.putChunk(OTHER, 0, new Uint8Array([2]))]);
    expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await readdir(path.join(dir, 'blobs', OTHER))).toEqual(['0.chunk']);
  });

  it('keeps each space apart: the same id in two spaces names two files', async () => {
    const spaces = createLocalBlobStores(path.join(dir, 'spaces'));
    await spaces.alerts.putChunk(BLOB, 0, new Uint8Array([1]));
    await spaces.forwardings.putChunk(BLOB, 0, new Uint8Array([2]));
    expect(await spaces.alerts.getChunk(BLOB, 0)).toEqual(new Uint8Array([1]));
    await spaces.forwardings.deleteBlob(BLOB);
    expect(await spaces.alerts.getChunk(BLOB, 0)).toEqual(new Uint8Array([1]));
    expect(await errorCode(spaces.forwardings.getChunk(BLOB, 0))).toBe('not-found');
    expect(await spaces.alerts.settledBlobIds(-60_000)).toEqual([BLOB]);
    expect(await spaces.forwardings.settledBlobIds(-60_000)).toEqual([]);
  });

  it('answers not-found for a missing chunk or blob', async () => {
    await store.putChunk(BLOB, 0, new Uint8Array([1]));
    expect(await errorCode(store.getChunk(BLOB, 1))).toBe('not-found');
    expect(await errorCode(store.getChunk(OTHER, 0))).toBe('not-found');
  });

  it('deletes every chunk of a blob, and deleting twice is fine', async () => {
    await store.putChunk(BLOB, 0, new Uint8Array([1]));
    await store.putChunk(BLOB, 1, new Uint8Array([2]));
    await store.putChunk(OTHER, 0, new Uint8Array([3]));
    await store.deleteBlob(BLOB);
    await store.deleteBlob(BLOB);
    expect(await errorCode(store.getChunk(BLOB, 0))).toBe('not-found');
    expect(await store.getChunk(OTHER, 0)).toEqual(new Uint8Array([3]));
  });

  it('keeps files private to the server user', async () => {
    await store.putChunk(BLOB, 0, new Uint8Array([1]));
    expect((await stat(path.join(dir, 'blobs', BLOB))).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, 'blobs', BLOB, '0.chunk'))).mode & 0o777).toBe(0o600);
  });

  it.each(['../../etc/passwd', '..', 'AAAAAAAAAAAAAAAAAAAAA/', 'AAAAAAAAAAAAAAAAAAAA..', 'short', 'AAAAAAAAAAAAAAAAAAAAAAA', 'AAAAAAAAAAAAAAAAAAAA%2F'])(
    'refuses the blob id %j before touching the disk',
    async (badId) => {
      expect(await errorCode(store.putChunk(badId, 0, new Uint8Array([1])))).toBe('validation-failed');
      expect(await errorCode(store.getChunk(badId, 0))).toBe('validation-failed');
      expect(await errorCode(store.deleteBlob(badId))).toBe('validation-failed');
    },
  );

  it('cannot be led outside its folder by deleteBlob', async () => {
    const outside = path.join(dir, 'precious');
    await writeFile(outside, 'keep');
    await expect(store.deleteBlob('../precious')).rejects.toThrow();
    expect((await stat(outside)).isFile()).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN, 1_000_000])('refuses the chunk index %d', async (index) => {
    expect(await errorCode(store.putChunk(BLOB, index, new Uint8Array([1])))).toBe('validation-failed');
  });
});

describe('createLocalBlobStore file times', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kk-blobs-times-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('dates chunk files and folders to the start of the UTC day, never the instant', async () => {
    const now = new Date('2025-03-07T14:03:22.123Z');
    const day = Date.UTC(2025, 2, 7);
    const root = path.join(dir, 'blobs');
    const timed = createLocalBlobStore(root, () => now);
    await timed.putChunk(BLOB, 0, new Uint8Array([1, 2]));
    await timed.putChunk(BLOB, 1, new Uint8Array([3]));
    for (const name of [path.join(root, BLOB, '0.chunk'), path.join(root, BLOB, '1.chunk'), path.join(root, BLOB), root]) {
      const info = await stat(name);
      expect(info.mtimeMs).toBe(day);
      expect(info.atimeMs).toBe(day);
    }
  });
});
