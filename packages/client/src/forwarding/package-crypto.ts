/**
 * The cryptography of a forwarded package, in one place so writer and reader bind the same
 * values: its contexts (associated data), the signed statement, and the re-encryption of
 * files under the package key.
 *
 * SECURITY: the package envelope binds the alert and the forwarding id, each event's details
 * bind the forwarding and the event's seq, and each file chunk binds the forwarding, the file
 * and the chunk's place (STREAM, as attachments do): the server cannot move a package, an
 * event's details or a file from one forwarding to another, nor reorder or cut a file.
 */
import { concatBytes, decryptFileChunk, deriveFileKey, encryptFileChunk, sha256, splitIntoChunks, toBase64Url } from '@kenekanko/crypto';
import type { EnvelopeContext } from '@kenekanko/crypto';
import type { AttachmentRef, BlobManifest, ForwardingStatement } from '@kenekanko/contracts';
import { ClientError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { EncryptedBlob } from '../upload.ts';

export const packageContext = (alertId: string, forwardingId: string): EnvelopeContext => ({ alertId, objectKind: 'forward-package', field: forwardingId });

export const eventContext = (alertId: string, forwardingId: string, seq: number): EnvelopeContext => ({
  alertId,
  objectKind: 'forward-event',
  field: `${forwardingId}/${seq}`,
});

export type StatementInput = Omit<ForwardingStatement, 'packageSha256'> & { readonly packageEnvelope: Uint8Array };

/** The JSON the forwarding organisation signs (PURPOSES.forwardSignature). */
export function forwardingStatement(input: StatementInput): ForwardingStatement & { attachmentBlobIds: string[] } {
  return {
    forwardingId: input.forwardingId,
    alertId: input.alertId,
    fromOrgId: input.fromOrgId,
    toOrgId: input.toOrgId,
    toKeyVersion: input.toKeyVersion,
    packageSha256: toBase64Url(sha256(input.packageEnvelope)),
    attachmentBlobIds: [...input.attachmentBlobIds],
    onwardOf: input.onwardOf,
    includesIdentity: input.includesIdentity,
  };
}

/** One file re-encrypted under the package key, under a new blob id, with its reference. */
export function encryptPackageFile(packageKey: Uint8Array, forwardingId: string, ref: AttachmentRef, bytes: Uint8Array): { ref: AttachmentRef; blob: EncryptedBlob } {
  const blobId = newId();
  const fileKey = deriveFileKey(packageKey, blobId);
  try {
    const plain = splitIntoChunks(bytes);
    const chunks = plain.map((chunk, i) => encryptFileChunk(fileKey, forwardingId, blobId, i, i === plain.length - 1, chunk));
    return { ref: { ...ref, blobId, size: bytes.length, chunkCount: chunks.length }, blob: { blobId, chunks } };
  } finally {
    fileKey.fill(0);
  }
}

/** Downloads and decrypts one package file; throws if any chunk is missing, moved or altered. */
export async function decryptPackageFile(
  fetchChunk: (blobId: string, index: number) => Promise<Uint8Array>,
  packageKey: Uint8Array,
  forwardingId: string,
  ref: AttachmentRef,
): Promise<Uint8Array> {
  const fileKey = deriveFileKey(packageKey, ref.blobId);
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < ref.chunkCount; i += 1) {
      parts.push(decryptFileChunk(fileKey, forwardingId, ref.blobId, i, i === ref.chunkCount - 1, await fetchChunk(ref.blobId, i)));
    }
    const bytes = concatBytes(...parts);
    if (bytes.length !== ref.size) throw new ClientError('bad-attachment', 'the file does not have the size its reference gives');
    return bytes;
  } finally {
    fileKey.fill(0);
  }
}

export const manifestsOf = (blobs: readonly EncryptedBlob[]): BlobManifest[] => blobs.map((b) => ({ blobId: b.blobId, chunkCount: b.chunks.length }));
