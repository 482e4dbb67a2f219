/**
 * Attachments: encrypted chunk by chunk under a per-file key derived from the alert's content
 * key (STREAM construction in @kenekanko/crypto), and decrypted back for download.
 *
 * SECURITY: file names, types and sizes go only into the encrypted AttachmentRef; the server
 * sees a random blob id and a count of equal-sized chunks.
 */
import { concatBytes, decryptFileChunk, deriveFileKey, encryptFileChunk, splitIntoChunks } from '@kenekanko/crypto';
import type { AttachmentRef } from '@kenekanko/contracts';
import { ClientError } from './errors.ts';
import { newId } from './ids.ts';
import type { DraftFile } from './types.ts';
import type { EncryptedBlob } from './upload.ts';

export type EncryptedFiles = { readonly refs: readonly AttachmentRef[]; readonly blobs: readonly EncryptedBlob[] };

export type UploadLimits = { readonly maxFileBytes: number; readonly maxAlertBytes: number };

export function encryptFiles(contentKey: Uint8Array, alertId: string, files: readonly DraftFile[], limits: UploadLimits): EncryptedFiles {
  const refs: AttachmentRef[] = [];
  const blobs: EncryptedBlob[] = [];
  let totalBytes = 0;
  for (const file of files) {
    const blobId = newId();
    const fileKey = deriveFileKey(contentKey, blobId);
    const plain = splitIntoChunks(file.bytes);
    const chunks = plain.map((chunk, index) => encryptFileChunk(fileKey, alertId, blobId, index, index === plain.length - 1, chunk));
    fileKey.fill(0);
    // The file limit counts the file itself; the alert limit counts ciphertext, as declared on upload.
    totalBytes += chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    if (file.bytes.length > limits.maxFileBytes) throw new ClientError('too-large', 'a file is larger than the server accepts');
    if (totalBytes > limits.maxAlertBytes) throw new ClientError('too-large', 'the files are larger than the server accepts');
    refs.push({ blobId, name: file.name, type: file.type, size: file.bytes.length, chunkCount: chunks.length, scrub: file.scrub });
    blobs.push({ blobId, chunks });
  }
  return { refs, blobs };
}

/** Downloads and decrypts one attachment; throws if any chunk is missing, moved or altered. */
export async function downloadFile(
  fetchChunk: (blobId: string, index: number) => Promise<Uint8Array>,
  contentKey: Uint8Array,
  alertId: string,
  ref: AttachmentRef,
): Promise<Uint8Array> {
  const fileKey = deriveFileKey(contentKey, ref.blobId);
  try {
    const parts: Uint8Array[] = [];
    for (let index = 0; index < ref.chunkCount; index += 1) {
      const envelope = await fetchChunk(ref.blobId, index);
      parts.push(decryptFileChunk(fileKey, alertId, ref.blobId, index, index === ref.chunkCount - 1, envelope));
    }
    const bytes = concatBytes(...parts);
    if (bytes.length !== ref.size) throw new ClientError('bad-attachment', 'the file does not have the size its reference gives');
    return bytes;
  } finally {
    fileKey.fill(0);
  }
}
