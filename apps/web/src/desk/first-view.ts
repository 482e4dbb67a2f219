/**
 * The view a user lands on after logging in, chosen by the roles of all their memberships:
 * the alert inbox for those who verify alerts, else the page of what they actually do
 * (cases received for a liaison or journalist, identity requests for a custodian,
 * organisations for an administrator), so nobody starts on an inbox that is always empty.
 * The server still checks every request; this is only where the desk opens.
 */
import type { Role } from '@kenekanko/contracts';
import type { DeskView } from './desk-state.ts';

const FIRST_VIEWS: readonly { readonly roles: readonly Role[]; readonly view: DeskView }[] = [
  { roles: ['coordinator', 'analyst'], view: { name: 'inbox' } },
  { roles: ['authority-liaison', 'journalist'], view: { name: 'forwardings' } },
  { roles: ['custodian'], view: { name: 'custody' } },
  { roles: ['administrator'], view: { name: 'orgs' } },
  // field (issue 4): a focal point's page is recording alerts in the field.
  { roles: ['focal-point'], view: { name: 'field' } },
];

/** A user with none of these roles (no membership yet) lands on their account's security page. */
export function firstView(roles: readonly Role[]): DeskView {
  return FIRST_VIEWS.find((entry) => entry.roles.some((role) => roles.includes(role)))?.view ?? { name: 'security' };
}
