/**
 * Where encrypted attachment chunks live. A port, so that S3-compatible object storage can
 * replace the local disk when a deployment runs several server processes (DESIGN §6).
 *
 * SECURITY: chunks are ciphertext made in the browser; the store never sees a key. Ids come
 * from browsers, so they are checked against the id format (22 base64url characters) before
 * they touch a path: no '..', '/', or anything else can escape the store's folder.
 *
 * Local layout: DIR/<blobId>/<index>.chunk, folders 0700 and files 0600. A chunk is written to
 * a temporary file, flushed to disk, then renamed into place, so a crash never leaves a half
 * chunk under its final name and a retried upload of the same chunk simply replaces it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../http/app-error.ts';

export type BlobStore = {
  putChunk(blobId: string, index: number, bytes: Uint8Array): Promise<void>;
  /** Throws AppError('not-found') when the chunk is not stored. */
  getChunk(blobId: string, index: number): Promise<Uint8Array>;
  /** Removes every chunk of the blob; a blob that is not there is not an error. */
  deleteBlob(blobId: string): Promise<void>;
};

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

export function createLocalBlobStore(dir: string): BlobStore {
  const root = path.resolve(dir);
  const blobDir = (blobId: string): string => path.join(root, blobId);
  const chunkPath = (blobId: string, index: number): string => path.join(root, blobId, `${index}.chunk`);

  return {
    async putChunk(blobId, index, bytes) {
      checkBlobId(blobId);
      checkIndex(index);
      await mkdir(blobDir(blobId), { recursive: true, mode: 0o700 });
      const final = chunkPath(blobId, index);
      const temp = `${final}.${randomBytes(8).toString('hex')}.tmp`;
      try {
        const handle = await open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, final);
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
  };
}
