/**
 * Who may do what with organisations. An administrator membership in the coalition
 * administers the whole platform; elsewhere an administrator administers only its own
 * organisation. Key holders are members with a role of ORG_KEY_ROLES.
 *
 * SECURITY: someone who is not a member of an organisation (nor a platform administrator)
 * gets 'not-found' for it, so the answer does not confirm that it exists; a member asking
 * beyond their role gets 'forbidden'.
 */
import { ORG_KEY_ROLES } from '@kenekanko/contracts';
import type { Role } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { AccountRepo, MembershipView } from '../accounts/index.ts';

export type Access = {
  readonly userId: string;
  readonly memberships: readonly MembershipView[];
  readonly platformAdministrator: boolean;
};

export async function accessOf(accounts: AccountRepo, userId: string): Promise<Access> {
  const memberships = await accounts.membershipsOf(userId);
  const platformAdministrator = memberships.some((m) => m.orgKind === 'coalition' && m.role === 'administrator');
  return { userId, memberships, platformAdministrator };
}

export const rolesIn = (access: Access, orgId: string): readonly Role[] => access.memberships.filter((m) => m.orgId === orgId).map((m) => m.role);

export const isKeyRole = (role: Role): boolean => ORG_KEY_ROLES.includes(role);

export function requirePlatformAdministrator(access: Access): void {
  if (!access.platformAdministrator) throw new AppError('forbidden');
}

/** Not a member: not-found. A member without one of `roles`: forbidden. Platform administrators pass when `admins`. */
export function requireRoleIn(access: Access, orgId: string, roles: readonly Role[], admins: boolean): void {
  if (admins && access.platformAdministrator) return;
  const mine = rolesIn(access, orgId);
  if (mine.length === 0) throw new AppError('not-found');
  if (!mine.some((role) => roles.includes(role))) throw new AppError('forbidden');
}

export const requireOrgAdministrator = (access: Access, orgId: string): void => requireRoleIn(access, orgId, ['administrator'], true);

export const requireKeyHolderRole = (access: Access, orgId: string): void => requireRoleIn(access, orgId, ORG_KEY_ROLES, false);

export function requireCoalitionCoordinator(access: Access): string {
  const membership = access.memberships.find((m) => m.orgKind === 'coalition' && m.role === 'coordinator');
  if (membership === undefined) throw new AppError('forbidden');
  return membership.orgId;
}
