/** Tables of Identity requests, signed audit checkpoints and retention (migration 0006-custody-audit-retention). */
export type CustodyTables = Record<never, never>;
