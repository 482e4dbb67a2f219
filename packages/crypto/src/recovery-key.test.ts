import { describe, expect, it } from 'vitest';
import { generateRecoveryKey, parseRecoveryKey } from './index.ts';
import { codeOf } from '../test/error-code.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';


describe('recovery keys', () => {
  it('show 32 bytes as 14 groups of 4 Crockford characters and parse back', () => {
    for (let i = 0; i < 20; i++) {
      const { display, bytes } = generateRecoveryKey();
      expect(bytes.length).toBe(32);
      expect(display).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/);
      expect(parseRecoveryKey(display)).toEqual(bytes);
      expect(parseRecoveryKey(display.toLowerCase().replaceAll('-', ' '))).toEqual(bytes);
      expect(parseRecoveryKey(display.replaceAll('-', ''))).toEqual(bytes);
    }
  });

  it('accept the Crockford look-alikes O→0 and I/L→1', () => {
    const { display, bytes } = generateRecoveryKey();
    const sloppy = display.replaceAll('0', 'O').replaceAll('1', 'l');
    expect(parseRecoveryKey(sloppy)).toEqual(bytes);
  });

  it('catch every single-character substitution (over a few keys)', () => {
    for (let k = 0; k < 3; k++) {
      const { display } = generateRecoveryKey();
      const chars = display.replaceAll('-', '');
      for (let i = 0; i < chars.length; i++) {
        for (const c of ALPHABET) {
          if (c === chars[i]) continue;
          const typo = chars.slice(0, i) + c + chars.slice(i + 1);
          expect(codeOf(() => parseRecoveryKey(typo))).toBe('bad-recovery-key');
        }
      }
    }
  });

  it('catch adjacent transpositions, missing and extra characters, and foreign characters', () => {
    const { display } = generateRecoveryKey();
    const chars = display.replaceAll('-', '');
    for (let i = 0; i + 1 < chars.length; i++) {
      if (chars[i] === chars[i + 1]) continue;
      const swapped = chars.slice(0, i) + (chars[i + 1] ?? '') + (chars[i] ?? '') + chars.slice(i + 2);
      expect(codeOf(() => parseRecoveryKey(swapped))).toBe('bad-recovery-key');
    }
    expect(codeOf(() => parseRecoveryKey(chars.slice(1)))).toBe('bad-recovery-key');
    expect(codeOf(() => parseRecoveryKey(`${chars}0`))).toBe('bad-recovery-key');
    expect(codeOf(() => parseRecoveryKey(`U${chars.slice(1)}`))).toBe('bad-recovery-key');
  });
});
