/**
 * The consent to journalists ticked in the reporter's form counts by itself (@kenekanko/client
 * over h.fetch, real keys): the alert is sent with the signed consent, and a verified case goes
 * to a medium without any follow-up click; an alert sent without it is still refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertForwardings, createApiClient, forwardCase, isApiError, staffLogin, submitAlert, WHOLE_CASE } from '@kenekanko/client';
import type { AlertDraft, OpenedAlert, StaffSession } from '@kenekanko/client';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createHarness, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { placeIds } from '../testing/flows.ts';
import { createWorld } from '../testing/world.ts';
import type { WorldMember, WorldOrg } from '../testing/world.ts';

const PASSWORD = 'une phrase de passe assez longue';

describe.each(DATABASE_KINDS)('the form’s consent to journalists on %s', (kind) => {
  let h: Harness;
  let media: WorldOrg;
  let analyst: WorldMember;
  let draft: (shareWithJournalists: boolean) => AlertDraft;

  const api = () => createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch, cookieJar: true });
  const verified = async (session: StaffSession, alertId: string): Promise<OpenedAlert> => {
    for (const to of ['acknowledged', 'in-verification', 'verified'] as const) await (await session.openAlert(alertId)).transition(to, 'ok');
    return session.openAlert(alertId);
  };
  const forwardToMedium = async (session: StaffSession, opened: OpenedAlert) => {
    if (opened.answers === null) throw new Error('answers missing');
    return forwardCase(session, opened, [media.id], { ...WHOLE_CASE(opened.answers, opened.messages), note: 'Pour enquête.' });
  };

  beforeAll(async () => {
    h = await createHarness(kind);
    const world = await createWorld(h);
    media = await world.addOrg('media', 'Le Journal');
    analyst = await world.addMember(world.coalition, 'analyst', { password: PASSWORD });
    const { regionId, cercleId } = await placeIds(h);
    draft = (shareWithJournalists) => ({
      language: 'fr',
      statistics: { kind: 'bribery', regionId, cercleId, institutionType: 'customs' },
      communeId: null,
      when: '2025-02-20',
      institutionName: 'Poste de douane',
      amountFcfa: 50_000,
      description: 'Le chef de poste exige 5 000 FCFA à chaque camion.',
      identity: null,
      consents: { shareWithJournalists },
      files: [],
    });
  }, 120_000);
  afterAll(async () => h.close());

  it('ticked in the form: sent with the alert, verified by the desk, and a medium receives the case with no follow-up click', async () => {
    const submitted = await submitAlert(api(), draft(true), { retryDelayMs: 1 });
    expect(submitted.journalistConsent).toBe('sent');
    const session = await staffLogin(api(), analyst.login, PASSWORD);
    const opened = await verified(session, submitted.alertId);
    const seen = await alertForwardings(session, submitted.alertId, opened.answers?.reporterKeys.ed25519Public ?? '');
    expect(seen.journalistConsent).toBe('given');
    const [sent] = await forwardToMedium(session, opened);
    expect(sent?.toOrg.kind).toBe('media');
  }, 120_000);

  it('not ticked: nothing is sent, and forwarding to a medium is still refused with consent-required', async () => {
    const submitted = await submitAlert(api(), draft(false), { retryDelayMs: 1 });
    expect(submitted.journalistConsent).toBe('none');
    const row = await h.db.selectFrom('alerts').selectAll().where('id', '=', submitted.alertId).executeTakeFirstOrThrow();
    expect(Object.entries(row).filter(([column, value]) => column.includes('consent') && value !== null)).toEqual([]);
    const session = await staffLogin(api(), analyst.login, PASSWORD);
    const opened = await verified(session, submitted.alertId);
    const refusal = await forwardToMedium(session, opened).then(() => null, (error: unknown) => error);
    expect(isApiError(refusal) ? refusal.code : refusal).toBe('consent-required');
  }, 120_000);
});
