/**
 * The reporter's side of two protections the desk already had: one unreadable message must not
 * brick the reporter's view of their alert (it shows as broken, the rest still opens), and a
 * flood of posts makes a real reporter's reply pay a proof of work instead of being refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, openReporterAlert, setupPlatform, staffLogin, submitAlert } from '@kenekanko/client';
import { ed25519KeyPair, randomBytes, toBase64Url } from '@kenekanko/crypto';
import { ROUTES } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { REPORTER_THROTTLES } from '../../features/reporter/index.ts';
import { createHarness, errorCode, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { issueToken, plainDraft, signedMessage } from '../testing/flows.ts';

const PASSWORD = 'une phrase de passe assez longue';

describe.each(DATABASE_KINDS)("the reporter's follow-up on %s", (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });
  const api = () => createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch, cookieJar: true });

  async function fileRealAlert(): Promise<{ alertId: string; receipt: string }> {
    await setupPlatform(api(), { token: await issueToken(h), organisationName: 'COSCLCCP', login: 'coord@cosclccp.ml', password: PASSWORD });
    const draft = await plainDraft(h);
    return submitAlert(api(), draft, { retryDelayMs: 1 });
  }

  it('shows one garbled message as broken and the rest of the conversation, and can still reply', async () => {
    const { alertId, receipt } = await fileRealAlert();
    const reporter = await openReporterAlert(api(), receipt);
    await reporter.reply('premier');
    const staff = await staffLogin(api(), 'coord@cosclccp.ml', PASSWORD);
    await (await staff.openAlert(alertId)).sendMessage('Merci, pouvez-vous préciser ?');
    await h.db.updateTable('messages').set({ envelope: toBase64Url(randomBytes(200)) }).where('alert_id', '=', alertId).where('seq', '=', 1).execute();

    const opened = await reporter.refresh();
    expect(opened.answers?.description).toBe('Un agent demande de l’argent.');
    expect(opened.messages).toEqual([
      { seq: 1, senderType: 'reporter', createdDay: expect.any(String), verified: false, broken: 'bad-signature' },
      expect.objectContaining({ seq: 2, senderType: 'organisation', verified: true, text: 'Merci, pouvez-vous préciser ?' }),
    ]);
    await opened.reply('troisième');
    const again = await opened.refresh();
    expect(again.messages.map((m) => (m.verified ? m.text : m.broken))).toEqual(['bad-signature', 'Merci, pouvez-vous préciser ?', 'troisième']);
  });

  it('under a flood of posts, a real reply pays a proof of work; a bare one is asked for it', async () => {
    const { receipt } = await fileRealAlert();
    const reporter = await openReporterAlert(api(), receipt);
    const stranger = ed25519KeyPair();
    for (let i = 0; i < REPORTER_THROTTLES.postGlobal.limit; i++) {
      const message = { ...signedMessage(toBase64Url(randomBytes(16)), 1, 'reporter', stranger), attachments: null };
      await h.request('POST', ROUTES.reporterMessages, { json: { lookupToken: toBase64Url(randomBytes(32)), message } });
    }
    const bare = { ...signedMessage(toBase64Url(randomBytes(16)), 1, 'reporter', stranger), attachments: null };
    expect(await errorCode(await h.request('POST', ROUTES.reporterMessages, { json: { lookupToken: toBase64Url(randomBytes(32)), message: bare } }))).toBe('pow-required');

    await reporter.reply('malgré la foule');
    const messages = (await reporter.refresh()).messages;
    expect(messages.map((m) => (m.verified ? m.text : m.broken))).toEqual(['malgré la foule']);
  });
});
