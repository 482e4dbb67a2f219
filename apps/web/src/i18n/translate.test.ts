import { describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import { intlPluralRule, OTHER_ONLY, selectPlural } from './plural.ts';
import { createTranslator, formatMessage } from './translate.ts';
import { PUBLIC_CATALOGUES } from './all-catalogues.ts';
import type { Catalogue } from './types.ts';

const { fr, en, bm } = PUBLIC_CATALOGUES;

describe('plural rules', () => {
  const days = { one: 'one', many: 'many', other: 'other' };

  it('French `one` covers 0 and 1 (and 1.5); round millions take `many`', () => {
    expect([0, 1, 1.5, 2, 10, 1_000_000].map((n) => selectPlural(days, n, fr.plural))).toEqual(['one', 'one', 'one', 'other', 'other', 'many']);
  });

  it('English `one` is 1 alone', () => {
    expect([0, 1, 2, 1_000_000].map((n) => selectPlural(days, n, en.plural))).toEqual(['other', 'one', 'other', 'other']);
  });

  it('Bambara has only `other`, whatever the count, without asking Intl', () => {
    expect([0, 1, 2, 1_000_000].map((n) => selectPlural(days, n, bm.plural))).toEqual(['other', 'other', 'other', 'other']);
    expect(bm.plural).toBe(OTHER_ONLY);
  });

  it('falls back to `other` when the language uses a form the message omits', () => {
    expect(selectPlural({ one: 'one', other: 'other' }, 1_000_000, fr.plural)).toBe('other');
  });

  it('keeps to the declared categories when Intl knows more', () => {
    const oneOther = intlPluralRule('fr', ['one', 'other']);
    expect(oneOther.select(1_000_000)).toBe('other');
    expect(oneOther.select(0)).toBe('one');
  });
});

describe('formatMessage', () => {
  it('fills placeholders and writes numbers with the language’s separators', () => {
    expect(formatMessage('{count} sur {total}', fr, { count: 1500, total: 'dix' })).toBe('1\u202f500 sur dix');
    expect(formatMessage('{count} of {total}', en, { count: 1500, total: 'ten' })).toBe('1,500 of ten');
    expect(formatMessage('{count}', bm, { count: 1_500_000 })).toBe('1\u202f500\u202f000');
  });

  it('picks the plural form from `count` with the catalogue’s rule', () => {
    const left = fr.messages['form.charsLeft'];
    expect(formatMessage(left, fr, { count: 0 })).toBe('0 caractère restant');
    expect(formatMessage(left, fr, { count: 2 })).toBe('2 caractères restants');
    expect(formatMessage(en.messages['form.charsLeft'], en, { count: 0 })).toBe('0 characters left');
    expect(formatMessage(bm.messages['form.charsLeft'], bm, { count: 1 })).toBe('Sɛbɛnden 1 to yen');
  });

  it('leaves an unknown placeholder visible rather than dropping text', () => {
    expect(formatMessage('Bonjour {name}', fr)).toBe('Bonjour {name}');
  });
});

describe('createTranslator', () => {
  type Key = 'days' | 'only';
  type Code = 'fr' | 'en';
  const base = (code: Code, source: Catalogue<string>): Catalogue<Key, Code> => ({ ...source, code, messages: { days: 'x', only: 'x' } });
  const catalogues: Record<Code, Catalogue<Key, Code>> = {
    fr: { ...base('fr', fr), messages: { days: { one: '{count} jour', other: '{count} jours' }, only: 'seul' } },
    en: { ...base('en', en), messages: { days: { one: '{count} day', other: '{count} days' }, only: 'alone' } },
  };

  it('follows the language signal', () => {
    const language = signal<Code>('fr');
    const { t, locale, formats } = createTranslator(() => catalogues, language, 'fr');
    expect(t('days', { count: 0 })).toBe('0 jour');
    language.value = 'en';
    expect(t('days', { count: 0 })).toBe('0 days');
    expect(t('days', { count: 1 })).toBe('1 day');
    expect(locale()).toBe('en-GB');
    expect(formats().months[0]).toBe('January');
  });

  it('falls back to French for a message a newer catalogue lacks', () => {
    const partial = { ...catalogues, en: { ...catalogues.en, messages: { days: 'x' } as Catalogue<Key, Code>['messages'] } };
    const { t } = createTranslator(() => partial, signal<Code>('en'), 'fr');
    expect(t('only')).toBe('seul');
  });

  it('uses a catalogue provided after it was made, and speaks the interim messages before any', () => {
    const loaded = signal<Partial<Record<Code, Catalogue<Key, Code>>>>({});
    const interim = { locale: 'fr-FR', formats: fr.formats, messages: { only: 'avant' } };
    const { t, formats } = createTranslator(() => loaded.value, signal<Code>('en'), 'fr', () => interim);
    expect(t('only')).toBe('avant');
    expect(t('days', { count: 2 })).toBe('days');
    expect(formats().months[0]).toBe(fr.formats.months[0]);
    loaded.value = { en: catalogues.en };
    expect(t('only')).toBe('alone');
    expect(formats().months[0]).toBe('January');
  });
});
