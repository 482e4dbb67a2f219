/**
 * What an administrator cannot do (security tester's findings 3, 4, 5, 8 of issue 3): invite
 * themselves into a role, reset the second factor of people above them or their own, leave a
 * removed custodian or coalition coordinator their key, or name an organisation like another.
 * And who reads the forwarding settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORWARDING_ROUTES, ORGS_ROUTES, SECURITY_ROUTES } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { newId } from '../../features/shared/ids.ts';
import { createHarness, errorCode } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember, WorldOrg } from '../testing/world.ts';

type Members = { members: { membershipId: string; userId: string; role: string }[] };

describe.each(DATABASE_KINDS)('administrator limits on %s', (kind) => {
  let h: Harness;
  let world: World;
  let platformAdmin: WorldMember;
  let cso2: WorldOrg;

  beforeAll(async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    platformAdmin = await world.addMember(world.coalition, 'administrator');
    cso2 = await world.addOrg('cso', 'CSO deux');
  }, 60_000);
  afterAll(async () => h.close());

  const invite = async (cookie: string, orgId: string, role: string): Promise<string> => {
    const r = await h.request('POST', ORGS_ROUTES.invitations(orgId), { cookie, json: { role } });
    expect(r.status).toBe(200);
    return ((await r.json()) as { code: string }).code;
  };
  const rolesOf = async (userId: string): Promise<string[]> =>
    (await h.db.selectFrom('memberships').select(['org_id', 'role']).where('user_id', '=', userId).orderBy('role').execute()).map((m) => `${m.org_id}/${m.role}`);

  it('refuses an administrator joining an invitation they created, in any role, and lets a second administrator invite them', async () => {
    const csoAdmin = await world.addMember(cso2, 'administrator');
    const cookie = await csoAdmin.logIn();
    const before = await rolesOf(csoAdmin.userId);
    const code = await invite(cookie, cso2.id, 'coordinator');
    const own = await h.request('POST', ORGS_ROUTES.invitationJoin, { cookie, json: { code } });
    expect([own.status, await errorCode(own)]).toEqual([403, 'invitation-own']);
    expect(await rolesOf(csoAdmin.userId)).toEqual(before);

    const adminCookie = await platformAdmin.logIn();
    for (const role of ['custodian', 'coordinator']) {
      const selfCode = await invite(adminCookie, world.coalition.id, role);
      const r = await h.request('POST', ORGS_ROUTES.invitationJoin, { cookie: adminCookie, json: { code: selfCode } });
      expect([r.status, await errorCode(r)]).toEqual([403, 'invitation-own']);
    }
    expect(await rolesOf(platformAdmin.userId)).toEqual([`${world.coalition.id}/administrator`]);

    // A second person's invitation works (the key still has to come from a member's browser).
    const byOther = await invite(adminCookie, cso2.id, 'coordinator');
    const joined = await h.request('POST', ORGS_ROUTES.invitationJoin, { cookie, json: { code: byOther } });
    expect(joined.status).toBe(200);
    expect(await rolesOf(csoAdmin.userId)).toContain(`${cso2.id}/coordinator`);
  }, 60_000);

  it("lets a CSO administrator reset and list only users entirely within its organisations, never itself", async () => {
    const coordinator = await world.addMember(world.coalition, 'coordinator', { totp: true });
    const boss = await world.addMember(world.coalition, 'administrator', { totp: true });
    await world.addMember(cso2, 'analyst', { user: coordinator });
    await world.addMember(cso2, 'analyst', { user: boss });
    const plain = await world.addMember(cso2, 'analyst', { totp: true });
    const csoAdmin = await world.addMember(cso2, 'administrator', { totp: true });
    const cookie = await csoAdmin.logIn();

    const listed = (await (await h.request('GET', SECURITY_ROUTES.users, { cookie })).json()) as { users: { userId: string }[] };
    const ids = listed.users.map((u) => u.userId);
    expect(ids).toContain(plain.userId);
    expect(ids).not.toContain(coordinator.userId);
    expect(ids).not.toContain(boss.userId);
    expect(ids).not.toContain(csoAdmin.userId);

    for (const target of [coordinator, boss, csoAdmin]) {
      const r = await h.request('POST', SECURITY_ROUTES.resetSecondFactor(target.userId), { cookie });
      expect([r.status, await errorCode(r)]).toEqual([403, 'forbidden']);
    }
    const active = await h.db.selectFrom('second_factors').select('user_id').where('user_id', 'in', [coordinator.userId, boss.userId, csoAdmin.userId]).execute();
    expect(active).toHaveLength(3);

    const ok = await h.request('POST', SECURITY_ROUTES.resetSecondFactor(plain.userId), { cookie });
    expect(ok.status).toBe(200);
    expect(await h.db.selectFrom('second_factors').select('user_id').where('user_id', '=', plain.userId).execute()).toHaveLength(0);

    // A platform administrator may reset another one (audited), not itself.
    const platformCookie = await platformAdmin.logIn();
    const self = await h.request('POST', SECURITY_ROUTES.resetSecondFactor(platformAdmin.userId), { cookie: platformCookie });
    expect([self.status, await errorCode(self)]).toEqual([403, 'forbidden']);
    const other = await h.request('POST', SECURITY_ROUTES.resetSecondFactor(boss.userId), { cookie: platformCookie });
    expect(other.status).toBe(200);
    const audited = await h.db.selectFrom('audit_log').select(['actor_id', 'object_id']).where('action', '=', 'reset-second-factor').where('object_id', '=', boss.userId).execute();
    expect(audited).toEqual([{ actor_id: platformAdmin.userId, object_id: boss.userId }]);
  }, 60_000);

  const putGrant = async (objectType: string, objectId: string, keyKind: string, userId: string): Promise<void> => {
    await h.db
      .insertInto('key_grants')
      .values({ id: newId(), object_type: objectType, object_id: objectId, key_kind: keyKind, key_version: 1, recipient_type: 'user', recipient_id: userId, recipient_key_version: 1, sealed_key: 'x', created_at: h.now().toISOString() })
      .execute();
  };
  const grantKinds = async (userId: string): Promise<string[]> =>
    (await h.db.selectFrom('key_grants').select('key_kind').where('recipient_id', '=', userId).orderBy('key_kind').execute()).map((g) => g.key_kind);

  it("deletes a removed custodian's custodian grants and a removed coalition coordinator's signing grants, advising rotation", async () => {
    const custodian = await world.addMember(world.coalition, 'custodian', { grantOrgKey: false });
    const coordinator = await world.addMember(world.coalition, 'coordinator');
    await world.addMember(world.coalition, 'analyst', { user: coordinator, grantOrgKey: false });
    const stays = await world.addMember(world.coalition, 'coordinator');
    await putGrant('custodian', 'custodian-key', 'custodian', custodian.userId);
    await putGrant('coalition', world.coalition.id, 'coalition-signing', coordinator.userId);
    await putGrant('coalition', world.coalition.id, 'coalition-signing', stays.userId);
    expect(await grantKinds(coordinator.userId)).toEqual(['coalition-signing', 'organisation']);

    const cookie = await platformAdmin.logIn();
    const members = ((await (await h.request('GET', ORGS_ROUTES.members(world.coalition.id), { cookie })).json()) as Members).members;
    const membership = (userId: string, role: string): string => members.find((m) => m.userId === userId && m.role === role)?.membershipId ?? '';

    const r1 = await h.request('DELETE', ORGS_ROUTES.member(world.coalition.id, membership(custodian.userId, 'custodian')), { cookie });
    expect(await r1.json()).toEqual({ grantsRemoved: 1, rotationAdvised: true });
    expect(await grantKinds(custodian.userId)).toEqual([]);

    const r2 = await h.request('DELETE', ORGS_ROUTES.member(world.coalition.id, membership(coordinator.userId, 'coordinator')), { cookie });
    expect(await r2.json()).toEqual({ grantsRemoved: 1, rotationAdvised: true });
    // Still an analyst: keeps the organisation key, loses the signing key.
    expect(await grantKinds(coordinator.userId)).toEqual(['organisation']);
    expect(await grantKinds(stays.userId)).toEqual(['coalition-signing', 'organisation']);
  }, 60_000);

  it('refuses organisation names with invisible or direction characters, or equal to another ignoring case, and stores them NFC', async () => {
    const cookie = await platformAdmin.logIn();
    const create = (name: string) => h.request('POST', ORGS_ROUTES.orgs, { cookie, json: { kind: 'authority', name } });
    for (const name of ['OCLEI\u202E', '\u202EIELCO', 'OCLEI\u200B', 'O\u200DCLEI', 'OCLEI\u2066x', 'OC\uFEFFLEI', 'OCLEI\u00AD']) {
      const r = await create(name);
      expect([name, r.status, await errorCode(r)]).toEqual([name, 400, 'validation-failed']);
    }
    const made = await create('Ce\u0301lula Anti-Corruption');
    expect(made.status).toBe(200);
    const { orgId } = (await made.json()) as { orgId: string };
    const stored = await h.db.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
    expect(stored.name).toBe('C\u00e9lula Anti-Corruption');
    for (const twin of ['célula anti-corruption', 'CE\u0301LULA ANTI-CORRUPTION', '  Célula Anti-Corruption ']) {
      const r = await create(twin);
      expect([twin, r.status, await errorCode(r)]).toEqual([twin, 409, 'organisation-name-taken']);
    }
    const other = ((await (await create('Autre autorité')).json()) as { orgId: string }).orgId;
    const rename = (name: string) => h.request('PATCH', ORGS_ROUTES.org(other), { cookie, json: { name } });
    const taken = await rename('CÉLULA anti-corruption');
    expect([taken.status, await errorCode(taken)]).toEqual([409, 'organisation-name-taken']);
    const hidden = await rename('Autre\u200B autorité');
    expect([hidden.status, await errorCode(hidden)]).toEqual([400, 'validation-failed']);
    expect((await rename('Autre Autorité')).status).toBe(204);

    // The preset skips an authority already bearing its name (any case), and makes the others.
    expect((await create("ocLEI — Office central de lutte contre l'enrichissement illicite")).status).toBe(200);
    const preset = (await (await h.request('POST', ORGS_ROUTES.maliPreset, { cookie })).json()) as { added: string[] };
    expect(preset.added).toHaveLength(4);
    const names = (await h.db.selectFrom('organisations').select('name').execute()).map((o) => o.name.toLowerCase());
    expect(names.filter((n) => n.startsWith('oclei'))).toHaveLength(1);
  }, 60_000);

  it('lets only the roles that need it read the forwarding settings', async () => {
    const path = FORWARDING_ROUTES.settings(world.coalition.id);
    for (const role of ['focal-point', 'custodian'] as const) {
      const m = await world.addMember(world.coalition, role);
      const r = await h.request('GET', path, { cookie: await m.logIn() });
      expect([role, r.status, await errorCode(r)]).toEqual([role, 403, 'forbidden']);
    }
    for (const role of ['analyst', 'coordinator', 'administrator'] as const) {
      const m = await world.addMember(world.coalition, role);
      const r = await h.request('GET', path, { cookie: await m.logIn() });
      expect([role, r.status]).toEqual([role, 200]);
    }
    const outsider = await world.addMember(cso2, 'analyst');
    const r = await h.request('GET', path, { cookie: await outsider.logIn() });
    expect([r.status, await errorCode(r)]).toEqual([404, 'not-found']);
  }, 60_000);
});
