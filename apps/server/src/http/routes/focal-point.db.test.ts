/**
 * A focal point in the field (issue 4): holding only their organisation's public key, they
 * seal an alert to it with the client's own code (as the desk's field page does) and it is
 * filed; their organisation's analyst opens it; the focal point themselves can never read it:
 * no key in /api/me, and every alert route answers not-found or forbidden.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, createIntakeApiClient, prepareAlert, sendPrepared, staffLogin, trustIntake } from '@kenekanko/client';
import type { AlertDraft, TrustedIntake } from '@kenekanko/client';
import { ROUTES } from '@kenekanko/contracts';
import { toBase64Url } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createHarness, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { placeIds } from '../testing/flows.ts';
import { createWorld } from '../testing/world.ts';

const PASSWORD = 'une phrase de passe assez longue';
const DESCRIPTION = 'Au marché de Kayes, le collecteur exige deux mille francs par étal sans ticket.';

function routedTo(intake: TrustedIntake, orgId: string): TrustedIntake {
  const listed = intake.directory.organisations.find((org) => org.id === orgId);
  if (listed === undefined) throw new Error('not in the directory');
  return { ...intake, routedOrganisation: listed };
}

describe.each(DATABASE_KINDS)('a focal point in the field on %s', (kind) => {
  let h: Harness;
  afterEach(async () => h.close());

  it('files an alert sealed to their own organisation, which its analyst opens and they cannot', async () => {
    h = await createHarness(kind);
    const world = await createWorld(h);
    const cso = await world.addOrg('cso', 'Association des usagers de Kayes');
    const focal = await world.addMember(cso, 'focal-point');
    const analyst = await world.addMember(cso, 'analyst', { password: PASSWORD });
    const cookie = await focal.logIn();

    // SECURITY: write-only: the focal point is granted no key of the organisation, old or current.
    const me = (await (await h.request('GET', '/api/me', { cookie })).json()) as { memberships: { role: string; orgKeyGrant: unknown; olderOrgKeyGrants: unknown[] }[] };
    expect(me.memberships).toEqual([expect.objectContaining({ role: 'focal-point', orgKeyGrant: null, olderOrgKeyGrants: [] })]);

    const intakeApi = createIntakeApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch });
    const intake = routedTo(trustIntake(await intakeApi.intake(), toBase64Url(world.deployment.coalition.publicKey)), cso.id);
    const { regionId } = await placeIds(h);
    const draft: AlertDraft = {
      language: 'fr',
      statistics: { kind: 'bribery', regionId, cercleId: null, institutionType: 'town-hall' },
      communeId: null,
      when: null,
      institutionName: '',
      amountFcfa: null,
      description: DESCRIPTION,
      identity: null,
      consents: { shareWithJournalists: false },
      files: [],
    };
    const prepared = await prepareAlert(intake, draft);
    const { alertId } = await sendPrepared(intakeApi, prepared.sealed, { retryDelayMs: 1 });

    const session = await staffLogin(createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch }), analyst.login, PASSWORD);
    const opened = await session.openAlert(alertId);
    expect(opened.summary.orgId).toBe(cso.id);
    expect(opened.answers?.description).toBe(DESCRIPTION);

    // Every staff route is held to the role table by the authorisation matrix (http/authorisation);
    // here, the alert this very focal point filed: not even its existence is confirmed.
    for (const path of [ROUTES.staffAlert(alertId), ROUTES.staffChunk(alertId, alertId, 0)]) {
      const response = await h.request('GET', path, { cookie });
      expect([403, 404], path).toContain(response.status);
      expect(await response.text()).not.toContain('answersEnvelope');
    }
    const list = await h.request('GET', ROUTES.staffAlerts, { cookie });
    if (list.status === 200) expect(await list.text()).not.toContain(alertId);
    else expect([403, 404]).toContain(list.status);
  });
});
