/** Client side of: Second factor (TOTP) and account recovery. */
export {};
