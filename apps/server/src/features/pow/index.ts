/** Proof of work: the address-free brake on floods (DESIGN §3). */
export { derivePowKey, issueChallenge, verifySolution, POW_CHALLENGE_TTL_SECONDS, POW_CHALLENGE_BYTES } from './pow-challenge.ts';
export type { PowKey, VerifiedPow } from './pow-challenge.ts';
export { difficultyFor, POW_LOAD_STEP, POW_LOAD_WINDOW_SECONDS } from './difficulty.ts';
export { createPowService } from './pow-service.ts';
export type { PowLedger, PowService } from './pow-service.ts';
