import { describe, expect, it } from 'vitest';
import { spokenReceipt, voiceFor } from './read-aloud.ts';

describe('reading the receipt aloud', () => {
  it('speaks every digit, in groups of four', () => {
    expect(spokenReceipt('123456789012345678901234')).toBe('1 2 3 4, 5 6 7 8, 9 0 1 2, 3 4 5 6, 7 8 9 0, 1 2 3 4');
  });

  it('picks a voice of the language, whatever its region', () => {
    const voices = [{ lang: 'en-GB' }, { lang: 'fr_CA' }, { lang: 'fr-FR' }];
    expect(voiceFor(voices, 'fr')).toBe(voices[1]);
    expect(voiceFor(voices, 'en')).toBe(voices[0]);
  });

  it('has no voice for a language no voice speaks (Bambara), and no false match on a prefix', () => {
    expect(voiceFor([{ lang: 'fr-FR' }, { lang: 'bmx' }], 'bm')).toBeUndefined();
  });
});
