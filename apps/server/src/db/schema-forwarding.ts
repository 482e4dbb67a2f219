/** Tables of Forwarding verified cases to authorities and media, and following them to their outcome (migration 0005-forwarding). */
export type ForwardingTables = Record<never, never>;
