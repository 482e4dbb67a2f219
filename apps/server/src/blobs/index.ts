/** Storage of encrypted attachment chunks, behind a port (local disk now, S3 later). */
export { BLOB_SPACES, MAX_CHUNK_INDEX, createLocalBlobStore, createLocalBlobStores, type BlobSpace, type BlobStore, type BlobStores } from './blob-store.ts';
