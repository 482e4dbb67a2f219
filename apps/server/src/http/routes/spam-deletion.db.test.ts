/**
 * H2: marking an alert as spam deletes everything that could open or find it again (its
 * ciphertext, every key sealed for it, the receipt's lookup), keeping only its state,
 * statistics, history and audit entry. On SQLite the old values must not survive in the file.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROUTES } from '@kenekanko/contracts';
import { PURPOSES } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createHarness, errorCode } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { chunk, fileAlert, logIn, setUp, shapedEnvelope, signedMessage } from '../testing/flows.ts';
import type { Deployment } from '../testing/flows.ts';

describe.each(DATABASE_KINDS)('spam deletion on %s', (kind) => {
  let h: Harness;
  let d: Deployment;
  let cookie: string;
  beforeEach(async () => {
    h = await createHarness(kind);
    d = await setUp(h);
    cookie = await logIn(h, d.login, d.loginKey);
  });
  afterEach(async () => {
    await h.close();
  });

  it('deletes the key grants and the receipt lookup, keeps state, statistics and audit', async () => {
    const { alertId, keys } = await fileAlert(h, d, [[chunk()]]);
    const other = await fileAlert(h, d);
    const message = { ...signedMessage(alertId, 1, 'reporter', keys.reporter), attachments: null };
    expect((await h.request('POST', ROUTES.reporterMessages, { json: { lookupToken: keys.lookupToken, message } })).status).toBe(200);
    const grantsBefore = await h.db.selectFrom('key_grants').select(['sealed_key', 'key_kind', 'recipient_type']).where('object_id', '=', alertId).execute();
    expect(grantsBefore.map((g) => g.key_kind).sort()).toEqual(['content', 'content', 'desk', 'identity']);
    const before = await h.db.selectFrom('alerts').select(['answers_envelope', 'identity_envelope', 'kind', 'region_id']).where('id', '=', alertId).executeTakeFirstOrThrow();

    const spam = await h.request('POST', ROUTES.staffTransitions(alertId), { json: { to: 'spam', expectedFrom: 'received', reasonEnvelope: shapedEnvelope(PURPOSES.reason) }, cookie });
    expect(await spam.json()).toEqual({ state: 'spam' });

    expect(await h.db.selectFrom('key_grants').select('id').where('object_id', '=', alertId).execute()).toEqual([]);
    expect(await h.db.selectFrom('receipt_lookups').select('alert_id').where('alert_id', '=', alertId).execute()).toEqual([]);
    const lookup = await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken: keys.lookupToken } });
    expect(await errorCode(lookup)).toBe('receipt-not-found');
    const after = await h.db.selectFrom('alerts').select(['state', 'kind', 'region_id']).where('id', '=', alertId).executeTakeFirstOrThrow();
    expect(after).toEqual({ state: 'spam', kind: before.kind, region_id: before.region_id });
    const audit = await h.db.selectFrom('audit_log').select('details').where('object_id', '=', alertId).where('action', '=', 'change-state').execute();
    expect(audit.map((a) => JSON.parse(a.details) as unknown)).toEqual([{ from: 'received', to: 'spam', via: 'desk', seq: 2 }]);
    // The other alert is untouched.
    expect((await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken: other.keys.lookupToken } })).status).toBe(200);
    expect((await h.db.selectFrom('key_grants').select('id').where('object_id', '=', other.alertId).execute()).length).toBe(4);

    if (kind === 'sqlite') {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(h.db);
      const file = (await readFile(h.databaseLocation)).toString('latin1');
      const secrets = [before.answers_envelope, before.identity_envelope, ...grantsBefore.map((g) => g.sealed_key)];
      for (const secret of secrets) expect(file.includes(secret)).toBe(false);
      // The check can see: the kept alert's envelope is in the file.
      const kept = await h.db.selectFrom('alerts').select('answers_envelope').where('id', '=', other.alertId).executeTakeFirstOrThrow();
      expect(file.includes(kept.answers_envelope)).toBe(true);
    }
  });
});
