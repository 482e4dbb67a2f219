/**
 * Who may see and act on a forwarding. The recipient organisation's liaisons (authority
 * liaison, journalist) see only what was forwarded to them and are the only ones who record
 * its follow-up; the sending organisation's key holders see what they sent and each step.
 * Anyone else gets 'not-found', so a forwarding's existence is not confirmed to them.
 */
import { CONTENT_ROLES, LIAISON_ROLES, ORG_KEY_ROLES } from '@kenekanko/contracts';
import type { Role } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { AccountRepo } from '../accounts/index.ts';
import type { ForwardingRecord } from './ports.ts';

export type Side = 'recipient' | 'sender';

export type RolesByOrg = ReadonlyMap<string, readonly Role[]>;

export async function rolesByOrg(accounts: AccountRepo, userId: string): Promise<RolesByOrg> {
  const out = new Map<string, Role[]>();
  for (const m of await accounts.membershipsOf(userId)) out.set(m.orgId, [...(out.get(m.orgId) ?? []), m.role]);
  return out;
}

export function hasRole(roles: RolesByOrg, orgId: string, allowed: readonly Role[]): boolean {
  return (roles.get(orgId) ?? []).some((role) => allowed.includes(role));
}

/** Organisations in which the user receives forwarded cases. */
export function liaisonOrgIds(roles: RolesByOrg): readonly string[] {
  return [...roles.keys()].filter((orgId) => hasRole(roles, orgId, LIAISON_ROLES));
}

/** The user's side of a forwarding, or 'not-found' when they have none. */
export function sideOf(roles: RolesByOrg, forwarding: ForwardingRecord): Side {
  if (hasRole(roles, forwarding.toOrgId, LIAISON_ROLES)) return 'recipient';
  if (hasRole(roles, forwarding.fromOrgId, ORG_KEY_ROLES)) return 'sender';
  throw new AppError('not-found');
}

/** The organisation whose grant of the package key this side opens. */
export const viewerOrgId = (side: Side, forwarding: ForwardingRecord): string => (side === 'recipient' ? forwarding.toOrgId : forwarding.fromOrgId);

/** SECURITY: only the recipient's liaisons record what was done; the sender may look, not act. */
export function assertRecipient(side: Side): void {
  if (side !== 'recipient') throw new AppError('forbidden');
}

/** Analysts and coordinators of the alert's organisation forward its cases. */
export function canForwardFromAlert(roles: RolesByOrg, alertOrgId: string): boolean {
  return hasRole(roles, alertOrgId, CONTENT_ROLES);
}
