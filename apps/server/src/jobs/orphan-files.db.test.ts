/**
 * M5: the clean-up removes what a crash can leave on disk: temporary files of cut-off writes
 * and blob folders no row leads to, once they are old enough not to be an upload in progress.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExpiryRepo } from '../adapters/expiry-repo.ts';
import { createLocalBlobStores } from '../blobs/index.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { newId } from '../features/shared/ids.ts';
import { createHarness } from '../http/testing/harness.ts';
import type { Harness } from '../http/testing/harness.ts';
import { CHUNK, chunk, openSubmission, putChunk, setUp } from '../http/testing/flows.ts';
import { ORPHAN_AGE_MS, runCleanup } from './expire-uploads.ts';

describe.each(DATABASE_KINDS)('orphaned chunk files on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(kind);
    await setUp(h);
  });
  afterEach(async () => {
    await h.close();
  });

  const alertSpace = (): string => path.join(h.blobDir, 'alerts');

  it('removes old temporary files and folders without a row, never a live blob or a young leftover', async () => {
    const submission = await openSubmission(h, CHUNK);
    const live = newId();
    expect((await putChunk(h, submission, live, 0, chunk())).status).toBe(200);
    const orphan = newId();
    await mkdir(path.join(alertSpace(), orphan), { mode: 0o700 });
    await writeFile(path.join(alertSpace(), orphan, '0.chunk'), 'left behind');
    await writeFile(path.join(alertSpace(), live, '1.chunk.0011223344556677.tmp'), 'cut off');
    await writeFile(path.join(alertSpace(), 'not-a-blob-folder'), 'left alone');

    const repo = createExpiryRepo(h.db);
    // Files are dated by the real clock (their change time), whatever the harness's clock says.
    const youngStore = createLocalBlobStores(h.blobDir, () => new Date());
    expect(await runCleanup(repo, youngStore, 30, h.now())).toMatchObject({ orphanTempFiles: 0, orphanBlobs: 0 });
    expect((await readdir(alertSpace())).sort()).toEqual([live, orphan, 'not-a-blob-folder'].sort());

    const laterStore = createLocalBlobStores(h.blobDir, () => new Date(Date.now() + ORPHAN_AGE_MS + 60_000));
    expect(await runCleanup(repo, laterStore, 30, h.now())).toMatchObject({ orphanTempFiles: 1, orphanBlobs: 1 });
    expect((await readdir(alertSpace())).sort()).toEqual([live, 'not-a-blob-folder'].sort());
    expect(await readdir(path.join(alertSpace(), live))).toEqual(['0.chunk']);
  });
});
