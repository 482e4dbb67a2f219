/**
 * The files of a package: each attachment chosen for it, re-encrypted in the sender's browser
 * under the package key, uploaded chunk by chunk before the forwarding is sent (to a draft
 * named by the forwarding id the browser chose). Idempotent like the reporter's uploads: the
 * same chunk again is accepted and not stored twice; different bytes for a stored chunk are
 * refused. Once the forwarding is sent the draft is gone and nothing can be added.
 */
import type { ForwardingDraftRequest } from '@kenekanko/contracts';
import { MAX_PACKAGE_FILES } from '@kenekanko/contracts';
import { sha256, toBase64Url } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import type { Storage } from '../shared/storage.ts';
import { CHUNK_ENVELOPE_BYTES, MAX_CHUNK_ENVELOPE_BYTES, maxChunksPerBlob } from '../submissions/index.ts';
import type { ChunkFiles } from '../submissions/index.ts';
import { rolesByOrg } from './access.ts';
import type { ForwardingDeps } from './ports.ts';
import { resolveSender } from './sender.ts';

export async function openDraft(storage: Storage<ForwardingDeps>, userId: string, request: ForwardingDraftRequest, now: Date): Promise<{ forwardingId: string; receivedChunks: Record<string, number[]> }> {
  return storage.transaction(async (repos) => {
    const { forwardingId, alertId, onwardOf } = request;
    await resolveSender(repos, await rolesByOrg(repos.accounts, userId), alertId, onwardOf, false);
    const draft = await repos.forwarding.findDraft(forwardingId);
    if (draft === undefined) {
      if ((await repos.forwarding.find(forwardingId)) !== undefined) throw new AppError('conflict');
      await repos.forwarding.insertDraft({ forwardingId, alertId, onwardOf, userId }, now.toISOString());
    } else if (draft.userId !== userId || draft.alertId !== alertId || draft.onwardOf !== onwardOf) {
      throw new AppError('conflict');
    }
    return { forwardingId, receivedChunks: await repos.forwarding.receivedChunks(forwardingId) };
  });
}

export type PackageChunkAddress = { readonly forwardingId: string; readonly blobId: string; readonly index: number };

export async function putPackageChunk(
  storage: Storage<ForwardingDeps>,
  files: ChunkFiles,
  maxFileBytes: number,
  userId: string,
  address: PackageChunkAddress,
  bytes: Uint8Array,
): Promise<{ readonly stored: boolean }> {
  if (bytes.length > MAX_CHUNK_ENVELOPE_BYTES || address.index >= maxChunksPerBlob(maxFileBytes)) throw new AppError('payload-too-large');
  if (bytes.length !== CHUNK_ENVELOPE_BYTES) throw new AppError('validation-failed', { issues: ['body'] });
  const digest = toBase64Url(sha256(bytes));
  const { forwardingId, blobId, index } = address;
  return storage.transaction(async ({ forwarding }) => {
    const draft = await forwarding.findDraft(forwardingId);
    if (draft?.userId !== userId) throw new AppError('not-found');
    const file = await forwarding.findFile(blobId);
    if (file !== undefined && file.forwardingId !== forwardingId) throw new AppError('conflict');
    const stored = file === undefined ? undefined : await forwarding.chunkSha256(blobId, index);
    if (stored !== undefined) {
      if (stored !== digest) throw new AppError('conflict');
      return { stored: false };
    }
    if (file === undefined) {
      // SECURITY: an id is owned by one table; a reporter's attachment id never names a package file.
      if (await forwarding.attachmentExists(blobId)) throw new AppError('conflict');
      if ((await forwarding.filesOf(forwardingId)).length >= MAX_PACKAGE_FILES) throw new AppError('payload-too-large');
      await forwarding.insertFile(blobId, forwardingId);
    }
    await forwarding.recordChunk(blobId, index, bytes.length, digest);
    // Written last, inside the transaction: if the file cannot be written, the record rolls back.
    await files.putChunk(blobId, index, bytes);
    return { stored: true };
  });
}
