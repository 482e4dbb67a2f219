import { describe, expect, it } from 'vitest';
import { hasCatalogue, language, t } from './catalogues.ts';
import { chooseLanguage, loadCatalogue } from './lazy-catalogues.ts';

describe('catalogues loaded when their language is chosen', () => {
  it('starts with none, and switches only once the chosen one has arrived', async () => {
    expect(hasCatalogue('fr') || hasCatalogue('en') || hasCatalogue('bm')).toBe(false);
    expect(t('language.choose')).toBe('language.choose');
    const choosing = chooseLanguage('bm');
    expect(language.value).toBe('fr');
    await choosing;
    expect(language.value).toBe('bm');
    expect(t('language.choose')).toBe('I ka kan sugandi');
    expect(hasCatalogue('en')).toBe(false);
  });

  it('loads a catalogue once and refuses a language with no file', async () => {
    await loadCatalogue('en');
    await loadCatalogue('en');
    expect(hasCatalogue('en')).toBe(true);
    // @ts-expect-error a code outside LANGUAGES, as a tampered call would pass it
    await expect(loadCatalogue('xx')).rejects.toThrow(/no catalogue file/);
  });
});
