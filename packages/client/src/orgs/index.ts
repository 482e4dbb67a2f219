/**
 * Client side of organisations, memberships, invitations, organisation keys and the signed
 * key directory (issue 3): the functions the desk UI, the CLI and the tests share.
 */
export { acceptInvitation, invitationCodeFromFragment, invitationLink, inviteMember, joinInvitation, lookUpInvitation } from './invitations.ts';
export type { AcceptResult, Joined } from './invitations.ts';
export { addMaliPreset, createOrganisation, listMembers, listOrganisations, proposeRouting, removeMember, renameOrganisation } from './org-admin.ts';
export type { OrganisationList, RemovalResult } from './org-admin.ts';
export { createOrgKeys, grantOrgKey, publicKeysFingerprint, loadOrgKeys, myFingerprint, openOrgKeyVersions, restoreOrgKey, rotateOrgKey } from './org-keys.ts';
export { directoryChanges, grantSigningKey, loadPendingDirectory, signNextDirectory } from './directory.ts';
export type { DirectoryChange, PendingDirectory } from './directory.ts';
