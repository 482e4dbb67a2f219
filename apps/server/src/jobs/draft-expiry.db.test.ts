/**
 * The clean-up empties forwarding package drafts never sent (rows and chunk files) once they
 * are older than DRAFT_TTL_MS, and its orphan sweep never takes a package file for a leftover.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExpiryRepo } from '../adapters/expiry-repo.ts';
import { createLocalBlobStores } from '../blobs/index.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { newId } from '../features/shared/ids.ts';
import { chunk, fileAlert } from '../http/testing/flows.ts';
import { createHarness } from '../http/testing/harness.ts';
import type { Harness } from '../http/testing/harness.ts';
import { createWorld } from '../http/testing/world.ts';
import type { World } from '../http/testing/world.ts';
import { DRAFT_TTL_MS, ORPHAN_AGE_MS, runCleanup } from './expire-uploads.ts';

type Package = { readonly forwardingId: string; readonly fileId: string };

describe.each(DATABASE_KINDS)('forwarding drafts in the clean-up on %s', (kind) => {
  let h: Harness;
  let world: World;
  let alertId: string;
  let userId: string;
  beforeEach(async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    userId = (await world.addMember(world.coalition, 'analyst')).userId;
    alertId = (await fileAlert(h, world.deployment)).alertId;
    // Only a verified (or forwarded) alert can be forwarded, so only its drafts wait for their age.
    await h.db.updateTable('alerts').set({ state: 'verified' }).where('id', '=', alertId).execute();
  });
  afterEach(async () => {
    await h.close();
  });

  /** A package file of two chunks, rows and chunk files, owned by a draft (or, `sent`, by a sent forwarding). */
  async function packageFile(sent: boolean): Promise<Package> {
    const forwardingId = newId();
    const fileId = newId();
    if (!sent) await h.db.insertInto('forwarding_drafts').values({ forwarding_id: forwardingId, alert_id: alertId, onward_of: null, user_id: userId, created_at: h.now().toISOString() }).execute();
    await h.db.insertInto('forwarding_files').values({ id: fileId, forwarding_id: forwardingId, chunk_count: 2, total_bytes: 0, state: sent ? 'complete' : 'uploading' }).execute();
    for (const index of [0, 1]) {
      const bytes = chunk();
      await h.db.insertInto('forwarding_file_chunks').values({ file_id: fileId, chunk_index: index, size: bytes.length, sha256: 'x' }).execute();
      await h.deps.blobs.forwardings.putChunk(fileId, index, bytes);
    }
    return { forwardingId, fileId };
  }
  const left = async (p: Package) => ({
    draft: (await h.db.selectFrom('forwarding_drafts').select('forwarding_id').where('forwarding_id', '=', p.forwardingId).execute()).length,
    files: (await h.db.selectFrom('forwarding_files').select('id').where('id', '=', p.fileId).execute()).length,
    chunks: (await h.db.selectFrom('forwarding_file_chunks').select('file_id').where('file_id', '=', p.fileId).execute()).length,
    onDisk: (await readdir(path.join(h.blobDir, 'forwardings'))).includes(p.fileId),
  });

  it('keeps a young draft and deletes one past its age with its files, never a sent package', async () => {
    const old = await packageFile(false);
    const sent = await packageFile(true);
    h.advance(DRAFT_TTL_MS / 1000 - 3600);
    const young = await packageFile(false);
    const repo = createExpiryRepo(h.db);

    h.advance(1800);
    expect(await h.cleanup()).toMatchObject({ drafts: 0, draftFiles: 0 });
    expect(await left(old)).toEqual({ draft: 1, files: 1, chunks: 2, onDisk: true });

    h.advance(3600);
    expect(await runCleanup(repo, h.deps.blobs, 30, h.now())).toMatchObject({ drafts: 1, draftFiles: 1 });
    expect(await left(old)).toEqual({ draft: 0, files: 0, chunks: 0, onDisk: false });
    expect(await left(young)).toEqual({ draft: 1, files: 1, chunks: 2, onDisk: true });
    expect(await left(sent)).toEqual({ draft: 0, files: 1, chunks: 2, onDisk: true });
    expect(await runCleanup(repo, h.deps.blobs, 30, h.now())).toMatchObject({ drafts: 0, draftFiles: 0 });
  });

  it('deletes at once the draft of an alert that can no longer be forwarded (marked spam, closed)', async () => {
    const draft = await packageFile(false);
    expect(await h.cleanup()).toMatchObject({ drafts: 0 });
    await h.db.updateTable('alerts').set({ state: 'spam' }).where('id', '=', alertId).execute();
    expect(await h.cleanup()).toMatchObject({ drafts: 1, draftFiles: 1 });
    expect(await left(draft)).toEqual({ draft: 0, files: 0, chunks: 0, onDisk: false });
  });

  it('never sweeps package files (sent or being uploaded) as orphans, however old they are', async () => {
    const sent = await packageFile(true);
    const draft = await packageFile(false);
    // Files are dated by the real clock: a store whose clock runs ahead sees them as old.
    const later = createLocalBlobStores(h.blobDir, () => new Date(Date.now() + ORPHAN_AGE_MS + 60_000));
    expect(await runCleanup(createExpiryRepo(h.db), later, 30, h.now())).toMatchObject({ orphanBlobs: 0, drafts: 0 });
    expect(await left(sent)).toMatchObject({ files: 1, onDisk: true });
    expect(await left(draft)).toMatchObject({ files: 1, onDisk: true });
  });
});
