import { describe, expect, it } from 'vitest';
import { ALERT_STATES, ERROR_CODES, INSTITUTION_TYPES, LANGUAGES, WRONGDOING_KINDS } from '@kenekanko/contracts';
import type { Language } from '@kenekanko/contracts';
import { PUBLIC_CATALOGUES, REGISTRY } from './all-catalogues.ts';
import { firstScreenOf } from './first-screen.ts';
import { DESK_LANGUAGE_CHOICES, DESK_MESSAGES } from './desk/catalogues.ts';
import { catalogue as english } from './languages/en.ts';
import { catalogue as french } from './languages/fr.ts';
import { OTHER_ONLY } from './plural.ts';
import { createRegistry } from './registry.ts';
import type { Catalogue, Message } from './types.ts';

const placeholders = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/\{(\w+)\}/g)) names.add(match[1] ?? '');
  return [...names].sort();
};

const tables = {
  reporter: Object.fromEntries(LANGUAGES.map((code) => [code, PUBLIC_CATALOGUES[code].messages])),
  desk: DESK_MESSAGES,
} as const;

describe.each(Object.entries(tables))('the %s catalogues', (_name, byLanguage: Partial<Record<Language, Readonly<Record<string, Message>>>>) => {
  const reference: Readonly<Record<string, Message>> = byLanguage['fr'] ?? {};
  const present = LANGUAGES.filter((code) => byLanguage[code] !== undefined);

  it('include French, the reference', () => {
    expect(Object.keys(reference).length).toBeGreaterThan(10);
  });

  it.each(present.filter((code) => code !== 'fr'))('%s has exactly the keys of French', (code) => {
    const table = byLanguage[code] ?? {};
    expect(Object.keys(table).sort()).toEqual(Object.keys(reference).sort());
  });

  it.each(present)('%s has no empty message, the placeholders of French, and plurals only where French has them', (code) => {
    const table: Readonly<Record<string, Message>> = byLanguage[code] ?? {};
    for (const [key, message] of Object.entries(table)) {
      const texts = typeof message === 'string' ? [message] : Object.values(message);
      for (const text of texts) expect(text.trim(), `${code} ${key}`).not.toBe('');
      const french = reference[key];
      if (french === undefined) continue;
      expect(placeholders(message), `${code} ${key}`).toEqual(placeholders(french));
      expect(typeof message, `${code} ${key}`).toBe(typeof french);
    }
  });

  it.each(present)('%s gives every plural message a form for each category of its plural rule, and no other', (code) => {
    const { categories } = PUBLIC_CATALOGUES[code].plural;
    for (const [key, message] of Object.entries(byLanguage[code] ?? {})) {
      if (typeof message === 'string') continue;
      expect(Object.keys(message).sort(), `${code} ${key}`).toEqual([...categories].sort());
      expect(message.other, `${code} ${key}`).toContain('{count}');
    }
  });
});

describe('catalogue metadata', () => {
  it('has a catalogue for every language of the contracts, and offers them French first', () => {
    expect(REGISTRY.catalogues.map((catalogue) => catalogue.code)).toEqual([...LANGUAGES]);
    expect(firstScreenOf(REGISTRY, 'fr').choices.map(({ code, nativeName }) => ({ code, nativeName }))).toEqual([
      { code: 'fr', nativeName: 'Français' },
      { code: 'en', nativeName: 'English' },
      { code: 'bm', nativeName: 'Bamanankan' },
    ]);
  });

  it('asks for the language in each language', () => {
    expect(firstScreenOf(REGISTRY, 'fr').choices.map((choice) => choice.choose)).toEqual(['Choisissez votre langue', 'Choose your language', 'I ka kan sugandi']);
  });

  it('declares the plural categories Intl uses for French and English', () => {
    for (const code of ['fr', 'en'] as const) {
      const { locale, plural } = PUBLIC_CATALOGUES[code];
      expect([...plural.categories].sort()).toEqual([...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort());
    }
  });

  it('declares a Bambara plural rule of its own, with `other` only (Chromium has no Bambara data)', () => {
    expect(PUBLIC_CATALOGUES.bm.plural).toBe(OTHER_ONLY);
  });

  it('names the months of French and English as Intl does', () => {
    for (const code of ['fr', 'en'] as const) {
      const { locale, formats } = PUBLIC_CATALOGUES[code];
      const intl = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
      expect(formats.months).toEqual(formats.months.map((_, month) => intl.format(Date.UTC(2024, month, 15))));
    }
  });

  it('ships the Bambara month names: CLDR’s names followed by -kalo (month), with ɛ and ɔ', () => {
    const { months } = PUBLIC_CATALOGUES.bm.formats;
    expect(months).toEqual([
      'Zanwuyekalo',
      'Feburuyekalo',
      'Marisikalo',
      'Awirilikalo',
      'Mɛkalo',
      'Zuwɛnkalo',
      'Zuluyekalo',
      'Utikalo',
      'Sɛtanburukalo',
      'Ɔkutɔburukalo',
      'Nowanburukalo',
      'Desanburukalo',
    ]);
    // Node's full ICU carries CLDR's Bambara (browsers may not): an independent spelling check.
    const cldr = new Intl.DateTimeFormat('bm', { month: 'long', timeZone: 'UTC' });
    expect(months.map((name) => name.toLowerCase())).toEqual(months.map((_, month) => `${cldr.format(Date.UTC(2024, month, 15))}kalo`));
  });

  it('marks Bambara, and only Bambara, as waiting for native speakers’ review', () => {
    expect(LANGUAGES.filter((code) => PUBLIC_CATALOGUES[code].review === 'needs-native-review')).toEqual(['bm']);
  });

  it('writes Bambara in its own letters', () => {
    const text = Object.values(PUBLIC_CATALOGUES.bm.messages)
      .flatMap((message) => (typeof message === 'string' ? [message] : Object.values(message)))
      .join(' ');
    for (const letter of ['ɛ', 'ɔ', 'ɲ', 'ŋ']) expect(text).toContain(letter);
    expect(text).not.toMatch(/[èòñ]/u); // look-alikes typed for want of the right key
  });

  it('keeps the desk in the languages it is written in', () => {
    expect(DESK_LANGUAGE_CHOICES.map((choice) => choice.code)).toEqual(['fr', 'en']);
    const reporterKeys = new Set(Object.keys(PUBLIC_CATALOGUES.fr.messages));
    expect(Object.keys(DESK_MESSAGES.fr ?? {}).filter((key) => reporterKeys.has(key))).toEqual([]);
  });

  it('has a message in every language for every server error code', () => {
    for (const code of LANGUAGES) {
      for (const error of Object.keys(ERROR_CODES)) expect(PUBLIC_CATALOGUES[code].messages, `${code} ${error}`).toHaveProperty([`api.${error}`]);
    }
  });
});

describe('adding a language is one file', () => {
  // What import.meta.glob hands the registry for src/i18n/languages/*.ts.
  const shipped = { './languages/fr.ts': { catalogue: french }, './languages/en.ts': { catalogue: english } };
  const songhay: Catalogue<string, string> = {
    code: 'ses',
    nativeName: 'Koyraboro senni',
    locale: 'ses-ML',
    plural: OTHER_ONLY,
    formats: { ...french.formats, dayPattern: '{day} {month} {year}' },
    review: 'needs-native-review',
    messages: { ...french.messages, 'language.choose': 'Songhay: choose' },
  };

  it('offers a catalogue registered from a single object on the first screen', () => {
    const registry = createRegistry<string, string>({ ...shipped, './languages/ses.ts': { catalogue: songhay } }, LANGUAGES);
    expect(registry.choices).toEqual([
      { code: 'fr', nativeName: 'Français' },
      { code: 'en', nativeName: 'English' },
      { code: 'ses', nativeName: 'Koyraboro senni' },
    ]);
    expect(registry.find('ses')).toBe(songhay);
  });

  it('refuses a file that is not named for the code it declares', () => {
    expect(() => createRegistry<string, string>({ ...shipped, './languages/son.ts': { catalogue: songhay } })).toThrow(/name the file/);
  });

  it('refuses a catalogue without twelve months', () => {
    const short = { ...songhay, formats: { ...songhay.formats, months: songhay.formats.months.slice(0, 11) } } as unknown as Catalogue<string, string>;
    expect(() => createRegistry<string, string>({ './languages/ses.ts': { catalogue: short } })).toThrow(/twelve months/);
  });
});

describe('vocabulary labels', () => {
  it('names the kinds of wrongdoing in the words the coalition chose', () => {
    expect(WRONGDOING_KINDS.map((kind) => PUBLIC_CATALOGUES.fr.messages[`kind.${kind}`])).toEqual([
      'Corruption et racket',
      'Détournement de fonds',
      'Enrichissement illicite',
      'Fraude dans les marchés publics',
      'Favoritisme et népotisme',
      'Extorsion',
      'Abus de pouvoir',
      'Violation des droits humains',
      'Autre',
    ]);
  });

  it.each(LANGUAGES)('%s labels every institution type and every state for reporters and staff', (code) => {
    const messages: Readonly<Record<string, Message>> = PUBLIC_CATALOGUES[code].messages;
    const desk: Readonly<Record<string, Message>> = DESK_MESSAGES[code] ?? DESK_MESSAGES.fr ?? {};
    for (const type of INSTITUTION_TYPES) expect(messages[`institution.${type}`]).toBeTypeOf('string');
    for (const state of ALERT_STATES) {
      expect(messages[`state.${state}`]).toBeTypeOf('string');
      expect(desk[`desk.state.${state}`]).toBeTypeOf('string');
    }
  });
});
