/**
 * The whole life of an organisation's keys through @kenekanko/client, as browsers run it:
 * created keyless by an administrator, keys made by its first member, granted to a second
 * after a fingerprint check, signed into the directory by the coalition, a member removed
 * and the key rotated (old versions still open), and the organisation restored with its
 * printed recovery key once every member is gone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  acceptInvitation,
  createApiClient,
  createOrganisation,
  createOrgKeys,
  grantOrgKey,
  inviteMember,
  listMembers,
  listOrganisations,
  loadOrgKeys,
  loadPendingDirectory,
  myFingerprint,
  openOrgKeyVersions,
  personFingerprint,
  removeMember,
  restoreOrgKey,
  rotateOrgKey,
  sealGrant,
  signNextDirectory,
  staffLogin,
  verifyDirectory,
} from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import type { Role } from '@kenekanko/contracts';
import { ROUTES } from '@kenekanko/contracts';
import { fromBase64Url, toBase64Url } from '@kenekanko/crypto';
import { newId } from '../../features/shared/ids.ts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createHarness, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember } from '../testing/world.ts';

const PASSWORD = 'une phrase de passe assez longue';

describe.each(DATABASE_KINDS)('organisation keys through the client on %s', (kind) => {
  let h: Harness;
  let world: World;
  afterEach(async () => h.close());

  const login = (name: string): Promise<StaffSession> => staffLogin(createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch }), name, PASSWORD);

  async function join(admin: StaffSession, orgId: string, role: Role, name: string): Promise<StaffSession> {
    const { code } = await inviteMember(admin, { orgId, role });
    await acceptInvitation(createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch }), code, { login: name, password: PASSWORD });
    return login(name);
  }

  /** A coalition coordinator holding the coalition signing key (as the setup coordinator does). */
  async function signer(): Promise<WorldMember> {
    const coordinator = await world.addMember(world.coalition, 'coordinator', { password: PASSWORD });
    const grant = sealGrant(
      { objectType: 'coalition', objectId: world.coalition.id, keyKind: 'coalition-signing', keyVersion: 1, recipientType: 'user', recipientId: coordinator.userId, recipientKeyVersion: 1 },
      coordinator.keys.x25519.publicKey,
      world.deployment.coalition.privateKey,
    );
    const row = { id: newId(), object_type: grant.objectType, object_id: grant.objectId, key_kind: grant.keyKind, key_version: 1, recipient_type: 'user', recipient_id: coordinator.userId, recipient_key_version: 1, sealed_key: grant.sealedKey, created_at: h.now().toISOString() };
    await h.db.insertInto('key_grants').values(row).execute();
    return coordinator;
  }

  async function signAll(coordinator: StaffSession): Promise<number> {
    const pending = await loadPendingDirectory(coordinator);
    return signNextDirectory(coordinator, pending, new Map(pending.changes.map((c) => [c.orgId, c.fingerprint])));
  }

  const statusOf = async (admin: StaffSession, orgId: string) => (await listOrganisations(admin)).organisations.find((o) => o.id === orgId)?.keyStatus;

  it('makes, grants, signs, rotates and restores an organisation key, the server never holding it', async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    await world.addMember(world.coalition, 'administrator', { login: 'admin.coalition', password: PASSWORD });
    const admin = await login('admin.coalition');
    const coordinator = await login((await signer()).login);

    const orgId = await createOrganisation(admin, { kind: 'cso', name: 'Tiwindi' });
    expect(await statusOf(admin, orgId)).toBe('none');
    const awa = await join(admin, orgId, 'analyst', 'awa.tiwindi');
    const first = await createOrgKeys(awa, orgId);
    expect(first.keyVersion).toBe(1);
    expect(await statusOf(admin, orgId)).toBe('unsigned');

    // The second analyst waits; a wrong fingerprint seals nothing, the right one grants.
    const bakary = await join(admin, orgId, 'analyst', 'bakary.tiwindi');
    const waiting = await loadOrgKeys(awa, orgId);
    expect(waiting.waiting.map((m) => m.userId)).toEqual([bakary.me.user.id]);
    expect(personFingerprint(waiting.waiting[0]?.x25519Public ?? '')).toBe(myFingerprint(bakary));
    await expect(grantOrgKey(awa, orgId, bakary.me.user.id, myFingerprint(awa))).rejects.toThrow(/fingerprint/);
    expect(await grantOrgKey(awa, orgId, bakary.me.user.id, myFingerprint(bakary))).toBe(1);

    // Not in the signed directory yet: not routed, and /api/me gives no grant to check against it.
    const meBefore = await bakary.api.me();
    expect(meBefore.memberships.find((m) => m.orgId === orgId)?.orgKeyGrant).toBeNull();
    const pending = await loadPendingDirectory(coordinator);
    expect(pending.changes).toEqual([expect.objectContaining({ orgId, change: 'added', keyVersion: 1 })]);
    await expect(signNextDirectory(coordinator, pending, new Map())).rejects.toThrow(/fingerprint/);
    expect(await signAll(coordinator)).toBe(2);
    expect(await statusOf(admin, orgId)).toBe('signed');
    const intake = (await (await h.request('GET', ROUTES.intake)).json()) as { directory: { body: string; signature: string } };
    const published = verifyDirectory(intake.directory, world.deployment.coalition.publicKey);
    expect(published.version).toBe(2);
    const listedV1 = published.organisations.find((o) => o.id === orgId);
    expect(listedV1?.keyVersion).toBe(1);
    const bakaryAgain = await login('bakary.tiwindi');
    expect(toBase64Url(bakaryAgain.keyring.orgKeys.get(orgId)?.x25519.publicKey ?? new Uint8Array())).toBe(listedV1?.x25519Public);

    // Awa leaves: her grants go; Bakary rotates; the new version is live once signed; v1 still opens.
    const awaMembership = (await listMembers(admin, orgId)).find((m) => m.userId === awa.me.user.id);
    expect(await removeMember(admin, orgId, awaMembership?.membershipId ?? '')).toEqual({ grantsRemoved: 1, rotationAdvised: true });
    const rotated = await rotateOrgKey(bakaryAgain, orgId);
    expect(rotated.keyVersion).toBe(2);
    expect(await statusOf(admin, orgId)).toBe('unsigned');
    await signAll(coordinator);
    const bakaryV2 = await login('bakary.tiwindi');
    const view = await loadOrgKeys(bakaryV2, orgId);
    const versions = openOrgKeyVersions(bakaryV2, view);
    expect([...versions.keys()].sort()).toEqual([1, 2]);
    expect(toBase64Url(versions.get(1)?.x25519.publicKey ?? new Uint8Array())).toBe(listedV1?.x25519Public);
    expect(toBase64Url(bakaryV2.keyring.orgKeys.get(orgId)?.x25519.publicKey ?? new Uint8Array())).toBe(view.x25519Public);

    // Everyone gone: a new member restores the organisation with the printed recovery key.
    const bakaryMembership = (await listMembers(admin, orgId)).find((m) => m.userId === bakaryV2.me.user.id);
    await removeMember(admin, orgId, bakaryMembership?.membershipId ?? '');
    const coumba = await join(admin, orgId, 'coordinator', 'coumba.tiwindi');
    await expect(restoreOrgKey(coumba, orgId, first.recoveryKey)).rejects.toThrow();
    await restoreOrgKey(coumba, orgId, rotated.recoveryKey);
    const coumbaAgain = await login('coumba.tiwindi');
    expect(fromBase64Url(view.x25519Public ?? '')).toEqual(coumbaAgain.keyring.orgKeys.get(orgId)?.x25519.publicKey);

    const actions = (await h.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);
    for (const action of ['create-organisation', 'invite', 'join', 'create-org-keys', 'grant-org-key', 'sign-directory', 'remove-member', 'rotate-org-key']) {
      expect(actions).toContain(action);
    }
  });
});
