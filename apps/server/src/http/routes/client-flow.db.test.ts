/**
 * A smoke test of the whole protocol as @kenekanko/client speaks it, against this server: real
 * keys, Argon2id, encryption and signatures end to end. The client package keeps the detailed
 * flows; this one catches the two sides drifting apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, openReporterAlert, setupPlatform, staffLogin, submitAlert } from '@kenekanko/client';
import type { AlertDraft } from '@kenekanko/client';
import { randomBytes } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createHarness, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { issueToken, placeIds } from '../testing/flows.ts';

describe.each(DATABASE_KINDS)('the client against the server on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  it('sets up, files an encrypted alert with a file, follows it up, and reads it on the desk', async () => {
    const api = () => createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch, cookieJar: true });
    const password = 'une phrase de passe assez longue';
    await setupPlatform(api(), { token: await issueToken(h), organisationName: 'COSCLCCP', login: 'coord@cosclccp.ml', password });

    const { regionId, cercleId } = await placeIds(h);
    const file = randomBytes(300_000);
    const draft: AlertDraft = {
      language: 'fr',
      statistics: { kind: 'bribery', regionId, cercleId, institutionType: 'customs' },
      communeId: null,
      when: '2025-02-20',
      institutionName: 'Poste de douane',
      amountFcfa: 50_000,
      description: 'Un agent demande de l’argent à chaque passage.',
      identity: null,
      consents: { shareWithJournalists: false },
      files: [{ name: 'photo.jpg', type: 'image/jpeg', bytes: file, scrub: 'cleaned' }],
    };
    const submitted = await submitAlert(api(), draft, { retryDelayMs: 1 });
    expect(submitted.receivedDay).toBe('2025-03-01');

    const reporter = await openReporterAlert(api(), submitted.receipt);
    expect(reporter.answers?.description).toBe(draft.description);
    await reporter.reply('Voici un complément.');

    const staff = await staffLogin(api(), 'coord@cosclccp.ml', password);
    const alerts = await staff.listAlerts();
    expect(alerts.map((a) => a.id)).toEqual([submitted.alertId]);
    const opened = await staff.openAlert(submitted.alertId);
    expect(opened.answers?.description).toBe(draft.description);
    expect(opened.statisticsMatch).toBe(true);
    expect(opened.messages.map((m) => [m.seq, m.senderType, m.verified ? m.text : m.broken])).toEqual([[1, 'reporter', 'Voici un complément.']]);
    const ref = opened.answers?.attachments[0];
    if (ref === undefined) throw new Error('the attachment reference is missing');
    expect(await opened.downloadAttachment(ref)).toEqual(file);

    await opened.transition('acknowledged', 'Reçu, nous regardons.');
    await opened.sendMessage('Merci, pouvez-vous préciser la date ?');
    await opened.addNote('Vérifier auprès de la douane.');
    const reopened = await staff.openAlert(submitted.alertId);
    expect(reopened.summary.state).toBe('acknowledged');
    expect(reopened.notes).toHaveLength(1);
    const followed = await reporter.refresh();
    expect(followed.state).toBe('acknowledged');
    expect(followed.messages.map((m) => ('text' in m ? m.text : m.broken))).toEqual(['Voici un complément.', 'Merci, pouvez-vous préciser la date ?']);
  }, 120_000);
});
