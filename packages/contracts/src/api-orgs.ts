/** HTTP schemas and routes: Organisations, memberships, invitations, organisation keys and the signed key directory (issue 3). */
export {};
