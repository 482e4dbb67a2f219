import { describe, expect, it } from 'vitest';
import { hasCatalogue, language, provideMessages, t } from './catalogues.ts';
import { chooseLanguage, loadCatalogue, withLaterMessages } from './lazy-catalogues.ts';

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

describe("a later view's messages (build/split-catalogues.ts)", () => {
  it('come with its code, in the current language, once that language is loaded', async () => {
    language.value = 'fr';
    const view = await withLaterMessages(async () => 'the view');
    expect(view).toBe('the view');
    expect(hasCatalogue('fr')).toBe(true);
    expect(t('follow.title')).not.toBe('follow.title');
  });

  it('are added to a loaded catalogue, and refused for a language not loaded yet', () => {
    provideMessages('fr', { 'follow.title': 'Suivre mon alerte (test)' });
    expect(t('follow.title')).toBe('Suivre mon alerte (test)');
    expect(t('form.region')).not.toBe('form.region');
    // @ts-expect-error a code outside LANGUAGES
    expect(() => provideMessages('xx', {})).toThrow(/no catalogue 'xx'/);
  });

  it('fail with the view when its code cannot be fetched, and may be tried again', async () => {
    await expect(withLaterMessages(() => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    await expect(withLaterMessages(async () => 1)).resolves.toBe(1);
  });
});
