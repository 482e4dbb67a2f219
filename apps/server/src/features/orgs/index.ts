/** Organisations, memberships, invitations, organisation keys and the signed key directory. */
export type OrgsRepos = Record<never, never>;
