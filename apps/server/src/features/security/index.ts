/**
 * Second factor (TOTP) and account recovery (issue 3): enrolment, the code check at login and
 * recovery, the REQUIRE_SECOND_FACTOR policy, administrators' resets, and recovery with the
 * printed recovery key. Reached through this file only.
 */
export type { AdminScope, AdministeredUser, NewCredentials, SecondFactorRecord, SecondFactorRepo, SecondFactorState, SecurityAccountRepo, SecurityRepos } from './ports.ts';
export { deriveTotpKey, totpCode, totpStep, TOTP_PERIOD_SECONDS } from './totp.ts';
export type { TotpKey } from './totp.ts';
export {
  checkSecondFactor,
  confirmTotpEnrolment,
  enrolmentRequired,
  ENROLMENT_SECONDS,
  SECOND_FACTOR_THROTTLE,
  secondFactorStatus,
  startTotpEnrolment,
} from './second-factor.ts';
export type { CodeContext, SecondFactorRepos, SecurityDeps } from './second-factor.ts';
export { administeredUsers, resetSecondFactor } from './admin-reset.ts';
export type { AdminRepos } from './admin-reset.ts';
export { finishRecovery, recoveryStatement, RECOVERY_CHALLENGE_SECONDS, RECOVERY_THROTTLES, startRecovery } from './recovery.ts';
export type { RecoveryDeps, RecoveryRepos } from './recovery.ts';
