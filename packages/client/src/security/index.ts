/** Client side of the second factor (TOTP) and account recovery with the printed recovery key. */
export {
  confirmTotpEnrolment,
  listSecurityUsers,
  MAX_CODE_ATTEMPTS,
  resetSecondFactor,
  secondFactorStatus,
  startTotpEnrolment,
  withSecondFactor,
} from './second-factor.ts';
export type { AskCode, SecondFactorInput } from './second-factor.ts';
export { recoverAccount } from './recovery.ts';
export type { RecoverAccountInput, RecoverAccountResult } from './recovery.ts';
