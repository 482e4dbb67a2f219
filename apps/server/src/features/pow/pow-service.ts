/**
 * Proof of work as the intake sees it: hand out a challenge at the current difficulty, and
 * spend a solution exactly once.
 */
import type { PowChallenge } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import { addSeconds, ceilToHour } from '../shared/time.ts';
import { difficultyFor, POW_LOAD_WINDOW_SECONDS } from './difficulty.ts';
import { issueChallenge, verifySolution } from './pow-challenge.ts';
import type { PowKey } from './pow-challenge.ts';

/** Port: the record of spent challenges (pow_challenges_used). */
export type PowLedger = {
  /** Records a spent challenge; false when it was already spent. */
  spend(challengeHash: string, keepUntil: Date): Promise<boolean>;
  /** Spent challenges still remembered at `now`, i.e. submissions opened in the load window. */
  countRemembered(now: Date): Promise<number>;
  /** Uploads opened and not yet finalized or expired: reservations someone may be hoarding. */
  countOpenUploads(now: Date): Promise<number>;
};

export type PowService = {
  challenge(now: Date): Promise<PowChallenge>;
  spend(solution: { readonly challenge: string; readonly nonce: string }, now: Date): Promise<void>;
};

export function createPowService(key: PowKey, baseBits: number, ledger: PowLedger): PowService {
  return {
    async challenge(now) {
      // SECURITY: cost, not a wall: holding many uploads open makes every next one dearer.
      const load = Math.max(await ledger.countRemembered(now), await ledger.countOpenUploads(now));
      return issueChallenge(key, difficultyFor(baseBits, load), now);
    },
    async spend(solution, now) {
      const verified = verifySolution(key, solution, now);
      const windowEnd = addSeconds(now, POW_LOAD_WINDOW_SECONDS);
      // SECURITY: to the hour, so the ledger does not date a reporter's submission to the second.
      const keepUntil = ceilToHour(verified.expiresAt > windowEnd ? verified.expiresAt : windowEnd);
      // SECURITY: a replayed solution would let one unit of work open many submissions.
      if (!(await ledger.spend(verified.challengeHash, keepUntil))) throw new AppError('pow-required');
    },
  };
}
