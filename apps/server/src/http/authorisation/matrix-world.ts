/**
 * The populated deployment the authorisation matrix runs against: the coalition and a second
 * CSO each with a member of every desk role, an authority (OCLEI) with a liaison, a medium
 * with a journalist, a signed-in user with no membership, and for each CSO an alert with a
 * file, a note, an organisation message and an identity request; the coalition's alert is
 * verified and forwarded to OCLEI with a package file. Objects are made through the real
 * routes (members come from world.ts); the envelopes are random bytes of the right shape,
 * since the server never opens them.
 *
 * It also lists the SECRETS: every string that identifies a case, a note, a message, a
 * package, an identity request or a membership, with who may see it. The matrix checks every
 * response body against that list, so a route that answers someone else's id leaks visibly.
 *
 * Only tests import this.
 */
import { FORWARDING_ROUTES, ROUTES, CUSTODY_ROUTES } from '@kenekanko/contracts';
import type { ForwardingStatement, KeyGrant, Role } from '@kenekanko/contracts';
import { bucketSize, concatBytes, fromBase64Url, PURPOSES, randomBytes, sha256, signStatement, toBase64Url, utf8Encode } from '@kenekanko/crypto';
import type { Purpose } from '@kenekanko/crypto';
import { custodianIdOf } from '../../features/shared/custodian.ts';
import { newId } from '../../features/shared/ids.ts';
import { chunk, fileAlert, shapedEnvelope, signedMessage } from '../testing/flows.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import { CASE_ROLES, csoSecrets, hasRole, isIn, memberSecrets } from './matrix-secrets.ts';
import type { World, WorldMember, WorldOrg } from '../testing/world.ts';

export const ORG_KEYS = ['coalition', 'cso', 'oclei', 'media'] as const;
export type OrgKey = (typeof ORG_KEYS)[number];
/** The two organisations that receive alerts; every alert-scoped route is tried on both. */
export const CSO_KEYS = ['coalition', 'cso'] as const satisfies readonly OrgKey[];
export type CsoKey = (typeof CSO_KEYS)[number];

const CSO_ROLES = ['administrator', 'coordinator', 'analyst', 'focal-point', 'custodian'] as const satisfies readonly Role[];

export type Principal = {
  /** 'coalition.analyst', 'oclei.authority-liaison', 'nobody' (no membership) or 'anonymous' (no session). */
  readonly name: string;
  /** Every membership of the person (the 'dual' principal has two, in two organisations). */
  readonly memberships: readonly { readonly orgKey: OrgKey; readonly role: Role }[];
  readonly userId: string | null;
  readonly member: WorldMember | null;
  /** The Cookie header of a session made in beforeAll; null for 'anonymous'. */
  readonly cookie: string | null;
};

/** The objects of one CSO, made through the routes. */
export type CsoObjects = {
  readonly org: WorldOrg;
  readonly alertId: string;
  readonly blobId: string;
  readonly answersEnvelope: string;
  readonly identityEnvelope: string;
  /** The reporter's lookup token: the server keeps only a hash, so no answer may ever carry it. */
  readonly lookupToken: string;
  readonly noteId: string;
  readonly noteEnvelope: string;
  readonly messageEnvelope: string;
  readonly identityRequestId: string;
  readonly identityReason: string;
  /** A member made only to be removed by the matrix (DELETE member). */
  readonly removable: { readonly userId: string; readonly membershipId: string; readonly login: string; readonly cookie: string };
  /** A member whose second factor the matrix resets (which ends their sessions). */
  readonly resettable: { readonly userId: string; readonly login: string };
};

export type Secret = { readonly what: string; readonly value: string; readonly visibleTo: (p: Principal) => boolean };

export type MatrixWorld = {
  readonly h: Harness;
  readonly world: World;
  readonly orgs: Readonly<Record<OrgKey, WorldOrg>>;
  readonly principals: readonly Principal[];
  readonly cso: Readonly<Record<CsoKey, CsoObjects>>;
  readonly forwarding: { readonly id: string; readonly blobId: string; readonly packageEnvelope: string };
  /** A draft opened by the coalition analyst (only its author may upload to it). */
  readonly draftId: string;
  readonly secrets: readonly Secret[];
  principal(name: string): Principal;
};

/** Random bytes in the shape of a v1 sealed box of `purpose` (what assertSealedShape accepts). */
export function shapedSealed(purpose: Purpose): string {
  const header = utf8Encode(purpose);
  return toBase64Url(concatBytes(Uint8Array.of(1, header.length), header, randomBytes(32 + 24 + bucketSize(0) + 16)));
}

async function expectOk(response: Response, what: string): Promise<Response> {
  if (response.status >= 300) throw new Error(`${what} failed: ${response.status} ${await response.text()}`);
  return response;
}

async function membershipIdOf(h: Harness, userId: string, orgId: string): Promise<string> {
  const row = await h.db.selectFrom('memberships').select('id').where('user_id', '=', userId).where('org_id', '=', orgId).executeTakeFirstOrThrow();
  return row.id;
}

async function makeCsoObjects(h: Harness, w: World, org: WorldOrg, coordinator: Principal, analyst: Principal): Promise<CsoObjects> {
  const post = (path: string, json: unknown, cookie: string | null) => h.request('POST', path, { json, cookie: cookie ?? '' });
  const { alertId, blobIds, keys } = await fileAlert(h, w.deployment, [[chunk()]], org.id);
  const alertRow = await h.db.selectFrom('alerts').select(['answers_envelope', 'identity_envelope']).where('id', '=', alertId).executeTakeFirstOrThrow();
  const noteId = newId();
  const noteEnvelope = shapedEnvelope(PURPOSES.note);
  await expectOk(await post(ROUTES.staffNotes(alertId), { noteId, envelope: noteEnvelope }, coordinator.cookie), 'note');
  const message = { ...signedMessage(alertId, 1, 'organisation', org.keys.ed25519), attachments: null };
  await expectOk(await post(ROUTES.staffMessages(alertId), message, coordinator.cookie), 'message');
  const identityRequestId = newId();
  const identityReason = shapedSealed(PURPOSES.identityRequestReason);
  const request = { requestId: identityRequestId, purpose: 'verification', recipientOrgId: null, reasonEnvelope: identityReason };
  await expectOk(await post(CUSTODY_ROUTES.alertIdentityRequests(alertId), request, analyst.cookie), 'identity request');
  const removable = await w.addMember(org, 'analyst');
  const removableCookie = await removable.logIn();
  await expectOk(await h.request('GET', ROUTES.staffAlert(alertId), { cookie: removableCookie }), 'the removable analyst reads the alert');
  const resettable = await w.addMember(org, 'analyst', { totp: true });
  return {
    org,
    alertId,
    blobId: blobIds[0] ?? '',
    answersEnvelope: alertRow.answers_envelope,
    identityEnvelope: alertRow.identity_envelope,
    lookupToken: keys.lookupToken,
    noteId,
    noteEnvelope,
    messageEnvelope: message.envelope,
    identityRequestId,
    identityReason,
    removable: { userId: removable.userId, login: removable.login, membershipId: await membershipIdOf(h, removable.userId, org.id), cookie: removableCookie },
    resettable: { userId: resettable.userId, login: resettable.login },
  };
}

/** Each custodian seals the custodian key to themself (as after typing the recovery key), so decisions reach their checks. */
async function holdCustodianKey(h: Harness, principals: readonly Principal[]): Promise<void> {
  const latest = await h.db.selectFrom('directory_versions').select('body').orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  const custodian = (JSON.parse(latest.body) as { custodian: { x25519Public: string; keyVersion: number } }).custodian;
  for (const p of principals.filter((q) => hasRole(q, 'custodian'))) {
    const grant = { objectType: 'custodian', objectId: custodianIdOf(custodian.x25519Public), keyKind: 'custodian', keyVersion: custodian.keyVersion, recipientType: 'user', recipientId: p.userId, recipientKeyVersion: 1, sealedKey: shapedSealed(PURPOSES.sealedKey) };
    await expectOk(await h.request('POST', CUSTODY_ROUTES.custodianKeyGrants, { json: { grant }, cookie: p.cookie ?? '' }), 'custodian key grant');
  }
}

async function verify(h: Harness, alertId: string, cookie: string): Promise<void> {
  const steps = [['received', 'acknowledged'], ['acknowledged', 'in-verification'], ['in-verification', 'verified']] as const;
  for (const [expectedFrom, to] of steps) {
    const json = { to, expectedFrom, reasonEnvelope: shapedEnvelope(PURPOSES.reason) };
    await expectOk(await h.request('POST', ROUTES.staffTransitions(alertId), { json, cookie }), `transition to ${to}`);
  }
}

function packageGrant(forwardingId: string, org: WorldOrg): KeyGrant {
  return { objectType: 'forwarding', objectId: forwardingId, keyKind: 'package', keyVersion: 1, recipientType: 'organisation', recipientId: org.id, recipientKeyVersion: org.keyVersion, sealedKey: shapedSealed(PURPOSES.sealedKey) };
}

/** A real forwarding from the coalition to OCLEI with one package file, signed by the coalition's key. */
async function forwardToOclei(h: Harness, from: WorldOrg, to: WorldOrg, alertId: string, cookie: string): Promise<MatrixWorld['forwarding']> {
  const id = newId();
  const blobId = newId();
  await expectOk(await h.request('POST', FORWARDING_ROUTES.drafts, { json: { forwardingId: id, alertId, onwardOf: null }, cookie }), 'draft');
  await expectOk(await h.request('PUT', FORWARDING_ROUTES.fileChunk(id, blobId, 0), { body: chunk(), contentType: 'application/octet-stream', cookie }), 'package chunk');
  const packageEnvelope = shapedEnvelope(PURPOSES.forwardPackage, 1024);
  const statement: ForwardingStatement = {
    forwardingId: id,
    alertId,
    fromOrgId: from.id,
    toOrgId: to.id,
    toKeyVersion: to.keyVersion,
    packageSha256: toBase64Url(sha256(fromBase64Url(packageEnvelope))),
    attachmentBlobIds: [blobId],
    onwardOf: null,
    includesIdentity: false,
  };
  const signature = toBase64Url(signStatement(PURPOSES.forwardSignature, { ...statement, attachmentBlobIds: [blobId] }, from.keys.ed25519.privateKey));
  const json = {
    forwardingId: id,
    alertId,
    toOrgId: to.id,
    toKeyVersion: to.keyVersion,
    onwardOf: null,
    includesIdentity: false,
    packageEnvelope,
    signature,
    grants: [packageGrant(id, to), packageGrant(id, from)],
    files: [{ blobId, chunkCount: 1 }],
  };
  await expectOk(await h.request('POST', FORWARDING_ROUTES.forwardings, { json, cookie }), 'forward');
  return { id, blobId, packageEnvelope };
}

async function makePrincipals(w: World, orgs: Readonly<Record<OrgKey, WorldOrg>>): Promise<Principal[]> {
  const principals: Principal[] = [];
  const add = async (orgKey: OrgKey, role: Role) => {
    const member = await w.addMember(orgs[orgKey], role);
    principals.push({ name: `${orgKey}.${role}`, memberships: [{ orgKey, role }], userId: member.userId, member, cookie: await member.logIn() });
  };
  for (const orgKey of CSO_KEYS) for (const role of CSO_ROLES) await add(orgKey, role);
  await add('oclei', 'authority-liaison');
  await add('oclei', 'administrator');
  await add('media', 'journalist');
  // One person, two memberships: a coordinator's rights in one organisation must not carry to the other.
  const dual = await w.addMember(orgs.coalition, 'focal-point');
  await w.addMember(orgs.cso, 'coordinator', { user: dual });
  const dualMemberships = [{ orgKey: 'coalition', role: 'focal-point' }, { orgKey: 'cso', role: 'coordinator' }] as const;
  principals.push({ name: 'dual', memberships: dualMemberships, userId: dual.userId, member: dual, cookie: await dual.logIn() });
  // A staff account whose only membership was removed: signed in, member of nothing.
  const nobody = await w.addMember(orgs.media, 'journalist');
  const cookie = await nobody.logIn();
  await w.h.db.deleteFrom('memberships').where('user_id', '=', nobody.userId).execute();
  await w.h.db.deleteFrom('key_grants').where('recipient_id', '=', nobody.userId).execute();
  principals.push({ name: 'nobody', memberships: [], userId: nobody.userId, member: nobody, cookie });
  principals.push({ name: 'anonymous', memberships: [], userId: null, member: null, cookie: null });
  return principals;
}

export async function createMatrixWorld(h: Harness): Promise<MatrixWorld> {
  const world = await createWorld(h);
  const orgs: Record<OrgKey, WorldOrg> = {
    coalition: world.coalition,
    cso: await world.addOrg('cso', 'Réseau Plaidoyer Kayes'),
    oclei: await world.addOrg('authority', 'OCLEI'),
    media: await world.addOrg('media', 'Le Journal du Mali'),
  };
  const principals = await makePrincipals(world, orgs);
  const principal = (name: string): Principal => {
    const found = principals.find((p) => p.name === name);
    if (found === undefined) throw new Error(`no principal ${name}`);
    return found;
  };
  const objects = async (key: CsoKey) => makeCsoObjects(h, world, orgs[key], principal(`${key}.coordinator`), principal(`${key}.analyst`));
  const cso = { coalition: await objects('coalition'), cso: await objects('cso') };
  await holdCustodianKey(h, principals);
  const analystCookie = principal('coalition.analyst').cookie ?? '';
  await verify(h, cso.coalition.alertId, principal('coalition.coordinator').cookie ?? '');
  const forwarding = await forwardToOclei(h, orgs.coalition, orgs.oclei, cso.coalition.alertId, analystCookie);
  const draftId = newId();
  await expectOk(await h.request('POST', FORWARDING_ROUTES.drafts, { json: { forwardingId: draftId, alertId: cso.coalition.alertId, onwardOf: null }, cookie: analystCookie }), 'second draft');
  const forwardingSeers = (p: Principal) => isIn(p, 'coalition', CASE_ROLES) || isIn(p, 'oclei', ['authority-liaison']);
  const secrets: Secret[] = [
    ...csoSecrets('coalition', cso.coalition, forwarding),
    ...csoSecrets('cso', cso.cso, null),
    ...memberSecrets(principals),
    { what: 'forwarding id', value: forwarding.id, visibleTo: forwardingSeers },
    { what: 'package envelope', value: forwarding.packageEnvelope.slice(-48), visibleTo: forwardingSeers },
    { what: 'package file id', value: forwarding.blobId, visibleTo: forwardingSeers },
    { what: 'draft id', value: draftId, visibleTo: (p) => p.name === 'coalition.analyst' },
  ];
  return { h, world, orgs, principals, cso, forwarding, draftId, secrets, principal };
}
