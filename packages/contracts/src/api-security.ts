/** HTTP schemas and routes: Second factor (TOTP) and account recovery (issue 3). */
export {};
