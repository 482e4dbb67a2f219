/**
 * Organisations, memberships, invitations, organisation keys and the signed key directory
 * (issue 3). Domain rules only: the HTTP and database layers implement the ports in ports.ts.
 */
export type { InvitationRecord, InvitationRepo, MemberRecord, NewOrg, OrgKeys, OrgRecord, OrgRepo, OrgsDeps, OrgsRepos } from './ports.ts';
export { addMaliPreset, createOrganisation, keyStatusOf, latestDirectoryBody, listOrganisations, renameOrganisation } from './organisations.ts';
export { MALI_PRESET } from './mali-preset.ts';
export { acceptInvitation, invite, invitationCodeHash, INVITATION_DAYS, joinWithInvitation, lookUpInvitation, ROLES_BY_KIND } from './invitations.ts';
export { listMembers, removeMember } from './members.ts';
export type { Removal } from './members.ts';
export { grantOrgKey, newOrgKeys, orgKeysView } from './org-keys.ts';
export { orgKeyHistory } from './key-history.ts';
export { grantSigningKey, pendingDirectory, proposeRouting, signDirectory } from './directory.ts';
