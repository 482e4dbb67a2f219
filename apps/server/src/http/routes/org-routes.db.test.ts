/** What the organisation routes refuse: who may act, which grants and directories the server accepts. */
import { afterEach, describe, expect, it } from 'vitest';
import { newKeySet, privateKeysBytes, sealGrant, wrapGrant } from '@kenekanko/client';
import { ORGS_ROUTES, ROUTES } from '@kenekanko/contracts';
import { canonicalJson, PURPOSES, randomBytes, signStatement, toBase64Url } from '@kenekanko/crypto';
import type { JsonValue } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { fillPattern } from '../route-patterns.ts';
import { createHarness } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember, WorldOrg } from '../testing/world.ts';
import { ORGS_ROUTE_PATTERNS } from './org-routes.ts';

const b64 = toBase64Url;

describe('organisation route patterns', () => {
  it('fills every route pattern the same as the contracts build it', () => {
  const ids = { orgId: 'o'.repeat(22), membershipId: 'm'.repeat(22) };
  expect(fillPattern(ORGS_ROUTE_PATTERNS.member, ids)).toBe(ORGS_ROUTES.member(ids.orgId, ids.membershipId));
  expect(fillPattern(ORGS_ROUTE_PATTERNS.orgKeyGrants, ids)).toBe(ORGS_ROUTES.orgKeyGrants(ids.orgId));
  expect(fillPattern(ORGS_ROUTE_PATTERNS.invitations, ids)).toBe(ORGS_ROUTES.invitations(ids.orgId));
});
});

describe.each(DATABASE_KINDS)('organisation routes on %s', (kind) => {
  let h: Harness;
  let world: World;
  let admin: WorldMember;
  afterEach(async () => h.close());

  async function start(): Promise<void> {
    h = await createHarness(kind);
    world = await createWorld(h);
    admin = await world.addMember(world.coalition, 'administrator');
  }
  const call = async (member: WorldMember, method: string, path: string, json?: unknown) => {
    const response = await h.request(method, path, { cookie: await member.logIn(), ...(json === undefined ? {} : { json }) });
    const body: unknown = response.status === 204 ? null : await response.json();
    return { status: response.status, body };
  };
  const grantOf = (org: WorldOrg, to: WorldMember, keyVersion = org.keyVersion) =>
    sealGrant({ objectType: 'organisation', objectId: org.id, keyKind: 'organisation', keyVersion, recipientType: 'user', recipientId: to.userId, recipientKeyVersion: 1 }, to.keys.x25519.publicKey, privateKeysBytes(org.keys));

  it('adds the Mali preset once, keyless and out of the directory, for platform administrators only', async () => {
    await start();
    const coordinator = await world.addMember(world.coalition, 'coordinator');
    expect((await call(coordinator, 'POST', ORGS_ROUTES.maliPreset, {})).status).toBe(403);
    const first = await call(admin, 'POST', ORGS_ROUTES.maliPreset, {});
    expect((first.body as { added: string[] }).added).toHaveLength(5);
    const list = (await call(admin, 'GET', ORGS_ROUTES.orgs)).body as { organisations: { name: string; kind: string; keyStatus: string }[] };
    const oclei = list.organisations.find((o) => o.name.startsWith('OCLEI'));
    expect(oclei).toMatchObject({ kind: 'authority', keyStatus: 'none', name: "OCLEI — Office central de lutte contre l'enrichissement illicite" });
    await call(admin, 'PATCH', ORGS_ROUTES.org((first.body as { added: string[] }).added[0] ?? ''), { name: 'OCLEI (Bamako)' });
    expect(((await call(admin, 'POST', ORGS_ROUTES.maliPreset, {})).body as { added: string[] }).added).toEqual([]);
    const intake = (await (await h.request('GET', ROUTES.intake)).json()) as { directory: { body: string } };
    expect(intake.directory.body).not.toContain('OCLEI');
    expect((await call(coordinator, 'POST', ORGS_ROUTES.orgs, { kind: 'cso', name: 'X' })).status).toBe(403);
    expect((await call(admin, 'POST', ORGS_ROUTES.orgs, { kind: 'coalition', name: 'Second' })).status).toBe(400);
  });

  it('shows members to the organisation’s administrators and coordinators only, and not-found to outsiders', async () => {
    await start();
    const cso = await world.addOrg('cso', 'Tiwindi');
    const coordinator = await world.addMember(cso, 'coordinator');
    const analyst = await world.addMember(cso, 'analyst');
    const outsider = await world.addMember(world.coalition, 'coordinator');
    const members = (await call(coordinator, 'GET', ORGS_ROUTES.members(cso.id))).body as { members: { userId: string; hasOrgKey: boolean }[] };
    expect(members.members.map((m) => [m.userId, m.hasOrgKey]).sort()).toEqual([[analyst.userId, true], [coordinator.userId, true]].sort());
    expect((await call(analyst, 'GET', ORGS_ROUTES.members(cso.id))).status).toBe(403);
    expect((await call(outsider, 'GET', ORGS_ROUTES.members(cso.id))).status).toBe(404);
    expect((await call(outsider, 'GET', ORGS_ROUTES.orgKeys(cso.id))).status).toBe(404);
    expect((await call(admin, 'GET', ORGS_ROUTES.orgKeys(cso.id))).status).toBe(404);
  });

  it('refuses organisation key grants to anyone but a key-holding member, and from anyone but a holder', async () => {
    await start();
    const cso = await world.addOrg('cso', 'Tiwindi');
    const holder = await world.addMember(cso, 'analyst');
    const newcomer = await world.addMember(cso, 'analyst', { grantOrgKey: false });
    const focal = await world.addMember(cso, 'focal-point');
    const csoAdmin = await world.addMember(cso, 'administrator');
    const stranger = await world.addMember(world.coalition, 'analyst');
    const post = (from: WorldMember, grant: unknown) => call(from, 'POST', ORGS_ROUTES.orgKeyGrants(cso.id), { grant });
    for (const to of [focal, csoAdmin, stranger]) expect((await post(holder, grantOf(cso, to))).status).toBe(400);
    expect((await post(holder, grantOf(cso, newcomer, 2))).status).toBe(400);
    const other = await world.addMember(cso, 'analyst', { grantOrgKey: false });
    expect((await post(newcomer, grantOf(cso, other))).body).toMatchObject({ error: { code: 'org-key-required' } });
    expect((await post(holder, grantOf(cso, newcomer))).status).toBe(204);
    const view = (await call(holder, 'GET', ORGS_ROUTES.orgKeys(cso.id))).body as { waiting: { userId: string }[]; holders: { userId: string }[] };
    expect(view.waiting.map((m) => m.userId)).toEqual([other.userId]);
    expect(view.holders.map((m) => m.userId).sort()).toEqual([holder.userId, newcomer.userId].sort());
  });

  it('lets only a holder of the current key rotate it, with grants to members and a recovery key', async () => {
    await start();
    const cso = await world.addOrg('cso', 'Tiwindi');
    const holder = await world.addMember(cso, 'analyst');
    const newcomer = await world.addMember(cso, 'analyst', { grantOrgKey: false });
    const keys = newKeySet();
    const recovery = wrapGrant({ objectType: 'organisation', objectId: cso.id, keyKind: 'organisation', keyVersion: 2, recipientType: 'recovery', recipientId: cso.id, recipientKeyVersion: 1 }, randomBytes(32), privateKeysBytes(keys));
    const seal = (to: WorldMember) => grantOf({ ...cso, keys, keyVersion: 2 }, to);
    const request = (grants: unknown[], keyVersion = 2) => ({ keyVersion, x25519Public: b64(keys.x25519.publicKey), ed25519Public: b64(keys.ed25519.publicKey), grants });
    expect((await call(newcomer, 'POST', ORGS_ROUTES.orgKeys(cso.id), request([seal(newcomer), recovery]))).body).toMatchObject({ error: { code: 'org-key-required' } });
    expect((await call(holder, 'POST', ORGS_ROUTES.orgKeys(cso.id), request([seal(holder)]))).status).toBe(400);
    expect((await call(holder, 'POST', ORGS_ROUTES.orgKeys(cso.id), request([seal(holder), recovery], 3))).body).toMatchObject({ error: { code: 'org-keys-exist' } });
    expect((await call(holder, 'POST', ORGS_ROUTES.orgKeys(cso.id), request([seal(holder), recovery]))).status).toBe(200);
    const row = await h.db.selectFrom('organisations').select(['key_version', 'x25519_public']).where('id', '=', cso.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ key_version: 2, x25519_public: b64(keys.x25519.publicKey) });
    const grants = await h.db.selectFrom('key_grants').select(['key_version', 'recipient_id']).where('object_id', '=', cso.id).where('recipient_type', '=', 'user').execute();
    expect(grants.filter((g) => g.recipient_id === holder.userId).map((g) => g.key_version).sort()).toEqual([1, 2]);
  });

  it('stores a signed directory only if it verifies, is the next version, and lists exactly what the server holds', async () => {
    await start();
    const coordinator = await world.addMember(world.coalition, 'coordinator');
    const analyst = await world.addMember(world.coalition, 'analyst');
    const cso = await world.addOrg('cso', 'Tiwindi', { inDirectory: false });
    const latest = await h.db.selectFrom('directory_versions').selectAll().orderBy('version', 'desc').executeTakeFirstOrThrow();
    const base = JSON.parse(latest.body) as { [key: string]: JsonValue; version: number; organisations: JsonValue[] };
    const entry = { id: cso.id, kind: 'cso', name: 'Tiwindi', x25519Public: b64(cso.keys.x25519.publicKey), ed25519Public: b64(cso.keys.ed25519.publicKey), keyVersion: 1 };
    const sign = (body: { [key: string]: JsonValue }, key = world.deployment.coalition.privateKey) => ({ directory: { body: canonicalJson(body), signature: b64(signStatement(PURPOSES.directory, body, key)) } });
    const next = { ...base, version: base.version + 1, organisations: [...base.organisations, entry] };
    const post = (member: WorldMember, body: unknown) => call(member, 'POST', ORGS_ROUTES.directory, body);
    expect((await post(analyst, sign(next))).status).toBe(403);
    expect((await post(coordinator, sign(next, randomBytes(32)))).status).toBe(400);
    expect((await post(coordinator, sign({ ...next, version: base.version + 2 }))).body).toMatchObject({ error: { code: 'directory-outdated' } });
    expect((await post(coordinator, sign({ ...next, deploymentSalt: b64(randomBytes(16)) }))).body).toMatchObject({ error: { code: 'directory-mismatch' } });
    const swapped = { ...entry, x25519Public: b64(newKeySet().x25519.publicKey) };
    expect((await post(coordinator, sign({ ...next, organisations: [...base.organisations, swapped] }))).body).toMatchObject({ error: { code: 'directory-mismatch' } });
    expect((await post(coordinator, sign({ ...next, routing: { defaultOrgId: cso.id } }))).body).toMatchObject({ error: { code: 'directory-mismatch' } });
    expect((await post(coordinator, sign(next))).body).toEqual({ version: base.version + 1 });
    const intake = (await (await h.request('GET', ROUTES.intake)).json()) as { directory: { body: string } };
    expect(JSON.parse(intake.directory.body)).toMatchObject({ version: base.version + 1 });
  });

  it('changes routing only when an administrator proposed it and a coordinator signed it', async () => {
    await start();
    const coordinator = await world.addMember(world.coalition, 'coordinator');
    const cso = await world.addOrg('cso', 'Tiwindi');
    const authority = await world.addOrg('authority', 'OCLEI');
    expect((await call(coordinator, 'PUT', ORGS_ROUTES.directoryRouting, { defaultOrgId: cso.id })).status).toBe(403);
    expect((await call(admin, 'PUT', ORGS_ROUTES.directoryRouting, { defaultOrgId: authority.id })).status).toBe(400);
    expect((await call(admin, 'PUT', ORGS_ROUTES.directoryRouting, { defaultOrgId: cso.id })).status).toBe(204);
    const pending = (await call(coordinator, 'GET', ORGS_ROUTES.directory)).body as { routing: { defaultOrgId: string }; organisations: JsonValue[]; latest: { version: number; document: { body: string } } };
    expect(pending.routing.defaultOrgId).toBe(cso.id);
    const base = JSON.parse(pending.latest.document.body) as { [key: string]: JsonValue };
    const body = { ...base, version: pending.latest.version + 1, organisations: pending.organisations, routing: pending.routing };
    const signed = { directory: { body: canonicalJson(body), signature: b64(signStatement(PURPOSES.directory, body, world.deployment.coalition.privateKey)) } };
    expect((await call(coordinator, 'POST', ORGS_ROUTES.directory, signed)).status).toBe(200);
    const intake = (await (await h.request('GET', ROUTES.intake)).json()) as { directory: { body: string } };
    expect(JSON.parse(intake.directory.body)).toMatchObject({ routing: { defaultOrgId: cso.id } });
  });

  it('refuses removing the coalition’s last administrator, and allows it once another one exists', async () => {
    await start();
    const membershipOf = async (member: WorldMember, caller: WorldMember = admin) => {
      const listed = (await call(caller, 'GET', ORGS_ROUTES.members(world.coalition.id))).body as { members: { membershipId: string; userId: string; role: string }[] };
      const found = listed.members.find((m) => m.userId === member.userId && m.role === 'administrator');
      if (found === undefined) throw new Error('no such administrator membership');
      return found.membershipId;
    };
    const mine = await membershipOf(admin);
    expect(await call(admin, 'DELETE', ORGS_ROUTES.member(world.coalition.id, mine))).toMatchObject({ status: 409, body: { error: { code: 'last-administrator' } } });
    const cso = await world.addOrg('cso', 'Tiwindi');
    const csoAdmin = await world.addMember(cso, 'administrator');
    const csoAdmin2 = await world.addMember(cso, 'administrator');
    const csoMembers = (await call(csoAdmin, 'GET', ORGS_ROUTES.members(cso.id))).body as { members: { membershipId: string; userId: string }[] };
    const other = csoMembers.members.find((m) => m.userId === csoAdmin2.userId)?.membershipId ?? '';
    // Only the coalition's administrators are the platform's: an organisation may lose its own.
    expect((await call(csoAdmin, 'DELETE', ORGS_ROUTES.member(cso.id, other))).status).toBe(200);
    const second = await world.addMember(world.coalition, 'administrator');
    expect((await call(second, 'DELETE', ORGS_ROUTES.member(world.coalition.id, mine))).status).toBe(200);
    expect(await call(second, 'DELETE', ORGS_ROUTES.member(world.coalition.id, await membershipOf(second, second)))).toMatchObject({ status: 409 });
    const actions = await h.db.selectFrom('audit_log').select('action').where('action', '=', 'remove-member').execute();
    expect(actions).toHaveLength(2);
  });
});
