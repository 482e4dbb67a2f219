/**
 * The signed key directory (DESIGN §3): a recipient organisation, new organisation keys, a
 * rename or a change of routing take effect only once the coalition signing key, held in
 * coordinators' browsers, has signed a new directory version. The server cannot sign; it
 * shows a signer what is waiting and refuses any signed version that does not verify
 * against the pinned coalition key or does not match what it holds.
 *
 * SECURITY: an administrator can create organisations and propose routing, but only a
 * coalition coordinator's browser holding the signing key can make either effective; and
 * the server checks the next version keeps the deployment salt and the custodian key, so a
 * signer tricked into signing cannot lock reporters out or redirect identities.
 */
import { DirectoryBodySchema } from '@kenekanko/contracts';
import type { DirectoryBody, DirectoryPendingView, KeyGrant, SignedDocument } from '@kenekanko/contracts';
import { PURPOSES } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { decodeBase64Url } from '../shared/decode.ts';
import { newId } from '../shared/ids.ts';
import { SETTING_KEYS } from '../shared/records.ts';
import type { Storage } from '../shared/storage.ts';
import { verifySignedDocument } from '../setup/signed-documents.ts';
import { accessOf, requireCoalitionCoordinator, requirePlatformAdministrator } from './access.ts';
import { latestDirectoryBody } from './organisations.ts';
import type { OrgRecord, OrgsDeps } from './ports.ts';

/** Kinds an alert may be routed to: a desk that verifies, never straight to an authority or a medium. */
const ROUTABLE_KINDS: readonly string[] = ['coalition', 'cso'];

const listed = (org: OrgRecord): DirectoryBody['organisations'][number] => ({
  id: org.id,
  kind: org.kind,
  name: org.name,
  x25519Public: org.x25519Public,
  ed25519Public: org.ed25519Public,
  keyVersion: org.keyVersion,
});

async function coalitionKey(repos: OrgsDeps): Promise<string> {
  const key = await repos.directory.setting(SETTING_KEYS.coalitionSigningPublic);
  if (key === undefined) throw new AppError('not-set-up');
  return key;
}

async function proposedRouting(repos: OrgsDeps, latest: DirectoryBody): Promise<string> {
  return (await repos.directory.setting(SETTING_KEYS.routingProposed)) ?? latest.routing.defaultOrgId;
}

export async function pendingDirectory(repos: OrgsDeps, userId: string): Promise<DirectoryPendingView> {
  const coalitionOrgId = requireCoalitionCoordinator(await accessOf(repos.accounts, userId));
  const latestDoc = await repos.directory.latestDirectory();
  if (latestDoc === undefined) throw new AppError('not-set-up');
  const latest = await latestDirectoryBody(repos.directory);
  const [orgs, signingGrants, members, coalitionSigningPublic] = await Promise.all([
    repos.orgs.listOrganisations(),
    repos.orgs.coalitionSigningGrants(coalitionOrgId),
    repos.orgs.membersOf(coalitionOrgId),
    coalitionKey(repos),
  ]);
  const holders = new Set(signingGrants.filter((g) => g.recipientType === 'user').map((g) => g.recipientId));
  const mine = signingGrants.find((g) => g.recipientType === 'user' && g.recipientId === userId);
  const signersWaiting = members
    .filter((m) => m.role === 'coordinator' && !holders.has(m.userId))
    .map((m) => ({ userId: m.userId, login: m.login, x25519Public: m.x25519Public, ed25519Public: m.ed25519Public, userKeyVersion: m.userKeyVersion }));
  return {
    coalitionOrgId,
    coalitionSigningPublic,
    latest: { version: latestDoc.version, document: { body: latestDoc.body, signature: latestDoc.signature } },
    signingGrant: mine === undefined ? null : stripId(mine),
    organisations: orgs.filter((o) => o.keyVersion > 0).map(listed),
    routing: { defaultOrgId: await proposedRouting(repos, latest.body) },
    signersWaiting,
  };
}

const stripId = ({ id: _id, ...grant }: KeyGrant & { readonly id: string }): KeyGrant => grant;

function mismatch(issue: string): never {
  throw new AppError('directory-mismatch', { issues: [issue] });
}

function checkOrganisations(body: DirectoryBody, orgs: readonly OrgRecord[]): void {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const seen = new Set<string>();
  body.organisations.forEach((entry, i) => {
    const org = byId.get(entry.id);
    const expected = org === undefined || org.keyVersion === 0 ? undefined : listed(org);
    const same =
      expected !== undefined &&
      !seen.has(entry.id) &&
      (Object.keys(expected) as (keyof typeof expected)[]).every((key) => expected[key] === entry[key]);
    if (!same) mismatch(`directory.body.organisations.${i}`);
    seen.add(entry.id);
  });
}

/** Stores the next directory version, signed in a coalition coordinator's browser. */
export async function signDirectory(storage: Storage<OrgsDeps>, userId: string, document: SignedDocument, now: Date): Promise<{ version: number }> {
  return storage.transaction(async (repos) => {
    requireCoalitionCoordinator(await accessOf(repos.accounts, userId));
    const key = decodeBase64Url(await coalitionKey(repos), 'coalitionSigningPublic');
    const body = verifySignedDocument(PURPOSES.directory, document, key, DirectoryBodySchema, 'directory');
    const latest = await latestDirectoryBody(repos.directory);
    if (body.version !== latest.version + 1) throw new AppError('directory-outdated');
    if (body.deploymentSalt !== latest.body.deploymentSalt) mismatch('directory.body.deploymentSalt');
    if (body.custodian.x25519Public !== latest.body.custodian.x25519Public || body.custodian.keyVersion !== latest.body.custodian.keyVersion) {
      mismatch('directory.body.custodian');
    }
    const orgs = await repos.orgs.listOrganisations();
    checkOrganisations(body, orgs);
    const routed = body.organisations.find((o) => o.id === body.routing.defaultOrgId);
    const routingOk = routed !== undefined && ROUTABLE_KINDS.includes(routed.kind) && body.routing.defaultOrgId === (await proposedRouting(repos, latest.body));
    if (!routingOk) mismatch('directory.body.routing.defaultOrgId');
    await repos.directoryWrites.insertDirectory({ version: body.version, body: document.body, signature: document.signature }, now);
    await repos.audit.append(
      { actorId: userId, action: 'sign-directory', objectType: 'directory', objectId: null, details: { version: body.version, organisations: body.organisations.length } },
      now,
    );
    return { version: body.version };
  });
}

/** An administrator proposes where new alerts go; a coalition coordinator's signature makes it effective. */
export async function proposeRouting(storage: Storage<OrgsDeps>, userId: string, defaultOrgId: string, now: Date): Promise<void> {
  await storage.transaction(async (repos) => {
    requirePlatformAdministrator(await accessOf(repos.accounts, userId));
    const org = await repos.orgs.findOrganisation(defaultOrgId);
    if (org === undefined || org.keyVersion === 0 || !ROUTABLE_KINDS.includes(org.kind)) throw new AppError('validation-failed', { issues: ['defaultOrgId'] });
    await repos.directoryWrites.putSetting(SETTING_KEYS.routingProposed, defaultOrgId);
    await repos.audit.append({ actorId: userId, action: 'propose-routing', objectType: 'directory', objectId: defaultOrgId, details: {} }, now);
  });
}

/** A coalition coordinator holding the signing key seals it to another coalition coordinator. */
export async function grantSigningKey(storage: Storage<OrgsDeps>, userId: string, grant: KeyGrant, now: Date): Promise<void> {
  await storage.transaction(async (repos) => {
    const coalitionOrgId = requireCoalitionCoordinator(await accessOf(repos.accounts, userId));
    const grants = await repos.orgs.coalitionSigningGrants(coalitionOrgId);
    const mine = grants.find((g) => g.recipientType === 'user' && g.recipientId === userId);
    if (mine === undefined) throw new AppError('org-key-required');
    const recipient = (await repos.orgs.membersOf(coalitionOrgId)).find((m) => m.role === 'coordinator' && m.userId === grant.recipientId);
    const fits =
      grant.objectType === 'coalition' &&
      grant.objectId === coalitionOrgId &&
      grant.keyKind === 'coalition-signing' &&
      grant.keyVersion === mine.keyVersion &&
      grant.recipientType === 'user' &&
      recipient !== undefined &&
      grant.recipientKeyVersion === recipient.userKeyVersion;
    if (!fits) throw new AppError('validation-failed', { issues: ['grant'] });
    await repos.orgs.putGrants([{ ...grant, id: newId() }], now);
    await repos.audit.append({ actorId: userId, action: 'grant-signing-key', objectType: 'user', objectId: grant.recipientId, details: { keyVersion: grant.keyVersion } }, now);
  });
}
