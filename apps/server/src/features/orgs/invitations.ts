/**
 * Invitations: an administrator invites someone to an organisation with a role; the server
 * answers a one-time code ONCE, which the administrator hands over (the invitee opens
 * desk.html#invite=<code>). The invitee's browser makes their keys and account, or an
 * existing account accepts it as one more membership.
 *
 * SECURITY: only SHA-256(code) is stored, so a database copy cannot be used to join; the code
 * expires after INVITATION_DAYS and is used once (the row is locked while it is used). An
 * invitation grants a membership, never a key: the organisation key comes later from an
 * existing member's browser, after a fingerprint check (org-keys.ts). The account that created
 * an invitation can never accept or join it.
 */
import { hashLoginKey, isValidEd25519PublicKey, isValidX25519PublicKey, randomBytes, sha256, toBase64Url, USER_SALT_LENGTH } from '@kenekanko/crypto';
import type { AcceptInvitationRequest, InvitationView, InviteRequest, InviteResponse, NewUser, OrganisationKind, Role } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import { decodeBase64Url } from '../shared/decode.ts';
import { newId } from '../shared/ids.ts';
import type { UserRecord } from '../shared/records.ts';
import type { Storage } from '../shared/storage.ts';
import { addSeconds } from '../shared/time.ts';
import { accessOf, requireOrgAdministrator } from './access.ts';
import type { InvitationRecord, OrgsDeps } from './ports.ts';

export const INVITATION_DAYS = 7;
export const INVITATION_CODE_BYTES = 32;

/** The roles an organisation of each kind can have (an authority has liaisons, a medium journalists). */
export const ROLES_BY_KIND: Readonly<Record<OrganisationKind, readonly Role[]>> = {
  coalition: ['administrator', 'coordinator', 'analyst', 'focal-point', 'custodian'],
  cso: ['administrator', 'coordinator', 'analyst', 'focal-point'],
  authority: ['administrator', 'authority-liaison'],
  media: ['administrator', 'journalist'],
};

export const invitationCodeHash = (code: string): string => toBase64Url(sha256(decodeBase64Url(code, 'code')));

export async function invite(storage: Storage<OrgsDeps>, userId: string, orgId: string, request: InviteRequest, now: Date): Promise<InviteResponse> {
  return storage.transaction(async (repos) => {
    requireOrgAdministrator(await accessOf(repos.accounts, userId), orgId);
    const org = await repos.orgs.findOrganisation(orgId);
    if (org === undefined) throw new AppError('not-found');
    if (!ROLES_BY_KIND[org.kind].includes(request.role)) throw new AppError('validation-failed', { issues: ['role'] });
    const code = toBase64Url(randomBytes(INVITATION_CODE_BYTES));
    const invitation: InvitationRecord = {
      id: newId(),
      codeHash: invitationCodeHash(code),
      orgId,
      role: request.role,
      login: request.login ?? null,
      createdBy: userId,
      expiresAt: addSeconds(now, INVITATION_DAYS * 24 * 3600),
      usedAt: null,
    };
    await repos.invitations.insertInvitation(invitation, now);
    await repos.audit.append(
      { actorId: userId, action: 'invite', objectType: 'invitation', objectId: invitation.id, details: { orgId, role: request.role, namedLogin: request.login !== undefined } },
      now,
    );
    return { invitationId: invitation.id, code, expiresAt: invitation.expiresAt.toISOString() };
  });
}

async function usableInvitation(repos: OrgsDeps, code: string, now: Date, lock: boolean): Promise<InvitationRecord> {
  const invitation = await repos.invitations.findInvitation(invitationCodeHash(code), lock);
  if (invitation === undefined || invitation.usedAt !== null || invitation.expiresAt <= now) throw new AppError('invitation-invalid');
  return invitation;
}

/** What the invitee's page shows before they choose a login and password. */
export async function lookUpInvitation(repos: OrgsDeps, code: string, now: Date): Promise<InvitationView> {
  const invitation = await usableInvitation(repos, code, now, false);
  const org = await repos.orgs.findOrganisation(invitation.orgId);
  if (org === undefined) throw new AppError('invitation-invalid');
  return { orgId: org.id, orgName: org.name, orgKind: org.kind, role: invitation.role, login: invitation.login, expiresAt: invitation.expiresAt.toISOString() };
}

function newUserRecord(user: NewUser): UserRecord {
  if (decodeBase64Url(user.salt, 'user.salt').length !== USER_SALT_LENGTH) throw new AppError('validation-failed', { issues: ['user.salt'] });
  if (!isValidX25519PublicKey(decodeBase64Url(user.x25519Public, 'user.x25519Public'))) throw new AppError('validation-failed', { issues: ['user.x25519Public'] });
  if (!isValidEd25519PublicKey(decodeBase64Url(user.ed25519Public, 'user.ed25519Public'))) throw new AppError('validation-failed', { issues: ['user.ed25519Public'] });
  return {
    id: user.userId,
    login: user.login,
    salt: user.salt,
    loginKeyHash: toBase64Url(hashLoginKey(decodeBase64Url(user.loginKey, 'user.loginKey'))),
    x25519Public: user.x25519Public,
    ed25519Public: user.ed25519Public,
    keyVersion: 1,
    wrappedKeys: user.wrappedKeys,
    recoveryWrappedKeys: user.recoveryWrappedKeys,
    disabled: false,
  };
}

type Joined = { readonly userId: string; readonly orgId: string; readonly role: Role };

async function addMembership(repos: OrgsDeps, invitation: InvitationRecord, userId: string, now: Date): Promise<Joined> {
  // SECURITY: invitations are the only way to a membership, and nobody uses their own: an
  // administrator (who holds no content key) cannot make themselves coordinator, custodian or
  // liaison; a second person has to invite them.
  if (invitation.createdBy === userId) throw new AppError('invitation-own');
  const memberships = await repos.accounts.membershipsOf(userId);
  if (memberships.some((m) => m.orgId === invitation.orgId && m.role === invitation.role)) throw new AppError('already-member');
  await repos.orgs.insertMembership({ id: newId(), userId, orgId: invitation.orgId, role: invitation.role }, now);
  await repos.invitations.markUsed(invitation.id, userId, now);
  await repos.audit.append({ actorId: userId, action: 'join', objectType: 'invitation', objectId: invitation.id, details: { orgId: invitation.orgId, role: invitation.role } }, now);
  return { userId, orgId: invitation.orgId, role: invitation.role };
}

/** A new account, made by the invitee's browser (keys wrapped under their password and a printed recovery key). */
export async function acceptInvitation(storage: Storage<OrgsDeps>, request: AcceptInvitationRequest, now: Date): Promise<Joined> {
  const user = newUserRecord(request.user);
  return storage.transaction(async (repos) => {
    const invitation = await usableInvitation(repos, request.code, now, true);
    if (invitation.login !== null && invitation.login !== user.login) throw new AppError('invitation-other-login');
    if ((await repos.accounts.userByLogin(user.login)) !== undefined || (await repos.accounts.userById(user.id)) !== undefined) throw new AppError('login-taken');
    await repos.userWrites.insertUser(user, now);
    return addMembership(repos, invitation, user.id, now);
  });
}

/** A signed-in account accepts an invitation: one more membership, same keys. */
export async function joinWithInvitation(storage: Storage<OrgsDeps>, userId: string, code: string, now: Date): Promise<Joined> {
  return storage.transaction(async (repos) => {
    const invitation = await usableInvitation(repos, code, now, true);
    const user = await repos.accounts.userById(userId);
    if (user === undefined) throw new AppError('unauthenticated');
    if (invitation.login !== null && invitation.login !== user.login) throw new AppError('invitation-other-login');
    return addMembership(repos, invitation, userId, now);
  });
}
