/** H4 and M3: uploads held open raise the proof of work; chunks have one size; files per upload are capped. */
import { describe, expect, it } from 'vitest';
import { randomBytes } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createPowLedger } from '../../adapters/support-repos.ts';
import { newId } from '../../features/shared/ids.ts';
import { MAX_BLOBS_PER_SUBMISSION } from '../../features/submissions/index.ts';
import { createHarness, errorCode } from '../testing/harness.ts';
import { CHUNK, chunk, fileAlert, openSubmission, putChunk, setUp } from '../testing/flows.ts';

describe.each(DATABASE_KINDS)('open uploads as proof-of-work load on %s', (kind) => {
  it('counts uploads open and unexpired, not finalized or expired ones', async () => {
    const h = await createHarness(kind);
    try {
      const d = await setUp(h);
      const ledger = createPowLedger(h.db);
      await openSubmission(h, 100);
      await openSubmission(h, 100);
      await fileAlert(h, d);
      expect(await ledger.countOpenUploads(h.now())).toBe(2);
      h.advance(25 * 3600);
      expect(await ledger.countOpenUploads(h.now())).toBe(0);
    } finally {
      await h.close();
    }
  });
});

describe.each(DATABASE_KINDS)('chunk sizes on %s', (kind) => {
  it('refuses chunks of any size but the one encrypted chunk size, and stores nothing for them', async () => {
    const h = await createHarness(kind);
    try {
      await setUp(h);
      const id = await openSubmission(h, 4 * CHUNK);
      const blobId = newId();
      for (const size of [1, 100, CHUNK - 1]) {
        expect(await errorCode(await putChunk(h, id, blobId, 0, randomBytes(size)))).toBe('validation-failed');
      }
      expect(await h.db.selectFrom('blob_chunks').select('blob_id').execute()).toEqual([]);
      expect(await h.db.selectFrom('blobs').select('id').execute()).toEqual([]);
      expect((await putChunk(h, id, blobId, 0, chunk())).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('caps the blobs of one submission at what a manifest may list', async () => {
    const h = await createHarness(kind, { maxAlertBytes: (MAX_BLOBS_PER_SUBMISSION + 2) * CHUNK });
    try {
      await setUp(h);
      const id = await openSubmission(h, (MAX_BLOBS_PER_SUBMISSION + 2) * CHUNK);
      const bytes = chunk();
      for (let i = 0; i < MAX_BLOBS_PER_SUBMISSION; i++) expect((await putChunk(h, id, newId(), 0, bytes)).status).toBe(200);
      expect(await errorCode(await putChunk(h, id, newId(), 0, bytes))).toBe('payload-too-large');
    } finally {
      await h.close();
    }
  });
});
