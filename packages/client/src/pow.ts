/**
 * Proof of work for opening a submission (abuse control without addresses, DESIGN §3).
 * A challenge is used once; when the server refuses a solution (expired or spent), a fresh
 * challenge is fetched and solved.
 */
import { fromBase64Url, solvePow, toBase64Url } from '@kenekanko/crypto';
import type { OpenSubmissionRequest, PowChallenge } from '@kenekanko/contracts';
import type { IntakeApi } from './intake-api-client.ts';

export type PowSolution = OpenSubmissionRequest['pow'];

export async function solveChallenge(challenge: PowChallenge): Promise<PowSolution> {
  const nonce = await solvePow(fromBase64Url(challenge.challenge), challenge.bits);
  return { challenge: challenge.challenge, nonce: toBase64Url(nonce) };
}

export type PowSource = {
  /** The solution in hand (solving the first challenge on first use). */
  readonly current: () => Promise<PowSolution>;
  /** Fetches and solves a new challenge, for when the server refused the current one. */
  readonly fresh: () => Promise<PowSolution>;
};

export function createPowSource(api: Pick<IntakeApi, 'pow'>, first: PowChallenge | null, onSolving?: () => void): PowSource {
  let solution: PowSolution | null = null;
  const solve = async (challenge: PowChallenge): Promise<PowSolution> => {
    onSolving?.();
    solution = await solveChallenge(challenge);
    return solution;
  };
  return {
    current: async () => solution ?? solve(first ?? (await api.pow())),
    fresh: async () => solve(await api.pow()),
  };
}
