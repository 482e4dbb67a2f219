/** Forwarding verified cases to authorities and media, and following them to their outcome. */
export type ForwardingRepos = Record<never, never>;
