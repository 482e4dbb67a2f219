import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, grantIdentityRequest, listCustodyRequests, loadAlertIdentity, openCustodianKey, refuseIdentityRequest, requestIdentity, sealGrant, setUpCustodianKeyWithRecovery, staffLogin, wrapGrant } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { CUSTODY_ROUTES, ROUTES } from '@kenekanko/contracts';
import { generateRecoveryKey, PURPOSES, randomBytes, sealEnvelope, toBase64Url, utf8Encode } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { custodianIdOf } from '../../features/shared/custodian.ts';
import { newId } from '../../features/shared/ids.ts';
import { fileAlert } from '../testing/flows.ts';
import { createHarness, errorCode, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember } from '../testing/world.ts';

const PASSWORD = 'une phrase de passe assez longue';
const IDENTITY = { v: 1, name: 'Awa Traoré', phone: '+223 70 00 00 00' } as const;

/** Gives a filed alert a real identity key: the identity envelope under it, and its grant sealed to the custodian key. */
async function realIdentity(h: Harness, world: World, alertId: string): Promise<void> {
  const key = randomBytes(32);
  const context = { alertId, objectKind: 'identity', field: 'main' };
  const envelope = toBase64Url(sealEnvelope(key, PURPOSES.identity, context, utf8Encode(JSON.stringify(IDENTITY))));
  const custodianObject = custodianIdOf(toBase64Url(world.deployment.custodian.publicKey));
  const grant = sealGrant(
    { objectType: 'alert', objectId: alertId, keyKind: 'identity', keyVersion: 1, recipientType: 'custodian', recipientId: custodianObject, recipientKeyVersion: 1 },
    world.deployment.custodian.publicKey,
    key,
  );
  await h.db.updateTable('alerts').set({ identity_envelope: envelope }).where('id', '=', alertId).execute();
  await h.db.updateTable('key_grants').set({ sealed_key: grant.sealedKey }).where('object_id', '=', alertId).where('key_kind', '=', 'identity').execute();
}

/** The custodian key wrapped to a printed recovery key, as setup-platform stores it. */
async function storeCustodianRecovery(h: Harness, world: World): Promise<string> {
  const recovery = generateRecoveryKey();
  const objectId = custodianIdOf(toBase64Url(world.deployment.custodian.publicKey));
  const grant = wrapGrant(
    { objectType: 'custodian', objectId, keyKind: 'custodian', keyVersion: 1, recipientType: 'recovery', recipientId: objectId, recipientKeyVersion: 1 },
    recovery.bytes,
    world.deployment.custodian.privateKey,
  );
  await h.db
    .insertInto('key_grants')
    .values({ id: newId(), object_type: grant.objectType, object_id: grant.objectId, key_kind: grant.keyKind, key_version: 1, recipient_type: 'recovery', recipient_id: objectId, recipient_key_version: 1, sealed_key: grant.sealedKey, created_at: h.now().toISOString() })
    .execute();
  return recovery.display;
}

describe.each(DATABASE_KINDS)('identity requests on %s', (kind) => {
  let h: Harness;
  let world: World;
  let alertId: string;
  let lookupToken: string;
  let recoveryKey: string;
  let requester: StaffSession;
  let colleague: StaffSession;
  let custodian: StaffSession;
  let colleagueMember: WorldMember;
  let custodianMember: WorldMember;
  let outsider: WorldMember;
  const login = (m: WorldMember) => staffLogin(createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch }), m.login, PASSWORD);

  beforeAll(async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    const cso = await world.addOrg('cso', 'Partner CSO');
    outsider = await world.addMember(cso, 'analyst');
    const analyst = await world.addMember(world.coalition, 'analyst', { password: PASSWORD });
    colleagueMember = await world.addMember(world.coalition, 'analyst', { password: PASSWORD });
    custodianMember = await world.addMember(world.coalition, 'custodian', { password: PASSWORD, grantOrgKey: false });
    const filed = await fileAlert(h, world.deployment);
    alertId = filed.alertId;
    lookupToken = filed.keys.lookupToken;
    await realIdentity(h, world, alertId);
    recoveryKey = await storeCustodianRecovery(h, world);
    [requester, colleague, custodian] = await Promise.all([login(analyst), login(colleagueMember), login(custodianMember)]);
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('keeps the identity from the requester until a custodian grants it, and from everyone else after', async () => {
    await requestIdentity(requester, alertId, { purpose: 'verification', recipientOrgId: null, reason: 'Confirmer le témoignage avec la personne' });
    const before = await loadAlertIdentity(requester, alertId);
    expect(before.identity).toBeNull();
    expect(before.requests.map((r) => r.state)).toEqual(['pending']);
    const userGrants = await h.db.selectFrom('key_grants').select('id').where('object_id', '=', alertId).where('key_kind', '=', 'identity').where('recipient_type', '=', 'user').execute();
    expect(userGrants).toHaveLength(0);

    // The custodian sets up their key with the printed recovery key, then reads the reason.
    await setUpCustodianKeyWithRecovery(custodian, recoveryKey);
    const custodianKey = await openCustodianKey(custodian);
    const pending = await listCustodyRequests(custodian, custodianKey, 'pending');
    expect(pending).toHaveLength(1);
    expect(pending[0]?.reason).toBe('Confirmer le témoignage avec la personne');
    await grantIdentityRequest(custodian, custodianKey, pending[0]?.id ?? '');
    custodianKey.fill(0);

    expect((await loadAlertIdentity(requester, alertId)).identity).toEqual(IDENTITY);
    expect((await loadAlertIdentity(colleague, alertId)).identity).toBeNull();
  });

  it('shows a custodian the request, never the alert content, and stores the reason sealed', async () => {
    const answer = await h.request('GET', CUSTODY_ROUTES.custodyRequests, { cookie: await custodianMember.logIn() });
    const text = await answer.text();
    expect(text).not.toContain('answersEnvelope');
    expect(text).not.toContain('identityEnvelope');
    const rows = await h.db.selectFrom('identity_requests').select('reason_envelope').execute();
    for (const row of rows) expect(Buffer.from(row.reason_envelope, 'base64url').toString('latin1')).not.toContain('Confirmer le t');
  });

  it('records a refusal, and tells the reporter both decisions by day only', async () => {
    await requestIdentity(colleague, alertId, { purpose: 'verification', recipientOrgId: null, reason: 'Curiosité' });
    const [request] = await listCustodyRequests(custodian, null, 'pending');
    await refuseIdentityRequest(custodian, { id: request?.id ?? '', alertId }, 'Pas nécessaire pour la vérification');
    expect((await loadAlertIdentity(colleague, alertId)).identity).toBeNull();
    const reporter = await h.request('POST', ROUTES.reporterAlert, { json: { lookupToken } });
    const view = (await reporter.json()) as { identityDecisions: unknown };
    const day = h.now().toISOString().slice(0, 10);
    expect(view.identityDecisions).toEqual([{ decision: 'granted', day }, { decision: 'refused', day }]);
    const actions = (await h.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
    for (const action of ['identity-request', 'grant-custodian-key', 'identity-grant', 'identity-refuse']) expect(actions).toContain(action);
  });

  it('refuses the custody desk to analysts and the alert to another organisation', async () => {
    const analystCookie = await colleagueMember.logIn();
    expect(await errorCode(await h.request('GET', CUSTODY_ROUTES.custodyRequests, { cookie: analystCookie }))).toBe('forbidden');
    expect(await errorCode(await h.request('GET', CUSTODY_ROUTES.custodianKey, { cookie: analystCookie }))).toBe('forbidden');
    const other = await outsider.logIn();
    expect(await errorCode(await h.request('GET', CUSTODY_ROUTES.alertIdentityRequests(alertId), { cookie: other }))).toBe('not-found');
    const body = { requestId: newId(), purpose: 'verification', recipientOrgId: null, reasonEnvelope: toBase64Url(randomBytes(200)) };
    expect(await errorCode(await h.request('POST', CUSTODY_ROUTES.alertIdentityRequests(alertId), { cookie: other, json: body }))).toBe('not-found');
  });

  it('refuses a grant addressed to anyone but the requester', async () => {
    await requestIdentity(colleague, alertId, { purpose: 'verification', recipientOrgId: null, reason: 'Encore' });
    const [request] = await listCustodyRequests(custodian, null, 'pending');
    const grant = sealGrant(
      { objectType: 'alert', objectId: alertId, keyKind: 'identity', keyVersion: 1, recipientType: 'user', recipientId: requester.me.user.id, recipientKeyVersion: 1 },
      randomBytes(32),
      randomBytes(32),
    );
    const response = await h.request('POST', CUSTODY_ROUTES.custodyGrant(request?.id ?? ''), { cookie: await custodianMember.logIn(), json: { grant } });
    expect(await errorCode(response)).toBe('validation-failed');
  });
});
