/**
 * H3: one unreadable envelope must not brick an alert on the desk. Parts are damaged in the
 * database (as a hostile browser or a damaged disk would), then the desk opens the alert with
 * @kenekanko/client: what opens is shown, the rest is marked broken, and spam still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, openReporterAlert, setupPlatform, staffLogin, submitAlert } from '@kenekanko/client';
import { randomBytes, toBase64Url } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createHarness, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { issueToken, plainDraft } from '../testing/flows.ts';

describe.each(DATABASE_KINDS)('broken parts on the desk on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows what opens, marks what does not, and keeps spam usable', async () => {
    const api = () => createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch, cookieJar: true });
    const password = 'une phrase de passe assez longue';
    await setupPlatform(api(), { token: await issueToken(h), organisationName: 'COSCLCCP', login: 'coord@cosclccp.ml', password });
    const draft = await plainDraft(h);
    const submitted = await submitAlert(api(), draft, { retryDelayMs: 1 });
    const reporter = await openReporterAlert(api(), submitted.receipt);
    await reporter.reply('premier');
    await (await reporter.refresh()).reply('second');
    const staff = await staffLogin(api(), 'coord@cosclccp.ml', password);
    await (await staff.openAlert(submitted.alertId)).addNote('note lisible');
    h.advance(60);
    await (await staff.openAlert(submitted.alertId)).addNote('note abîmée');

    const garbage = (): string => toBase64Url(randomBytes(200));
    await h.db.updateTable('messages').set({ envelope: garbage() }).where('alert_id', '=', submitted.alertId).where('seq', '=', 1).execute();
    const notes = await h.db.selectFrom('notes').select('id').where('alert_id', '=', submitted.alertId).orderBy('created_at').execute();
    await h.db.updateTable('notes').set({ envelope: garbage() }).where('id', '=', notes[1]?.id ?? '').execute();

    const opened = await staff.openAlert(submitted.alertId);
    expect(opened.answers?.description).toBe(draft.description);
    expect(opened.answersProblem).toBeNull();
    expect(opened.messages).toEqual([
      { seq: 1, senderType: 'reporter', createdDay: '2025-03-01', verified: false, broken: 'bad-signature' },
      expect.objectContaining({ seq: 2, verified: true, text: 'second' }),
    ]);
    expect(opened.notes.map((n) => [n.text, n.broken])).toEqual([
      ['note lisible', null],
      [null, 'cannot-decrypt'],
    ]);

    await h.db.updateTable('alerts').set({ answers_envelope: garbage() }).where('id', '=', submitted.alertId).execute();
    const bricked = await staff.openAlert(submitted.alertId);
    expect([bricked.answers, bricked.answersProblem, bricked.statisticsMatch]).toEqual([null, 'cannot-decrypt', false]);
    // Without the answers the reporter's key is not known for certain: nothing of theirs is shown as genuine.
    expect(bricked.messages.map((m) => (m.verified ? m.text : m.broken))).toEqual(['unverifiable', 'unverifiable']);
    expect(bricked.allowedTransitions).toContain('spam');
    await bricked.transition('spam', 'illisible');
    expect((await staff.openAlert(submitted.alertId)).summary.state).toBe('spam');
  });
});
