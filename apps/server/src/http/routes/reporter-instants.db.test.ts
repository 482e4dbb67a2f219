/**
 * H1: no exact instant of a reporter's action is written anywhere. A full reporter flow at a
 * deliberately odd instant, then every reporter-side row and every chunk file is searched for
 * a time finer than the day (expiry times: finer than the hour).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROUTES } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { newId } from '../../features/shared/ids.ts';
import { createHarness } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { CHUNK, chunk, fileAlert, openSubmission, putChunk, setUp, signedMessage } from '../testing/flows.ts';

const ISO_INSTANT = /(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z/g;

/** The instants in `value` that say more than allowed: the day, or the hour for expiry columns. */
function tooPrecise(column: string, value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const found: string[] = [];
  for (const m of value.matchAll(ISO_INSTANT)) {
    const [text, , hh, mm, ss, frac] = m;
    const subHour = mm !== '00' || ss !== '00' || (frac !== undefined && /[1-9]/.test(frac));
    const subDay = subHour || hh !== '00';
    if (column === 'expires_at' ? subHour : subDay) found.push(`${column}=${text}`);
  }
  return found;
}

describe.each(DATABASE_KINDS)('reporter instants at rest on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('keeps reporter-side rows and chunk files to the day', async () => {
    const d = await setUp(h);
    // 10:00 plus 1 h 23 min 45.678 s: an instant no rounding could hide by accident.
    h.advance(5025.678);
    const { alertId, keys } = await fileAlert(h, d, [[chunk()]]);
    const files = await openSubmission(h, CHUNK, 'reporter-files');
    const blobId = newId();
    expect((await putChunk(h, files, blobId, 0, chunk())).status).toBe(200);
    const message = { ...signedMessage(alertId, 1, 'reporter', keys.reporter, [blobId]), attachments: { submissionId: files, blobs: [{ blobId, chunkCount: 1 }] } };
    expect((await h.request('POST', ROUTES.reporterMessages, { json: { lookupToken: keys.lookupToken, message } })).status).toBe(200);
    expect((await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken: keys.lookupToken } })).status).toBe(200);
    // One upload left open, as an abandoned one would be.
    await openSubmission(h, 50);

    const rows: Record<string, readonly Record<string, unknown>[]> = {
      submissions: await h.db.selectFrom('submissions').selectAll().execute(),
      blobs: await h.db.selectFrom('blobs').selectAll().execute(),
      blob_chunks: await h.db.selectFrom('blob_chunks').selectAll().execute(),
      receipt_lookups: await h.db.selectFrom('receipt_lookups').selectAll().execute(),
      pow_challenges_used: await h.db.selectFrom('pow_challenges_used').selectAll().execute(),
      alerts: await h.db.selectFrom('alerts').selectAll().execute(),
      key_grants: await h.db.selectFrom('key_grants').selectAll().where('object_id', '=', alertId).execute(),
      messages: await h.db.selectFrom('messages').selectAll().where('sender_type', '=', 'reporter').execute(),
      state_changes: await h.db.selectFrom('state_changes').selectAll().where('actor_type', '=', 'reporter').execute(),
    };
    expect(rows.submissions?.length).toBe(3);
    expect(rows.pow_challenges_used?.length).toBe(3);
    const leaks = Object.entries(rows).flatMap(([table, list]) =>
      list.flatMap((row) => Object.entries(row).flatMap(([column, value]) => tooPrecise(column, value).map((leak) => `${table}.${leak}`))),
    );
    expect(leaks).toEqual([]);

    const day = Date.UTC(2025, 2, 1);
    const alertSpace = path.join(h.blobDir, 'alerts');
    const blobFolders = await readdir(alertSpace);
    expect(blobFolders.length).toBe(2);
    for (const folder of blobFolders) {
      for (const name of await readdir(path.join(alertSpace, folder))) {
        const info = await stat(path.join(alertSpace, folder, name));
        expect(info.mtimeMs).toBe(day);
      }
      expect((await stat(path.join(alertSpace, folder))).mtimeMs).toBe(day);
    }
    expect((await stat(alertSpace)).mtimeMs).toBe(day);
    expect((await stat(h.blobDir)).mtimeMs).toBe(day);
  });
});
