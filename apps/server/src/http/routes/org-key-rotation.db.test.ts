/**
 * After an organisation key rotation, through @kenekanko/client as browsers run it: an alert
 * filed before it (sealed to the older version) and one filed after it both open for a member
 * who logs in afterwards; a message the organisation signed before the rotation still verifies,
 * on the desk and on the reporter's side; a package forwarded before the rotation still opens.
 * And the server cannot slip in an "older version" no signed directory listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiClient,
  forwardCase,
  loadPendingDirectory,
  openForwarding,
  openReporterAlert,
  rotateOrgKey,
  sealGrant,
  signNextDirectory,
  staffLogin,
  submitAlert,
  WHOLE_CASE,
} from '@kenekanko/client';
import type { AlertDraft, ConversationEntry, StaffSession } from '@kenekanko/client';
import type { MeResponse } from '@kenekanko/contracts';
import { newKeySet, openCase, privateKeysBytes, saveLabels } from '@kenekanko/client';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { newId } from '../../features/shared/ids.ts';
import { placeIds } from '../testing/flows.ts';
import { createHarness, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember, WorldOrg } from '../testing/world.ts';

const PASSWORD = 'une phrase de passe assez longue';

const texts = (entries: readonly ConversationEntry[]) => entries.map((e) => (e.verified ? e.text : `broken:${e.broken}`));

describe.each(DATABASE_KINDS)('organisation key versions after a rotation on %s', (kind) => {
  let h: Harness;
  let world: World;
  let oclei: WorldOrg;
  let coordinator: WorldMember;
  let liaison: WorldMember;
  const api = () => createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch, cookieJar: true });
  const logInAs = (member: WorldMember): Promise<StaffSession> => staffLogin(api(), member.login, PASSWORD);
  let before: { alertId: string; receipt: string };
  let after: { alertId: string; receipt: string };
  let forwardingId: string;

  async function file(description: string): Promise<{ alertId: string; receipt: string }> {
    const { regionId, cercleId } = await placeIds(h);
    const draft: AlertDraft = {
      language: 'fr',
      statistics: { kind: 'bribery', regionId, cercleId, institutionType: 'customs' },
      communeId: null,
      when: '2025-02-20',
      institutionName: 'Mairie',
      amountFcfa: 20_000,
      description,
      identity: null,
      consents: { shareWithJournalists: false },
      files: [],
    };
    const submitted = await submitAlert(api(), draft, { retryDelayMs: 1 });
    return { alertId: submitted.alertId, receipt: submitted.receipt };
  }

  /** Gives the coordinator the coalition signing key (as the setup coordinator holds it), to sign directories. */
  async function grantSigningKey(member: WorldMember): Promise<void> {
    const grant = sealGrant(
      { objectType: 'coalition', objectId: world.coalition.id, keyKind: 'coalition-signing', keyVersion: 1, recipientType: 'user', recipientId: member.userId, recipientKeyVersion: 1 },
      member.keys.x25519.publicKey,
      world.deployment.coalition.privateKey,
    );
    const row = { id: newId(), object_type: grant.objectType, object_id: grant.objectId, key_kind: grant.keyKind, key_version: 1, recipient_type: 'user', recipient_id: member.userId, recipient_key_version: 1, sealed_key: grant.sealedKey, created_at: h.now().toISOString() };
    await h.db.insertInto('key_grants').values(row).execute();
  }

  beforeAll(async () => {
    h = await createHarness(kind);
    world = await createWorld(h);
    oclei = await world.addOrg('authority', 'OCLEI');
    coordinator = await world.addMember(world.coalition, 'coordinator', { password: PASSWORD });
    liaison = await world.addMember(oclei, 'authority-liaison', { password: PASSWORD });
    await grantSigningKey(coordinator);

    before = await file('Avant la rotation : un agent demande de l’argent.');
    const session = await logInAs(coordinator);
    await (await session.openAlert(before.alertId)).sendMessage('Message signé avant la rotation');
    for (const to of ['acknowledged', 'in-verification', 'verified'] as const) await (await session.openAlert(before.alertId)).transition(to, 'ok');
    const opened = await session.openAlert(before.alertId);
    if (opened.answers === null) throw new Error('answers missing');
    const [sent] = await forwardCase(session, opened, [oclei.id], { ...WHOLE_CASE(opened.answers, opened.messages), note: 'Avant la rotation.' });
    forwardingId = sent?.id ?? '';

    // Rotation by the coordinator, then the coalition signs the directory listing version 2.
    expect((await rotateOrgKey(session, world.coalition.id)).keyVersion).toBe(2);
    const pending = await loadPendingDirectory(session);
    await signNextDirectory(session, pending, new Map(pending.changes.map((c) => [c.orgId, c.fingerprint])));
    after = await file('Après la rotation : un autre agent.');
  }, 180_000);
  afterAll(async () => h.close());

  it('opens an alert sealed to the older version and one sealed to the new one, with both versions in the keyring', async () => {
    const session = await logInAs(coordinator);
    expect([...(session.keyring.orgKeyVersions.get(world.coalition.id)?.keys() ?? [])].sort()).toEqual([1, 2]);
    const grants = await h.db.selectFrom('key_grants').select(['object_id', 'recipient_key_version']).where('object_type', '=', 'alert').where('key_kind', '=', 'content').where('recipient_type', '=', 'organisation').execute();
    expect(grants.find((g) => g.object_id === before.alertId)?.recipient_key_version).toBe(1);
    expect(grants.find((g) => g.object_id === after.alertId)?.recipient_key_version).toBe(2);

    const old = await session.openAlert(before.alertId);
    expect(old.answersProblem).toBeNull();
    expect(old.answers?.description).toContain('Avant la rotation');
    expect(texts(old.messages)).toEqual(['Message signé avant la rotation']);
    const fresh = await session.openAlert(after.alertId);
    expect(fresh.answers?.description).toContain('Après la rotation');
    await fresh.sendMessage('Message signé après la rotation');
    await old.addNote('Une note après la rotation'); // the desk key of the old alert opened with version 1
    expect((await session.openAlert(before.alertId)).notes.map((n) => n.text)).toEqual(['Une note après la rotation']);
    // Labels live under the same desk key: they too open with the version the grant names.
    await saveLabels(session, await openCase(session, before.alertId), ['douane', 'avant rotation']);
    const reopened = await openCase(session, before.alertId);
    expect([reopened.labels, reopened.labelsBroken]).toEqual([['douane', 'avant rotation'], false]);
  }, 60_000);

  it('lets the reporter verify messages the organisation signed before and after the rotation', async () => {
    const reporterBefore = await openReporterAlert(api(), before.receipt);
    expect(texts(reporterBefore.messages)).toEqual(['Message signé avant la rotation']);
    const reporterAfter = await openReporterAlert(api(), after.receipt);
    expect(texts(reporterAfter.messages)).toEqual(['Message signé après la rotation']);
  }, 60_000);

  it('opens for the liaison a package the coalition signed before it rotated', async () => {
    const desk = await logInAs(liaison);
    const received = await openForwarding(desk, forwardingId);
    expect(received.payload.fields.description).toContain('Avant la rotation');
  }, 60_000);

  it('does not take an older version the signed directories do not vouch for (a key pair the server made up)', async () => {
    const session = await logInAs(coordinator);
    const me: MeResponse = await session.api.me();
    expect(me.memberships.find((m) => m.orgId === world.coalition.id)?.olderOrgKeyGrants.map((g) => g.keyVersion)).toEqual([1]);
    expect(me.keyHistory.length).toBeGreaterThan(0);
    // A hostile server swaps version 1's grant for one sealing a key pair of its own making.
    const forged = newKeySet();
    const grant = sealGrant(
      { objectType: 'organisation', objectId: world.coalition.id, keyKind: 'organisation', keyVersion: 1, recipientType: 'user', recipientId: coordinator.userId, recipientKeyVersion: 1 },
      coordinator.keys.x25519.publicKey,
      privateKeysBytes(forged),
    );
    await h.db
      .updateTable('key_grants')
      .set({ sealed_key: grant.sealedKey })
      .where('object_type', '=', 'organisation')
      .where('object_id', '=', world.coalition.id)
      .where('key_version', '=', 1)
      .where('recipient_id', '=', coordinator.userId)
      .execute();
    // The login still works (the current version is genuine); the forged pair is not taken, so
    // the old alert shows as not openable instead of opening with a key the server chose.
    const later = await logInAs(coordinator);
    expect([...(later.keyring.orgKeyVersions.get(world.coalition.id)?.keys() ?? [])]).toEqual([2]);
    expect((await later.openAlert(before.alertId)).answersProblem).toBe('missing-key');
    expect((await later.openAlert(after.alertId)).answersProblem).toBeNull();
  }, 60_000);
});
