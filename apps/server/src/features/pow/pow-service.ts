/**
 * Proof of work as the intake sees it: hand out a challenge at the current difficulty, and
 * spend a solution exactly once.
 */
import type { PowChallenge } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import { addSeconds } from '../shared/time.ts';
import { difficultyFor, POW_LOAD_WINDOW_SECONDS } from './difficulty.ts';
import { issueChallenge, verifySolution } from './pow-challenge.ts';
import type { PowKey } from './pow-challenge.ts';

/** Port: the record of spent challenges (pow_challenges_used). */
export type PowLedger = {
  /** Records a spent challenge; false when it was already spent. */
  spend(challengeHash: string, keepUntil: Date): Promise<boolean>;
  /** Spent challenges still remembered at `now`, i.e. submissions opened in the load window. */
  countRemembered(now: Date): Promise<number>;
};

export type PowService = {
  challenge(now: Date): Promise<PowChallenge>;
  spend(solution: { readonly challenge: string; readonly nonce: string }, now: Date): Promise<void>;
};

export function createPowService(key: PowKey, baseBits: number, ledger: PowLedger): PowService {
  return {
    async challenge(now) {
      return issueChallenge(key, difficultyFor(baseBits, await ledger.countRemembered(now)), now);
    },
    async spend(solution, now) {
      const verified = verifySolution(key, solution, now);
      const windowEnd = addSeconds(now, POW_LOAD_WINDOW_SECONDS);
      const keepUntil = verified.expiresAt > windowEnd ? verified.expiresAt : windowEnd;
      // SECURITY: a replayed solution would let one unit of work open many submissions.
      if (!(await ledger.spend(verified.challengeHash, keepUntil))) throw new AppError('pow-required');
    },
  };
}
