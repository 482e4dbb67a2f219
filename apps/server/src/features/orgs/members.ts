/**
 * Members of an organisation: listed for its administrators (and platform administrators) and
 * its coordinators; removed by its administrators. Removing a key holder deletes every
 * organisation key grant sealed to them (all versions) once they hold no other key-holding
 * role there; what they may have copied while a member is beyond recall, which is why the
 * desk then offers to rotate the organisation key (org-keys.ts).
 * The coalition's last administrator cannot be removed: nobody could then configure the
 * platform, invite anyone or add an administrator again.
 */
import type { MemberView } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { Storage } from '../shared/storage.ts';
import { accessOf, isKeyRole, requireOrgAdministrator, requireRoleIn } from './access.ts';
import type { OrgsDeps } from './ports.ts';

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
    const grantsRemoved = keepsKeyRole ? 0 : await repos.orgs.deleteUserOrgGrants(orgId, removed.userId);
    await repos.audit.append(
      { actorId: userId, action: 'remove-member', objectType: 'organisation', objectId: orgId, details: { userId: removed.userId, role: removed.role, grantsRemoved } },
      now,
    );
    return { grantsRemoved, rotationAdvised: grantsRemoved > 0 };
  });
}
