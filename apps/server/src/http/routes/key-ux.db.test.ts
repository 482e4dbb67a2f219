/**
 * Key UX regressions a newcomer found (issue 3): one person has ONE fingerprint wherever it is
 * shown (Keys page, custody, grants), and a member granted the organisation key after signing
 * in opens alerts after reloading their keys, without a new login.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, grantOrgKey, keyFingerprint, listCustodyRequests, loadOrgKeys, myFingerprint, personFingerprint, requestIdentity, staffLogin } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { fileAlert } from '../testing/flows.ts';
import { createHarness, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember } from '../testing/world.ts';

const PASSWORD = 'une phrase de passe assez longue';

describe.each(DATABASE_KINDS)('key UX on %s', (kind) => {
  let h: Harness;
  let world: World;
  let alertId: string;
  let coordinator: StaffSession;
  let analyst: StaffSession;
  let newcomer: WorldMember;
  let custodyFingerprint = '';
  const login = (m: WorldMember) => staffLogin(createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch }), m.login, PASSWORD);

  beforeAll(async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    const coordinatorMember = await world.addMember(world.coalition, 'coordinator', { password: PASSWORD });
    const analystMember = await world.addMember(world.coalition, 'analyst', { password: PASSWORD });
    newcomer = await world.addMember(world.coalition, 'analyst', { password: PASSWORD, grantOrgKey: false });
    const custodianMember = await world.addMember(world.coalition, 'custodian', { password: PASSWORD, grantOrgKey: false });
    alertId = (await fileAlert(h, world.deployment)).alertId;
    [coordinator, analyst] = await Promise.all([login(coordinatorMember), login(analystMember)]);
    await requestIdentity(analyst, alertId, { purpose: 'verification', recipientOrgId: null, reason: 'Vérifier le témoignage' });
    const custodian = await login(custodianMember);
    const [request] = await listCustodyRequests(custodian, null, 'pending');
    custodyFingerprint = keyFingerprint(request?.requesterX25519Public ?? '');
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('shows the custodian the same fingerprint as the requester’s Keys page and the key holders', async () => {
    const view = await loadOrgKeys(coordinator, world.coalition.id);
    const asHolder = view.holders.find((m) => m.userId === analyst.me.user.id);
    expect(asHolder).toBeDefined();
    expect(custodyFingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    expect(custodyFingerprint).toBe(myFingerprint(analyst));
    expect(personFingerprint(asHolder?.x25519Public ?? '')).toBe(myFingerprint(analyst));
    // Another person's fingerprint differs: the comparison means something.
    expect(myFingerprint(coordinator)).not.toBe(myFingerprint(analyst));
  });

  it('opens an alert after a grant made since login once the keys are reloaded', async () => {
    const waiting = await staffLogin(createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch }), newcomer.login, PASSWORD);
    await expect(waiting.openAlert(alertId)).rejects.toMatchObject({ code: 'missing-key' });
    // The granter reads the fingerprint the newcomer's Keys page shows; a wrong one is refused.
    await expect(grantOrgKey(coordinator, world.coalition.id, newcomer.userId, myFingerprint(coordinator))).rejects.toThrow(/fingerprint/);
    expect(await grantOrgKey(coordinator, world.coalition.id, newcomer.userId, myFingerprint(waiting))).toBe(1);
    await expect(waiting.openAlert(alertId)).rejects.toMatchObject({ code: 'missing-key' });

    const reloaded = await waiting.reloadKeys();
    expect(reloaded.keyring.orgKeys.has(world.coalition.id)).toBe(true);
    expect((await reloaded.openAlert(alertId)).summary.id).toBe(alertId);
    // The replaced session's organisation keys are wiped; the user key lives on in the new one.
    expect(waiting.keyring.orgKeys.size).toBe(0);
    expect(reloaded.keyring.user).toBe(waiting.keyring.user);
  });
});
