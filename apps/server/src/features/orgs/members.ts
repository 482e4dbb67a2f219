/**
 * Members of an organisation: listed for its administrators (and platform administrators) and
 * its coordinators; removed by its administrators. Removing a key holder deletes every
 * organisation key grant sealed to them (all versions) once they hold no other key-holding
 * role there; what they may have copied while a member is beyond recall, which is why the
 * desk then offers to rotate the organisation key (org-keys.ts). Likewise the custodian key
 * grants go with a user's last custodian membership, and the coalition-signing key grants with
 * their last coalition coordinator membership (neither key can be rotated yet: docs/crypto.md).
 * The coalition's last administrator cannot be removed: nobody could then configure the
 * platform, invite anyone or add an administrator again.
 */
import type { MemberView, OrganisationKind } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { Storage } from '../shared/storage.ts';
import { accessOf, isKeyRole, requireOrgAdministrator, requireRoleIn } from './access.ts';
import type { MemberRecord, OrgsDeps } from './ports.ts';

export async function listMembers(repos: OrgsDeps, userId: string, orgId: string): Promise<{ members: MemberView[] }> {
  requireRoleIn(await accessOf(repos.accounts, userId), orgId, ['administrator', 'coordinator'], true);
  const org = await repos.orgs.findOrganisation(orgId);
  if (org === undefined) throw new AppError('not-found');
  const [members, grants] = await Promise.all([repos.orgs.membersOf(orgId), repos.orgs.orgGrants(orgId, { recipientType: 'user', keyVersion: org.keyVersion })]);
  const holders = new Set(grants.map((g) => g.recipientId));
  return {
    members: members.map((m) => ({ membershipId: m.membershipId, userId: m.userId, login: m.login, role: m.role, hasOrgKey: isKeyRole(m.role) && holders.has(m.userId) })),
  };
}

export type Removal = { readonly grantsRemoved: number; readonly rotationAdvised: boolean };

/** SECURITY: a custodian or coalition coordinator who leaves the role loses the key it came with. */
async function removeRoleGrants(repos: OrgsDeps, orgKind: OrganisationKind, removed: MemberRecord): Promise<number> {
  const remaining = await repos.accounts.membershipsOf(removed.userId);
  if (removed.role === 'custodian' && !remaining.some((m) => m.role === 'custodian')) return repos.orgs.deleteUserRoleGrants(removed.userId, 'custodian');
  const coalitionCoordinator = (m: { readonly orgKind: OrganisationKind; readonly role: string }): boolean => m.orgKind === 'coalition' && m.role === 'coordinator';
  if (coalitionCoordinator({ orgKind, role: removed.role }) && !remaining.some(coalitionCoordinator)) return repos.orgs.deleteUserRoleGrants(removed.userId, 'coalition-signing');
  return 0;
}

export async function removeMember(storage: Storage<OrgsDeps>, userId: string, orgId: string, membershipId: string, now: Date): Promise<Removal> {
  return storage.transaction(async (repos) => {
    requireOrgAdministrator(await accessOf(repos.accounts, userId), orgId);
    const org = await repos.orgs.lockOrganisation(orgId);
    if (org === undefined) throw new AppError('not-found');
    const members = await repos.orgs.membersOf(orgId);
    const removed = members.find((m) => m.membershipId === membershipId);
    if (removed === undefined) throw new AppError('not-found');
    const lastAdministrator = org.kind === 'coalition' && removed.role === 'administrator' && !members.some((m) => m.role === 'administrator' && m.membershipId !== membershipId);
    if (lastAdministrator) throw new AppError('last-administrator');
    await repos.orgs.deleteMembership(membershipId);
    const keepsKeyRole = members.some((m) => m.membershipId !== membershipId && m.userId === removed.userId && isKeyRole(m.role));
    const orgGrants = keepsKeyRole ? 0 : await repos.orgs.deleteUserOrgGrants(orgId, removed.userId);
    const grantsRemoved = orgGrants + (await removeRoleGrants(repos, org.kind, removed));
    await repos.audit.append(
      { actorId: userId, action: 'remove-member', objectType: 'organisation', objectId: orgId, details: { userId: removed.userId, role: removed.role, grantsRemoved } },
      now,
    );
    return { grantsRemoved, rotationAdvised: grantsRemoved > 0 };
  });
}
