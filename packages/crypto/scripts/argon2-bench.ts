/**
 * Measures noble's pure-JS argon2idAsync for candidate parameter sets (docs/crypto.md,
 * "Argon2id figures"). Not a test: run by hand on a quiet machine and read the minimum, which
 * is the least disturbed by other work.
 *
 *   npx tsx packages/crypto/scripts/argon2-bench.ts [runs]        (add `node --jitless` to mimic
 *   a browser with its JIT turned off, e.g. Tor Browser at "Safer")
 */
/* eslint-disable no-console -- a command-line benchmark prints its results */
import { argon2idAsync } from '@noble/hashes/argon2.js';

const CANDIDATES: readonly (readonly [m: number, t: number])[] = [
  [19_456, 2],
  [32_768, 2],
  [47_104, 1],
  [65_536, 2],
  [65_536, 3],
  [131_072, 2],
];

const runs = Number(process.argv[2] ?? '5');
const password = new TextEncoder().encode('1234567890123456789012');
const salt = new Uint8Array(16).fill(7);

await argon2idAsync(password, salt, { m: 1_024, t: 1, p: 1, dkLen: 64 });
console.log(`node ${process.version}, ${runs} runs each, p = 1, dkLen = 64, asyncTick = 10 ms`);
for (const [m, t] of CANDIDATES) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await argon2idAsync(password, salt, { m, t, p: 1, dkLen: 64, asyncTick: 10, maxmem: 2 ** 31 });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`m = ${m} KiB (${Math.round(m / 1024)} MiB), t = ${t}: min ${times[0]?.toFixed(0)} ms, median ${median.toFixed(0)} ms`);
}
