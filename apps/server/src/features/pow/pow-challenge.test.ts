import { describe, expect, it } from 'vitest';
import { fromBase64Url, randomBytes, solvePow, toBase64Url, verifyPow } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { derivePowKey, issueChallenge, POW_CHALLENGE_TTL_SECONDS, verifySolution } from './pow-challenge.ts';
import { difficultyFor, POW_LOAD_STEP } from './difficulty.ts';
import { createPowService } from './pow-service.ts';
import type { PowLedger } from './pow-service.ts';

const key = derivePowKey(randomBytes(32));
const now = new Date('2025-03-01T10:00:00Z');

async function solved(bits: number, at = now, k = key): Promise<{ challenge: string; nonce: string }> {
  const issued = issueChallenge(k, bits, at);
  const nonce = await solvePow(fromBase64Url(issued.challenge), issued.bits);
  return { challenge: issued.challenge, nonce: toBase64Url(nonce) };
}

function expectPowRequired(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('pow-required');
    return;
  }
  throw new Error('expected pow-required');
}

describe('proof-of-work challenges', () => {
  it('accepts a solved challenge before it expires', async () => {
    const solution = await solved(6);
    const verified = verifySolution(key, solution, new Date(now.getTime() + 60_000));
    expect(verified.expiresAt.getTime()).toBe(now.getTime() + POW_CHALLENGE_TTL_SECONDS * 1000);
    expect(verified.challengeHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses an expired challenge', async () => {
    const solution = await solved(4);
    expectPowRequired(() => verifySolution(key, solution, new Date(now.getTime() + POW_CHALLENGE_TTL_SECONDS * 1000)));
  });

  it('refuses a challenge signed by another server', async () => {
    const solution = await solved(4, now, derivePowKey(randomBytes(32)));
    expectPowRequired(() => verifySolution(key, solution, now));
  });

  it('refuses a challenge whose difficulty was lowered', async () => {
    const issued = issueChallenge(key, 12, now);
    const bytes = fromBase64Url(issued.challenge);
    bytes[1] = 0;
    const nonce = await solvePow(bytes, 0);
    expectPowRequired(() => verifySolution(key, { challenge: toBase64Url(bytes), nonce: toBase64Url(nonce) }, now));
  });

  it('refuses a wrong nonce and garbage', async () => {
    const issued = issueChallenge(key, 16, now);
    const challenge = fromBase64Url(issued.challenge);
    let nonce = new Uint8Array(8);
    for (let i = 1; verifyPow(challenge, nonce, issued.bits); i++) nonce = Uint8Array.of(0, 0, 0, 0, 0, 0, i >> 8, i & 255);
    expectPowRequired(() => verifySolution(key, { challenge: issued.challenge, nonce: toBase64Url(nonce) }, now));
    expectPowRequired(() => verifySolution(key, { challenge: 'not*base64', nonce: 'AAAAAAAAAAA' }, now));
    expectPowRequired(() => verifySolution(key, { challenge: 'AAAA', nonce: 'AAAAAAAAAAA' }, now));
  });
});

describe('difficulty', () => {
  it('adds one bit per step of load, within bounds', () => {
    expect(difficultyFor(10, 0)).toBe(10);
    expect(difficultyFor(10, POW_LOAD_STEP - 1)).toBe(10);
    expect(difficultyFor(10, POW_LOAD_STEP)).toBe(11);
    expect(difficultyFor(10, POW_LOAD_STEP * 3)).toBe(13);
    expect(difficultyFor(10, POW_LOAD_STEP * 1000)).toBe(18);
    expect(difficultyFor(30, POW_LOAD_STEP * 1000)).toBe(32);
  });
});

describe('pow service', () => {
  function memoryLedger(openUploads = 0): PowLedger & { size: () => number } {
    const spent = new Map<string, Date>();
    return {
      countOpenUploads: async () => openUploads,
      spend: async (hash, keepUntil) => {
        if (spent.has(hash)) return false;
        spent.set(hash, keepUntil);
        return true;
      },
      countRemembered: async (at) => [...spent.values()].filter((until) => until > at).length,
      size: () => spent.size,
    };
  }

  it('spends a solution once and refuses the replay', async () => {
    const ledger = memoryLedger();
    const service = createPowService(key, 4, ledger);
    const issued = await service.challenge(now);
    const nonce = toBase64Url(await solvePow(fromBase64Url(issued.challenge), issued.bits));
    await service.spend({ challenge: issued.challenge, nonce }, now);
    await expect(service.spend({ challenge: issued.challenge, nonce }, now)).rejects.toMatchObject({ code: 'pow-required' });
    expect(ledger.size()).toBe(1);
  });

  it('raises the difficulty with the number of remembered spends', async () => {
    const ledger = memoryLedger();
    for (let i = 0; i < POW_LOAD_STEP; i++) await ledger.spend(`h${i}`, new Date(now.getTime() + 1000));
    const service = createPowService(key, 4, ledger);
    expect((await service.challenge(now)).bits).toBe(5);
    expect((await service.challenge(new Date(now.getTime() + 2000))).bits).toBe(4);
  });

  it('raises the difficulty with the number of uploads held open', async () => {
    expect((await createPowService(key, 4, memoryLedger(POW_LOAD_STEP * 3)).challenge(now)).bits).toBe(7);
    expect((await createPowService(key, 4, memoryLedger(POW_LOAD_STEP - 1)).challenge(now)).bits).toBe(4);
  });
});
