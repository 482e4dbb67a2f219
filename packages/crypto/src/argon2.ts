/**
 * Argon2id (RFC 9106) in pure JavaScript through noble's argon2idAsync, which yields to the
 * event loop so a page stays responsive. The parameter sets below are protocol constants:
 * changing one changes every derived key, so a new set gets a new `id` (recorded beside the
 * value it protects) and the old one stays here for as long as data made with it exists.
 * The figures and their measured cost are in docs/crypto.md.
 */
import { argon2idAsync } from '@noble/hashes/argon2.js';
import { CryptoError, assertBytes, assertInteger } from './errors.ts';

export type Argon2Params = {
  /** Memory in KiB. */
  readonly m: number;
  /** Passes over memory. */
  readonly t: number;
  /** Lanes. */
  readonly p: number;
  /** Output length in bytes. */
  readonly dkLen: number;
};

export type Argon2ParamSet = Argon2Params & { readonly id: 1 };

export type Argon2Progress = { readonly onProgress?: (fraction: number) => void };

/**
 * SECURITY: the floor is the OWASP minimum DESIGN §3 requires (19 MiB, t = 2). The public
 * wrapper refuses anything cheaper, so a typo or a "test" setting cannot ship.
 */
export const ARGON2_MIN_MEMORY_KIB = 19_456;
export const ARGON2_MIN_PASSES = 2;

export const ARGON2_PARAMS = {
  /** Receipts carry 73 bits of entropy, so their strength does not rest on Argon2id: the floor, bearable on a cheap phone with its JIT off. */
  receipt: { id: 1, m: 19_456, t: 2, p: 1, dkLen: 64 },
  /** Passwords are guessable; a stolen login-key hash must cost an attacker as much as we can bear. */
  password: { id: 1, m: 65_536, t: 2, p: 1, dkLen: 64 },
} as const satisfies { readonly receipt: Argon2ParamSet; readonly password: Argon2ParamSet };

/** Largest memory we agree to allocate (1 GiB), so a bad setting cannot crash a phone's tab. */
const MAX_MEMORY_KIB = 1_048_576;
const MIN_SALT_LENGTH = 8;
/** Milliseconds of work between two yields to the event loop. */
const ASYNC_TICK_MS = 10;

export function assertArgon2Params(params: Argon2Params): void {
  if (typeof params !== 'object' || params === null) throw new CryptoError('bad-input', 'params must be an object');
  assertInteger(params.p, 'params.p', 1, 255);
  assertInteger(params.m, 'params.m', 8 * params.p, MAX_MEMORY_KIB);
  assertInteger(params.t, 'params.t', 1, 1_000);
  assertInteger(params.dkLen, 'params.dkLen', 4, 1_024);
}

/** Argon2id(password, salt) with one of our parameter sets; refuses costs below the floor. */
export async function argon2id(
  password: Uint8Array,
  salt: Uint8Array,
  params: Argon2Params,
  opts: Argon2Progress = {},
): Promise<Uint8Array> {
  assertArgon2Params(params);
  if (params.m < ARGON2_MIN_MEMORY_KIB || params.t < ARGON2_MIN_PASSES) {
    throw new CryptoError('bad-input', 'Argon2id parameters are below the minimum (19 MiB, t = 2)');
  }
  return argon2idRaw(password, salt, { ...params, ...opts });
}

export type Argon2RawOptions = Argon2Params &
  Argon2Progress & {
    /** RFC 9106 secret value K. */
    readonly secret?: Uint8Array;
    /** RFC 9106 associated data X. */
    readonly ad?: Uint8Array;
  };

/**
 * Argon2id with every RFC 9106 input and no cost floor. For known-answer tests and tooling only:
 * protocol code calls `argon2id`, which enforces the floor.
 */
export async function argon2idRaw(password: Uint8Array, salt: Uint8Array, opts: Argon2RawOptions): Promise<Uint8Array> {
  assertBytes(password, 'password');
  assertBytes(salt, 'salt');
  if (salt.length < MIN_SALT_LENGTH) throw new CryptoError('bad-input', 'salt must be at least 8 bytes');
  assertArgon2Params(opts);
  if (opts.secret !== undefined) assertBytes(opts.secret, 'secret');
  if (opts.ad !== undefined) assertBytes(opts.ad, 'ad');
  try {
    return await argon2idAsync(password, salt, {
      m: opts.m,
      t: opts.t,
      p: opts.p,
      dkLen: opts.dkLen,
      asyncTick: ASYNC_TICK_MS,
      maxmem: MAX_MEMORY_KIB * 1024 + 1024 * 1024,
      ...(opts.secret === undefined ? {} : { key: opts.secret }),
      ...(opts.ad === undefined ? {} : { personalization: opts.ad }),
      ...(opts.onProgress === undefined ? {} : { onProgress: opts.onProgress }),
    });
  } catch {
    throw new CryptoError('bad-input', 'Argon2id refused its inputs');
  }
}
