import { describe, expect, it } from 'vitest';
import { PUBLIC_CATALOGUES } from '../src/i18n/all-catalogues.ts';
import { FIRST_SCREEN_KEYS } from '../src/i18n/first-screen.ts';
import { readFirstScreen } from './first-screen-plugin.ts';

describe('the first screen written at build time', () => {
  it('offers every language in its own words, read from the catalogue files', async () => {
    const screen = await readFirstScreen();
    expect(screen.choices).toEqual([
      { code: 'fr', nativeName: 'Français', choose: 'Choisissez votre langue' },
      { code: 'en', nativeName: 'English', choose: 'Choose your language' },
      { code: 'bm', nativeName: 'Bamanankan', choose: 'I ka kan sugandi' },
    ]);
    for (const key of FIRST_SCREEN_KEYS) expect(screen.interim.messages[key]).toBe(PUBLIC_CATALOGUES.fr.messages[key]);
  });

  it('is small: a few messages, not a catalogue', async () => {
    const screen = await readFirstScreen();
    expect(Object.keys(screen.interim.messages)).toHaveLength(FIRST_SCREEN_KEYS.length);
    expect(JSON.stringify(screen).length).toBeLessThan(1500);
  });
});
