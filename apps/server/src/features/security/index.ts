/** Second factor (TOTP) and account recovery. */
export type SecurityRepos = Record<never, never>;
