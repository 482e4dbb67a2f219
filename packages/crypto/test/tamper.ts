/** Test-only helpers for tamper tests: flip bits and report which flips were not caught. */

export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return copy;
}

/** Bit positions that, once flipped, still open. `open` must throw on any tamper. */
export function uncaughtFlips(envelope: Uint8Array, open: (tampered: Uint8Array) => unknown, bits?: Iterable<number>): number[] {
  const positions = bits ?? Array.from({ length: envelope.length * 8 }, (_, i) => i);
  const uncaught: number[] = [];
  for (const bit of positions) {
    try {
      open(flipBit(envelope, bit));
      uncaught.push(bit);
    } catch {
      // expected: the flip was detected
    }
  }
  return uncaught;
}

/** Every bit of bytes [from, to). */
export const bitsOf = (from: number, to: number): number[] => Array.from({ length: (to - from) * 8 }, (_, i) => from * 8 + i);
