/** Identity requests, signed audit checkpoints and retention. */
export type CustodyRepos = Record<never, never>;
