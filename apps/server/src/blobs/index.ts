/** Storage of encrypted attachment chunks, behind a port (local disk now, S3 later). */
export { MAX_CHUNK_INDEX, createLocalBlobStore, type BlobStore } from './blob-store.ts';
