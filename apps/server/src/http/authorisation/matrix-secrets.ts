/**
 * What the authorisation matrix searches every answer for: the ids and envelope prefixes of
 * each CSO's case (alert, file, answers, identity, note, message, identity request), and the
 * login and user id of every member, each with who may see it. Visibility follows the design
 * (DESIGN §1, issue 3): case content to the organisation's coordinators and analysts; the
 * alert id also to the custodians (identity requests name it) and, once forwarded, to the
 * recipient; a member's login to their organisation and the coalition's administrators, to the
 * custodians for a requester, and to the forwarding CSO for the liaison who follows up.
 *
 * Only tests import this.
 */
import type { Role } from '@kenekanko/contracts';
import type { CsoKey, CsoObjects, MatrixWorld, OrgKey, Principal, Secret } from './matrix-world.ts';

/** A membership of `p` in `orgKey` (with one of `roles`, if given). */
export const isIn = (p: Principal, orgKey: OrgKey, roles?: readonly Role[]): boolean => p.memberships.some((m) => m.orgKey === orgKey && (roles === undefined || roles.includes(m.role)));
/** A membership of `p` anywhere with one of `roles`. */
export const hasRole = (p: Principal, ...roles: Role[]): boolean => p.memberships.some((m) => roles.includes(m.role));
export const CASE_ROLES: readonly Role[] = ['coordinator', 'analyst'];

// An envelope is searched for by its last 48 characters: the tag end, random in every envelope
// (its start is the purpose header, the same in all envelopes of one kind).
export function csoSecrets(key: CsoKey, o: CsoObjects, m: MatrixWorld['forwarding'] | null): Secret[] {
  const caseRoles = (p: Principal) => isIn(p, key, CASE_ROLES);
  const custodian = (p: Principal) => hasRole(p, 'custodian');
  // The forwarded alert's id travels with the forwarding to the OCLEI liaison.
  const alertSeers = (p: Principal) => caseRoles(p) || custodian(p) || (m !== null && isIn(p, 'oclei', ['authority-liaison']));
  return [
    { what: `${key} alert id`, value: o.alertId, visibleTo: alertSeers },
    { what: `${key} blob id`, value: o.blobId, visibleTo: caseRoles },
    { what: `${key} answers envelope`, value: o.answersEnvelope.slice(-48), visibleTo: caseRoles },
    { what: `${key} identity envelope`, value: o.identityEnvelope.slice(-48), visibleTo: (p) => p.name === `${key}.analyst` },
    { what: `${key} lookup token`, value: o.lookupToken, visibleTo: () => false },
    { what: `${key} note id`, value: o.noteId, visibleTo: caseRoles },
    { what: `${key} note envelope`, value: o.noteEnvelope.slice(-48), visibleTo: caseRoles },
    { what: `${key} message envelope`, value: o.messageEnvelope.slice(-48), visibleTo: caseRoles },
    { what: `${key} identity request id`, value: o.identityRequestId, visibleTo: (p) => caseRoles(p) || custodian(p) },
    { what: `${key} identity reason`, value: o.identityReason.slice(-48), visibleTo: custodian },
    { what: `${key} removable login`, value: o.removable.login, visibleTo: (p) => isIn(p, key) || isIn(p, 'coalition', ['administrator']) },
    { what: `${key} removable membership id`, value: o.removable.membershipId, visibleTo: (p) => isIn(p, key) || isIn(p, 'coalition', ['administrator']) },
    { what: `${key} resettable user id`, value: o.resettable.userId, visibleTo: (p) => isIn(p, key) || isIn(p, 'coalition', ['administrator']) },
    { what: `${key} resettable login`, value: o.resettable.login, visibleTo: (p) => isIn(p, key) || isIn(p, 'coalition', ['administrator']) },
  ];
}

export function memberSecrets(principals: readonly Principal[]): Secret[] {
  // The analysts who asked for an identity in the world (matrix-world.ts).
  const requesters = new Set(['coalition.analyst', 'cso.analyst']);
  return principals.flatMap((owner): Secret[] => {
    if (owner.member === null || owner.memberships.length === 0) return [];
    const visibleTo = (p: Principal) =>
      p.name === owner.name ||
      owner.memberships.some((m) => isIn(p, m.orgKey)) ||
      isIn(p, 'coalition', ['administrator']) ||
      // The custodians see who asked for an identity; the forwarding CSO sees the liaison's follow-up.
      (requesters.has(owner.name) && hasRole(p, 'custodian')) ||
      // Custodians hand the custodian key to each other, so they see one another.
      (hasRole(owner, 'custodian') && hasRole(p, 'custodian')) ||
      (owner.name === 'oclei.authority-liaison' && isIn(p, 'coalition', CASE_ROLES));
    return [
      { what: `login of ${owner.name}`, value: owner.member.login, visibleTo },
      { what: `user id of ${owner.name}`, value: owner.member.userId, visibleTo },
    ];
  });
}
