import { describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import type { Language } from '@kenekanko/contracts';
import { createTranslator, formatMessage, selectPlural } from './translate.ts';
import type { Catalogue } from './types.ts';

type Key = 'days' | 'hello' | 'only';
const catalogues: Record<Language, Catalogue<Key>> = {
  fr: { locale: 'fr-ML', nativeName: 'Français', messages: { days: { one: '{count} jour', other: '{count} jours' }, hello: 'Bonjour {name}', only: 'seul' } },
  en: { locale: 'en-GB', nativeName: 'English', messages: { days: { one: '{count} day', other: '{count} days' }, hello: 'Hello {name}', only: 'alone' } },
};

describe('plural rules', () => {
  const days = { one: 'one', many: 'many', other: 'other' };

  it('French `one` covers 0 and 1, English `one` only 1', () => {
    expect(selectPlural(days, 0, 'fr')).toBe('one');
    expect(selectPlural(days, 1, 'fr')).toBe('one');
    expect(selectPlural(days, 2, 'fr')).toBe('other');
    expect(selectPlural(days, 0, 'en')).toBe('other');
    expect(selectPlural(days, 1, 'en')).toBe('one');
  });

  it('falls back to `other` when a language uses a form the catalogue omits', () => {
    // French uses `many` for round millions; Bambara has only `other`.
    expect(selectPlural({ one: 'one', other: 'other' }, 1_000_000, 'fr')).toBe('other');
    expect(selectPlural(days, 1_000_000, 'fr')).toBe('many');
    expect(selectPlural(days, 1, 'bm')).toBe('other');
  });
});

describe('formatMessage', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(formatMessage('{count} sur {total}', 'fr-ML', { count: 1500, total: 'dix' })).toBe('1\u202f500 sur dix');
    expect(formatMessage('{count} of {total}', 'en-GB', { count: 1500, total: 'ten' })).toBe('1,500 of ten');
  });

  it('leaves an unknown placeholder visible rather than dropping text', () => {
    expect(formatMessage('Bonjour {name}', 'fr-ML')).toBe('Bonjour {name}');
  });
});

describe('createTranslator', () => {
  it('follows the language signal', () => {
    const language = signal<Language>('fr');
    const { t, locale } = createTranslator(catalogues, language);
    expect(t('days', { count: 0 })).toBe('0 jour');
    expect(t('hello', { name: 'Awa' })).toBe('Bonjour Awa');
    language.value = 'en';
    expect(t('days', { count: 0 })).toBe('0 days');
    expect(t('days', { count: 1 })).toBe('1 day');
    expect(locale()).toBe('en-GB');
  });

  it('falls back to French for a message a newer catalogue lacks', () => {
    const partial = { ...catalogues, en: { ...catalogues.en, messages: { days: 'x', hello: 'y' } as Catalogue<Key>['messages'] } };
    const { t } = createTranslator(partial, signal<Language>('en'));
    expect(t('only')).toBe('seul');
  });
});
