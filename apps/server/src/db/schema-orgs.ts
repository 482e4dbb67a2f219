/** Tables of Organisations, memberships, invitations, organisation keys and the signed key directory (migration 0002-organisations). */
export type OrgsTables = Record<never, never>;
