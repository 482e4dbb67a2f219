/** Client side of: Organisations, memberships, invitations, organisation keys and the signed key directory. */
export {};
