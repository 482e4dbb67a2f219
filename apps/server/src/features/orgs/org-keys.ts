/**
 * Organisation keys (DESIGN §3): "only an existing member's browser can grant the
 * organisation key". The server stores what browsers sealed and checks who it is for:
 *
 * - the first key version (from 0) is made by any key-holding member's browser, sealed to
 *   themself and wrapped under a new printed organisation recovery key;
 * - a rotation (current + 1) may only be made by a member holding the current version, sealed
 *   to key-holding members and to a new recovery key; old versions' grants stay, so old data
 *   stays readable (never rewritten);
 * - a grant hands one version to a key-holding member, from a member who holds that version,
 *   or from the recipient themself when they hold none (restoring with the recovery key).
 *
 * SECURITY: every grant must be addressed to a current member with a key-holding role, at
 * their current user key version, for an existing version of this organisation's key, so a
 * key holder cannot be tricked (nor a curious operator's request slipped through) into sealing
 * the key to a removed member, an administrator or a focal point.
 */
import { isValidEd25519PublicKey, isValidX25519PublicKey } from '@kenekanko/crypto';
import type { KeyGrant, KeyMember, NewOrgKeysRequest, OrgKeysView } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import { decodeBase64Url } from '../shared/decode.ts';
import { newId } from '../shared/ids.ts';
import type { GrantRecord } from '../shared/records.ts';
import type { Storage } from '../shared/storage.ts';
import { accessOf, isKeyRole, requireKeyHolderRole } from './access.ts';
import type { MemberRecord, OrgRecord, OrgsDeps } from './ports.ts';

/** Key-holding members, one entry per person (with all their key-holding roles). */
function keyMembers(members: readonly MemberRecord[]): Map<string, KeyMember> {
  const byUser = new Map<string, KeyMember>();
  for (const m of members) {
    if (!isKeyRole(m.role)) continue;
    const known = byUser.get(m.userId);
    byUser.set(m.userId, {
      userId: m.userId,
      login: m.login,
      roles: [...(known?.roles ?? []), m.role],
      x25519Public: m.x25519Public,
      ed25519Public: m.ed25519Public,
      userKeyVersion: m.userKeyVersion,
    });
  }
  return byUser;
}

async function orgOrNotFound(repos: OrgsDeps, orgId: string, lock: boolean): Promise<OrgRecord> {
  const org = lock ? await repos.orgs.lockOrganisation(orgId) : await repos.orgs.findOrganisation(orgId);
  if (org === undefined) throw new AppError('not-found');
  return org;
}

export async function orgKeysView(repos: OrgsDeps, userId: string, orgId: string): Promise<OrgKeysView> {
  requireKeyHolderRole(await accessOf(repos.accounts, userId), orgId);
  const org = await orgOrNotFound(repos, orgId, false);
  const [members, current, mine, recovery] = await Promise.all([
    repos.orgs.membersOf(orgId),
    repos.orgs.orgGrants(orgId, { recipientType: 'user', keyVersion: org.keyVersion }),
    repos.orgs.orgGrants(orgId, { recipientType: 'user', recipientId: userId }),
    repos.orgs.orgGrants(orgId, { recipientType: 'recovery', keyVersion: org.keyVersion }),
  ]);
  const holderIds = new Set(current.map((g) => g.recipientId));
  const people = [...keyMembers(members).values()];
  const hasKeys = org.keyVersion > 0;
  return {
    orgId,
    orgName: org.name,
    orgKind: org.kind,
    keyVersion: org.keyVersion,
    x25519Public: hasKeys ? org.x25519Public : null,
    ed25519Public: hasKeys ? org.ed25519Public : null,
    myGrants: mine.map(stripId),
    recoveryGrant: recovery[0] === undefined ? null : stripId(recovery[0]),
    waiting: hasKeys ? people.filter((p) => !holderIds.has(p.userId)) : people,
    holders: people.filter((p) => holderIds.has(p.userId)),
  };
}

const stripId = ({ id: _id, ...grant }: GrantRecord): KeyGrant => grant;

/** Checks one grant of `orgId`'s key `keyVersion` to a key-holding member (or its recovery key). */
function checkGrant(grant: KeyGrant, orgId: string, keyVersion: number, members: ReadonlyMap<string, KeyMember>, field: string): void {
  const sameKey = grant.objectType === 'organisation' && grant.objectId === orgId && grant.keyKind === 'organisation' && grant.keyVersion === keyVersion;
  const member = grant.recipientType === 'user' ? members.get(grant.recipientId) : undefined;
  const toMember = member !== undefined && grant.recipientKeyVersion === member.userKeyVersion;
  const toRecovery = grant.recipientType === 'recovery' && grant.recipientId === orgId && grant.recipientKeyVersion === 1;
  if (!sameKey || !(toMember || toRecovery)) throw new AppError('validation-failed', { issues: [field] });
}

function checkNewKeyGrants(request: NewOrgKeysRequest, orgId: string, callerId: string, members: ReadonlyMap<string, KeyMember>): readonly GrantRecord[] {
  const seen = new Set<string>();
  request.grants.forEach((grant, i) => {
    checkGrant(grant, orgId, request.keyVersion, members, `grants.${i}`);
    const recipient = `${grant.recipientType}:${grant.recipientId}`;
    if (seen.has(recipient)) throw new AppError('validation-failed', { issues: [`grants.${i}`] });
    seen.add(recipient);
  });
  // SECURITY: never a key version nobody can open again: the maker holds it and so does the recovery key.
  if (!seen.has(`user:${callerId}`) || !seen.has(`recovery:${orgId}`)) throw new AppError('validation-failed', { issues: ['grants'] });
  return request.grants.map((g) => ({ ...g, id: newId() }));
}

function checkPublicKeys(request: NewOrgKeysRequest): void {
  if (!isValidX25519PublicKey(decodeBase64Url(request.x25519Public, 'x25519Public'))) throw new AppError('validation-failed', { issues: ['x25519Public'] });
  if (!isValidEd25519PublicKey(decodeBase64Url(request.ed25519Public, 'ed25519Public'))) throw new AppError('validation-failed', { issues: ['ed25519Public'] });
}

async function holds(repos: OrgsDeps, orgId: string, userId: string, keyVersion: number): Promise<boolean> {
  return (await repos.orgs.orgGrants(orgId, { recipientType: 'user', recipientId: userId, keyVersion })).length > 0;
}

/** The first key version or a rotation; effective for new alerts once the coalition signs the directory. */
export async function newOrgKeys(storage: Storage<OrgsDeps>, userId: string, orgId: string, request: NewOrgKeysRequest, now: Date): Promise<{ keyVersion: number }> {
  checkPublicKeys(request);
  return storage.transaction(async (repos) => {
    requireKeyHolderRole(await accessOf(repos.accounts, userId), orgId);
    const org = await orgOrNotFound(repos, orgId, true);
    if (request.keyVersion !== org.keyVersion + 1) throw new AppError('org-keys-exist');
    // SECURITY: a newcomer who does not hold the key cannot replace it with one of their own.
    if (org.keyVersion > 0 && !(await holds(repos, orgId, userId, org.keyVersion))) throw new AppError('org-key-required');
    const grants = checkNewKeyGrants(request, orgId, userId, keyMembers(await repos.orgs.membersOf(orgId)));
    const replaced = await repos.orgs.replaceKeys(orgId, org.keyVersion, { x25519Public: request.x25519Public, ed25519Public: request.ed25519Public, keyVersion: request.keyVersion });
    if (!replaced) throw new AppError('org-keys-exist');
    await repos.orgs.putGrants(grants, now);
    await repos.audit.append(
      {
        actorId: userId,
        action: org.keyVersion === 0 ? 'create-org-keys' : 'rotate-org-key',
        objectType: 'organisation',
        objectId: orgId,
        details: { keyVersion: request.keyVersion, members: grants.filter((g) => g.recipientType === 'user').length },
      },
      now,
    );
    return { keyVersion: request.keyVersion };
  });
}

/** One version of the organisation key for one key-holding member. */
export async function grantOrgKey(storage: Storage<OrgsDeps>, userId: string, orgId: string, grant: KeyGrant, now: Date): Promise<void> {
  await storage.transaction(async (repos) => {
    requireKeyHolderRole(await accessOf(repos.accounts, userId), orgId);
    const org = await orgOrNotFound(repos, orgId, true);
    if (grant.keyVersion < 1 || grant.keyVersion > org.keyVersion || grant.recipientType !== 'user') throw new AppError('validation-failed', { issues: ['grant'] });
    checkGrant(grant, orgId, grant.keyVersion, keyMembers(await repos.orgs.membersOf(orgId)), 'grant');
    const selfRestore = grant.recipientId === userId;
    const callerHolds = await holds(repos, orgId, userId, grant.keyVersion);
    // A member who holds the version grants it; a member without it may only seal to themself
    // what they opened with the recovery key (a wrong key only locks themself out).
    if (selfRestore ? callerHolds : !callerHolds) throw new AppError(selfRestore ? 'conflict' : 'org-key-required');
    await repos.orgs.putGrants([{ ...grant, id: newId() }], now);
    await repos.audit.append(
      { actorId: userId, action: 'grant-org-key', objectType: 'organisation', objectId: orgId, details: { userId: grant.recipientId, keyVersion: grant.keyVersion, recovery: selfRestore } },
      now,
    );
  });
}
