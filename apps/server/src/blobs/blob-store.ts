/**
 * Where encrypted attachment chunks live. A port, so that S3-compatible object storage can
 * replace the local disk when a deployment runs several server processes (DESIGN §6).
 *
 * SECURITY: chunks are ciphertext made in the browser; the store never sees a key. Ids come
 * from browsers, so they are checked against the id format (22 base64url characters) before
 * they touch a path: no '..', '/', or anything else can escape the store's folder.
 *
 * Local layout: DIR/<space>/<blobId>/<index>.chunk, folders 0700 and files 0600. A chunk is
 * written to a temporary file, flushed to disk, then linked into place, so a crash never leaves
 * a half chunk under its final name. The folder is flushed after the link too: without it a
 * power cut can lose the link while the database row that points at the chunk survives.
 *
 * SECURITY: each owner table has its own space (BLOB_SPACES): a reporter's attachment (table
 * `blobs`) and a forwarded package's file (`forwarding_files`) can never address the same file,
 * even under the same id, so an upload to one can never overwrite or delete the other.
 * SECURITY: a stored chunk is immutable. The final name is created with link(2), which fails
 * when it exists: the same bytes again are an idempotent retry (accepted), different bytes are
 * refused with `conflict`, atomically, even for two writes racing each other.
 *
 * SECURITY: a chunk's access and modification times, and its folder's, are set to the start
 * of the UTC day: reporter actions are kept to the day (DESIGN), and a nanosecond mtime would
 * date an upload to the instant. The inode change time (ctime) cannot be set by a program; it
 * is documented in docs/threat-model.md.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../http/app-error.ts';

export type BlobStore = {
  /** Throws AppError('conflict') when the chunk is stored with different bytes. */
  putChunk(blobId: string, index: number, bytes: Uint8Array): Promise<void>;
  /** Throws AppError('not-found') when the chunk is not stored. */
  getChunk(blobId: string, index: number): Promise<Uint8Array>;
  /** Removes every chunk of the blob; a blob that is not there is not an error. */
  deleteBlob(blobId: string): Promise<void>;
  /** Removes temporary files (writes cut off by a crash) last changed more than `ageMs` ago. */
  sweepTempFiles(ageMs: number): Promise<number>;
  /** Blob folders last changed more than `ageMs` ago (candidates for orphans). */
  settledBlobIds(ageMs: number): Promise<readonly string[]>;
};

/** One space per owner table: `alerts` for reporters' attachments, `forwardings` for package files. */
export const BLOB_SPACES = ['alerts', 'forwardings'] as const;
export type BlobSpace = (typeof BLOB_SPACES)[number];
export type BlobStores = { readonly [S in BlobSpace]: BlobStore };

const BLOB_ID = /^[A-Za-z0-9_-]{22}$/;
export const MAX_CHUNK_INDEX = 999_999;

function checkBlobId(blobId: string): void {
  if (!BLOB_ID.test(blobId)) throw new AppError('validation-failed', { issues: ['blobId'] });
}

function checkIndex(index: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index > MAX_CHUNK_INDEX) {
    throw new AppError('validation-failed', { issues: ['index'] });
  }
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as { readonly code?: unknown }).code === code;
}

/** The start of the UTC day of an instant, the only time a chunk file may carry. */
export function startOfUtcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Links the written temporary file under its final name; a chunk already there is never replaced. */
async function linkOnce(temp: string, final: string, bytes: Uint8Array): Promise<void> {
  try {
    await link(temp, final);
  } catch (error) {
    if (!hasCode(error, 'EEXIST')) throw error;
    if (!sameBytes(await readFile(final), bytes)) throw new AppError('conflict');
  }
}

/** Flushes a folder's entries (a rename inside it) to disk. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function entries(folder: string): Promise<readonly string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if (hasCode(error, 'ENOENT') || hasCode(error, 'ENOTDIR')) return [];
    throw error;
  }
}

/** The store's blob folders; anything not named like a blob id is left alone. */
async function blobFolders(root: string): Promise<readonly string[]> {
  return (await entries(root)).filter((name) => BLOB_ID.test(name));
}

export function createLocalBlobStore(dir: string, clock: () => Date = () => new Date()): BlobStore {
  const root = path.resolve(dir);
  const blobDir = (blobId: string): string => path.join(root, blobId);
  const chunkPath = (blobId: string, index: number): string => path.join(root, blobId, `${index}.chunk`);

  return {
    async putChunk(blobId, index, bytes) {
      checkBlobId(blobId);
      checkIndex(index);
      const folder = blobDir(blobId);
      const day = startOfUtcDay(clock());
      const created = await mkdir(folder, { recursive: true, mode: 0o700 });
      if (created !== undefined) {
        // A new blob folder is itself a new entry of the store's folder (and a new space of its parent).
        if (created !== folder) await utimes(path.dirname(root), day, day);
        await utimes(root, day, day);
        await syncFolder(root);
      }
      const final = chunkPath(blobId, index);
      const temp = `${final}.${randomBytes(8).toString('hex')}.tmp`;
      try {
        const handle = await open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(bytes);
          await handle.utimes(day, day);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await linkOnce(temp, final, bytes);
        await rm(temp, { force: true });
        await utimes(folder, day, day);
        await syncFolder(folder);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async getChunk(blobId, index) {
      checkBlobId(blobId);
      checkIndex(index);
      try {
        const buffer = await readFile(chunkPath(blobId, index));
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } catch (error) {
        if (hasCode(error, 'ENOENT')) throw new AppError('not-found', { cause: error });
        throw error;
      }
    },

    async deleteBlob(blobId) {
      checkBlobId(blobId);
      await rm(blobDir(blobId), { recursive: true, force: true });
    },

    // Ages use the inode change time: unlike mtime (set to the day above) it cannot be set back,
    // so a file being written right now is never taken for an old one.
    async sweepTempFiles(ageMs) {
      const before = clock().getTime() - ageMs;
      let removed = 0;
      for (const blobId of await blobFolders(root)) {
        for (const name of await entries(blobDir(blobId))) {
          if (!name.endsWith('.tmp')) continue;
          const file = path.join(blobDir(blobId), name);
          const info = await stat(file).catch(() => undefined);
          if (info === undefined || info.ctimeMs >= before) continue;
          await rm(file, { force: true });
          removed += 1;
        }
      }
      return removed;
    },

    async settledBlobIds(ageMs) {
      const before = clock().getTime() - ageMs;
      const settled: string[] = [];
      for (const blobId of await blobFolders(root)) {
        const info = await stat(blobDir(blobId)).catch(() => undefined);
        if (info !== undefined && info.ctimeMs < before) settled.push(blobId);
      }
      return settled;
    },
  };
}

/** The store's spaces, each a folder of DIR (see BLOB_SPACES). */
export function createLocalBlobStores(dir: string, clock: () => Date = () => new Date()): BlobStores {
  const root = path.resolve(dir);
  return {
    alerts: createLocalBlobStore(path.join(root, 'alerts'), clock),
    forwardings: createLocalBlobStore(path.join(root, 'forwardings'), clock),
  };
}
