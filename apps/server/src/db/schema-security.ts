/** Tables of the second factor (TOTP) (migration 0003-second-factor). */
export type SecurityTables = {
  second_factors: SecondFactorsTable;
};

/**
 * SECURITY: secret_envelope is server-side encryption at rest (key from SECRETS_DIR, HKDF
 * purpose 'kenekanko/v1/totp-secret-key'): the server must check codes, so it can decrypt;
 * a dump of the database alone cannot (docs/threat-model.md says so plainly).
 */
export type SecondFactorsTable = {
  user_id: string;
  method: string; // SecondFactorMethod: 'totp'
  state: string; // 'pending' (enrolment started) | 'active'
  secret_envelope: string;
  last_step: number; // the last accepted TOTP step (unix seconds / 30); 0 before any
  failed_count: number; // wrong codes since the last accepted one
  created_at: string;
  enrolled_at: string | null;
};
