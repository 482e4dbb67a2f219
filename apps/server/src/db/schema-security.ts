/** Tables of Second factor (TOTP) and account recovery (migration 0003-second-factor). */
export type SecurityTables = Record<never, never>;
